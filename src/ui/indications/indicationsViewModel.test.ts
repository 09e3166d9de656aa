import { describe, expect, it } from 'vitest';
import { context, event, ms, ref } from '../../../test/support/ruleBuilders';
import { indications } from '../../domain/rules';
import { searchesRead, FINDING_GROUPS } from '../../domain/rules/searchCompleteness';
import { createMessages } from '../messages/translator';
import { reason, reasonParam } from '../../domain/reasons';
import { buildIndicationsView } from './indicationsViewModel';

const m = createMessages({ locale: 'en', zone: 'UTC' });
const complete = searchesRead(Object.fromEntries(FINDING_GROUPS.map((g) => [g, { status: 'complete' as const }])), FINDING_GROUPS);

describe('indications panel words', () => {
  it('one miscarriage: the count and that it is fewer than the source\'s 2; status and date written', () => {
    const label = reason('findings.indication.recurrent-miscarriage', { basis: reasonParam(reason('findings.losses.fewer', { n: 1 })) });
    const facts = [{ kind: 'recurrent-miscarriage' as const, status: 'unclear' as const, label, count: 1, atMs: ms('2025-05-01T10:00:00Z'), source: ref('Condition', 'm') }];
    const v = buildIndicationsView({ findings: indications(context({ indicationFacts: facts })), search: complete }, m);
    expect(v.findings[0]?.title).toBe('Recurrent miscarriage');
    expect(v.findings[0]?.status.text).toBe('unclear');
    expect(v.findings[0]?.evidence[0]?.text).toBe(
      "Recurrent miscarriage: 1 miscarriage record; fewer than 2 losses shown in the record (not proof of fewer) (1 loss: fewer than the source's 2) [unclear], 1 May 2025 10:00 (UTC)",
    );
    expect(buildIndicationsView({ findings: indications(context({ indicationFacts: facts })), search: complete }, createMessages({ locale: 'ru', zone: 'UTC' })).findings[0]?.evidence[0]?.text).toMatch(
      /^Привычное невынашивание: 1 запись о выкидыше; в карте меньше 2 потерь/,
    );
    expect(v.findings[0]?.wording).toMatch(/^The source lists LMWH in recurrent miscarriage/);
  });

  it('OHSS risk with an embryo transfer: the transfer is written as evidence', () => {
    const facts = [{ kind: 'ohss-risk' as const, status: 'present' as const, label: reason('findings.indication.fact', { label: 'Risk of OHSS', detail: reasonParam(reason('findings.clinical-status', { status: 'active' })) }), source: ref('Condition', 'o') }];
    const v = buildIndicationsView({ findings: indications(context({ events: [event('embryo-transfer', '2026-02-10T10:00:00Z')], indicationFacts: facts })), search: complete }, m);
    expect(v.findings[0]?.evidence.map((e) => e.text)).toEqual(['Risk of OHSS (clinical status active) [present]', 'Embryo transfer 10 Feb 2026 10:00 (UTC)']);
  });

  it('nothing found: "none found" only when the searches were complete', () => {
    expect(buildIndicationsView({ findings: [], search: complete }, m).empty).toBe('None found in the record.');
    const partial = searchesRead({ conditions: { status: 'incomplete', reason: reason('fhir.page-failed', { page: 3, type: 'Condition', why: 'test' }) } }, ['conditions']);
    const v = buildIndicationsView({ findings: [], search: partial }, m);
    expect(v.empty).toBe('None found in what could be read.');
    expect(v.incomplete).toBe('The record could not be read completely (Conditions: incomplete (page 3 of the Condition search failed: test)): findings may be missing.');
  });
});

describe('OHSS in the indications panel, from the IVF cycle model', () => {
  it('ivf-ohss: "mild; risk" is listed as a risk of OHSS (not the syndrome) with its severity, not as OHSS "present" without one (en, ru)', async () => {
    const { demoRecord } = await import('../../../test/support/demo-record');
    const r = await demoRecord('ivf-ohss');
    const ohss = r.rules.indications.filter((f) => f.kind === 'ohss' || f.kind === 'ohss-risk');
    expect(ohss.map((f) => f.kind)).toEqual(['ohss-risk']);
    const v = buildIndicationsView({ findings: ohss, search: complete }, m);
    expect(v.findings[0]?.title).toBe(m.t('indications.kind.ohss-risk'));
    expect(v.findings[0]?.evidence[0]?.text).toMatch(/^Ovarian hyperstimulation syndrome, mild; risk: risk of OHSS, not the syndrome; severity mild \(from the text\) \[present\], /);
    const ru = buildIndicationsView({ findings: ohss, search: complete }, createMessages({ locale: 'ru', zone: 'UTC' }));
    expect(ru.findings[0]?.evidence[0]?.text).toMatch(/^Ovarian hyperstimulation syndrome, mild; risk: риск СГЯ, а не сам синдром; степень лёгкая \(по тексту\)/);
  });

  it('OHSS without a severity says "severity not recorded" (en) / "степень тяжести не указана" (ru)', () => {
    const label = reason('ivf.ohss-indication', { written: 'OHSS', kind: 'disorder', severity: 'not-recorded', from: 'none' });
    const facts = [{ kind: 'ohss' as const, status: 'present' as const, label, source: ref('Condition', 'o') }];
    const findings = indications(context({ indicationFacts: facts }));
    expect(buildIndicationsView({ findings, search: complete }, m).findings[0]?.evidence[0]?.text).toBe('OHSS: OHSS; severity not recorded [present]');
    expect(buildIndicationsView({ findings, search: complete }, createMessages({ locale: 'ru', zone: 'UTC' })).findings[0]?.evidence[0]?.text).toMatch(/^OHSS: СГЯ; степень тяжести не указана/);
  });
});
