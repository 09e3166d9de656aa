/** Every rule's attributed wording is in the catalogue (`rule.<id>`), and every `rule.*` key belongs to a rule. */
import { describe, expect, it } from 'vitest';
import { ALL_RULES, ruleById } from '../../domain/rules';
import { EN } from './catalogue';
import { createMessages } from './translator';
import { ruleWording } from '../stop-criteria/ruleLineViewModel';

const m = createMessages({ locale: 'en', zone: 'UTC' });
const wording = (id: string) => ruleWording(id, m);

describe('rule wording in the catalogue', () => {
  it('every rule in the registry has its wording', () => {
    const missing = ALL_RULES.filter((r) => !(`rule.${r.id}` in EN)).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('every rule.* key belongs to a rule in the registry', () => {
    const orphans = Object.keys(EN)
      .filter((k) => k.startsWith('rule.'))
      .filter((k) => !ruleById(k.slice('rule.'.length)));
    expect(orphans).toEqual([]);
  });

  it('a rule id that is not in the catalogue is shown as its key, never as an empty line', () => {
    expect(wording('no.such-rule')).toBe('⟦rule.no.such-rule⟧');
  });

  it('wording attributes and never orders anyone to stop or inject', () => {
    for (const r of ALL_RULES) {
      const w = wording(r.id);
      expect(w.length, r.id).toBeGreaterThan(20);
      expect(w, r.id).not.toMatch(/^(Stop|Inject|Give|Start|Continue|Hold)\b/);
      if (r.source.kind === 'source-article') expect(w, r.id).toMatch(/^The source /);
      // The label beside the wording names the guideline ("ASRA 2018"): the wording does not say it again.
      if (r.source.kind === 'guideline') expect(w, r.id).not.toMatch(/\(guideline\)|^(ASRA|RCOG|ACOG|ASH|ESHRE|SOAP)\b/);
    }
  });

  it('the unverified SOAP and ESHRE notes carry no hour or dose numbers and say what was not verified', () => {
    for (const id of ['soap2018.note.neuraxial-consensus', 'eshre.note.inherited-thrombophilia-without-aps']) {
      expect(wording(id)).not.toMatch(/\d+\s*(h|hours|mg|IU|units)\b/);
      expect(wording(id)).toMatch(/not (verified|checked)/);
    }
  });

  it('partial RCOG wording says it is from a reproduction, not the primary', () => {
    for (const r of ALL_RULES.filter((x) => x.source.name === 'RCOG Green-top 37a (2015)' && x.source.verification === 'partial')) {
      expect(wording(r.id), r.id).toMatch(/reproduction|not verified|Partly verified|transcription/);
    }
  });

  it("the long-before threshold is labelled as the app's, not the source's", () => {
    expect(wording('source.caution.works-only-while-injected')).toContain("28 days is the app's threshold, not the source's");
  });

  it('the source rule "before any surgery" says plainly that it gives no interval', () => {
    expect(wording('source.stop-before.any-surgery')).toContain('It gives no interval.');
  });
});
