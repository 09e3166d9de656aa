import { describe, expect, it } from 'vitest';
import { context, event, ms, ref } from '../../../test/support/ruleBuilders';
import { indications } from '../../domain/rules';
import { searchesRead, FINDING_GROUPS } from '../../domain/rules/searchCompleteness';
import { createMessages } from '../messages/translator';
import { buildIndicationsView } from './indicationsViewModel';

const m = createMessages({ locale: 'en', zone: 'UTC' });
const complete = searchesRead(Object.fromEntries(FINDING_GROUPS.map((g) => [g, { status: 'complete' as const }])), FINDING_GROUPS);

describe('indications panel words', () => {
  it('one miscarriage: the count and that it is fewer than the source\'s 2; status and date written', () => {
    const facts = [{ kind: 'recurrent-miscarriage' as const, status: 'unclear' as const, label: 'Miscarriage', count: 1, atMs: ms('2025-05-01T10:00:00Z'), source: ref('Condition', 'm') }];
    const v = buildIndicationsView({ findings: indications(context({ indicationFacts: facts })), search: complete }, m);
    expect(v.findings[0]?.title).toBe('Recurrent miscarriage');
    expect(v.findings[0]?.status.text).toBe('unclear');
    expect(v.findings[0]?.evidence[0]?.text).toBe("Miscarriage (1 loss: fewer than the source's 2) [unclear], 1 May 2025 10:00 (UTC)");
    expect(v.findings[0]?.wording).toMatch(/^The source lists LMWH in recurrent miscarriage/);
  });

  it('OHSS risk with an embryo transfer: the transfer is written as evidence', () => {
    const facts = [{ kind: 'ohss-risk' as const, status: 'present' as const, label: 'Risk of OHSS', source: ref('Condition', 'o') }];
    const v = buildIndicationsView({ findings: indications(context({ events: [event('embryo-transfer', '2026-02-10T10:00:00Z')], indicationFacts: facts })), search: complete }, m);
    expect(v.findings[0]?.evidence.map((e) => e.text)).toEqual(['Risk of OHSS [present]', 'Embryo transfer 10 Feb 2026 10:00 (UTC)']);
  });

  it('nothing found: "none found" only when the searches were complete', () => {
    expect(buildIndicationsView({ findings: [], search: complete }, m).empty).toBe('None found in the record.');
    const partial = searchesRead({ conditions: { status: 'incomplete', reason: 'page 3 failed' } }, ['conditions']);
    const v = buildIndicationsView({ findings: [], search: partial }, m);
    expect(v.empty).toBe('None found in what could be read.');
    expect(v.incomplete).toBe('The record could not be read completely (conditions: incomplete (page 3 failed)): findings may be missing.');
  });
});
