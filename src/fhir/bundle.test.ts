import { worded } from '../../test/support/reasonText';
import { describe, expect, it } from 'vitest';
import { outcomeSummary, parseSearchPage } from './bundle';

describe('parseSearchPage', () => {
  it("Epic's 4119 outcome entry becomes a warning (details.text), not a resource", () => {
    const parsed = parseSearchPage({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 1,
      entry: [
        { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p1' }, search: { mode: 'match' } },
        {
          search: { mode: 'outcome' },
          resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'warning', code: 'suppressed', details: { coding: [{ code: '4119', display: 'Shown display' }], text: 'Shown text' } }] },
        },
        // An OperationOutcome without search.mode is not data either.
        { resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', details: { coding: [{ code: '4101', display: 'No results' }] } }] } },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.page.entries.map((e) => e.resource.resourceType)).toEqual(['Patient']);
    expect(parsed.page.warnings).toEqual(['Shown text', 'No results']);
    expect(parsed.page.errors).toEqual([]);
    expect(parsed.page.fullUrls.get('urn:uuid:p')).toEqual({ resourceType: 'Patient', id: 'p1' });
    expect(parsed.page.next).toBeUndefined();
  });

  it('an OperationOutcome or a non-FHIR body is not a page', () => {
    expect(worded(parseSearchPage({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'x', diagnostics: 'Nope' }] }))).toEqual({
      ok: false,
      reason: 'the server answered with an OperationOutcome instead of results: Nope',
    });
    expect(parseSearchPage('<html>').ok).toBe(false);
    expect(parseSearchPage(null).ok).toBe(false);
  });
});

describe('outcomeSummary', () => {
  it('joins the issues: diagnostics first, then details', () => {
    expect(
      outcomeSummary({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'required', diagnostics: 'Must have either code or category.' }, { severity: 'error', code: 'invalid' }] }),
    ).toBe('Must have either code or category.; invalid');
    expect(outcomeSummary(undefined)).toBeUndefined();
  });
});
