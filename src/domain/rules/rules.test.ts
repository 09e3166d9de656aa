import { describe, expect, it } from 'vitest';
import { ALL_RULES, OMITTED_ITEMS, numbersUsable, ruleById } from './index';
import type { Rule, StopBeforeEventRule } from './ruleTypes';

const stopRule = (id: string): StopBeforeEventRule => {
  const r = ruleById(id);
  if (!r || r.kind !== 'stop-before-event') throw new Error(`not a stop rule: ${id}`);
  return r;
};

describe('rule data', () => {
  it('every rule id is unique and every rule has a version, a note id and a published citation unless its source is the article or general knowledge (its wording is in the catalogue)', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL_RULES) {
      expect(r.version, r.id).toMatch(/^\d+\.\d+\.\d+$/);
      if (r.source.kind === 'source-article' || r.source.kind === 'general-knowledge') expect(r.source.citation, r.id).toBeNull();
      else expect(r.source.citation?.length ?? 0, r.id).toBeGreaterThan(20);
      expect(r.source.noteId.length, r.id).toBeGreaterThan(3);
    }
  });

  it.each<[string, number | null, StopBeforeEventRule['parameters']['doseClasses'], string[]]>([
    ['source.stop-before.planned-birth-48h', 48, 'any', ['caesarean', 'induction-or-planned-birth']],
    ['source.stop-before.any-surgery', null, 'any', ['other-surgery', 'oocyte-retrieval']],
    ['asra2018.stop-before.neuraxial-prophylactic-12h', 12, ['prophylactic'], ['caesarean', 'induction-or-planned-birth', 'other-surgery', 'oocyte-retrieval']],
    ['asra2018.stop-before.neuraxial-therapeutic-24h', 24, ['therapeutic', 'intermediate', 'unknown'], ['caesarean', 'induction-or-planned-birth', 'other-surgery', 'oocyte-retrieval']],
  ])('%s: %s h, dose classes %j, events %j', (id, hours, doseClasses, events) => {
    const r = stopRule(id);
    expect(r.parameters.hoursBefore).toBe(hours);
    expect(r.parameters.doseClasses).toEqual(doseClasses);
    expect([...r.parameters.eventClasses]).toEqual(events);
    expect(numbersUsable(r)).toBe(true);
  });

  it.each<[string, Rule['source']['verification'], boolean]>([
    ['source.stop-now.genital-bleeding', 'source-text', true],
    ['asra2018.stop-before.neuraxial-prophylactic-12h', 'verified', true],
    ['asra2018.caution.platelets-before-block', 'verified', true],
    ['asra2018.restart-after.catheter-removal', 'partial', false],
    ['rcog37a.stop-now.bleeding-or-labour', 'partial', false],
    ['rcog37a.stop-before.regional-prophylactic-12h', 'partial', false],
    ['rcog37a.stop-before.regional-therapeutic-24h', 'partial', false],
    ['rcog37a.restart-after.spinal-or-catheter-removal', 'partial', false],
    ['rcog37a.note.postnatal-duration', 'verified', true],
    ['rcog37a.note.ohss-risk-factor', 'verified', true],
    ['rcog37a.caution.weight-band', 'partial', false],
    ['acog2020.note.ufh-switch-optional', 'verified', true],
    ['ash2018.caution.no-routine-anti-xa', 'verified', true],
    ['eshre.note.inherited-thrombophilia-without-aps', 'partial', false],
    ['soap2018.note.neuraxial-consensus', 'partial', false],
    ['label.caution.renal-clearance-below-30', 'verified', true],
    ['general.note.pt-aptt-not-for-lmwh', 'partial', false],
  ])('%s is %s (numbers usable: %s)', (id, verification, usable) => {
    const r = ruleById(id);
    expect(r?.source.verification).toBe(verification);
    expect(r && numbersUsable(r)).toBe(usable);
  });

  it('restart rules compute no time: their numbers are only partly verified', () => {
    const restarts = ALL_RULES.filter((r) => r.kind === 'restart-after');
    expect(restarts.length).toBeGreaterThanOrEqual(3);
    for (const r of restarts) if (r.kind === 'restart-after') expect(r.parameters.hoursAfter).toBeNull();
  });

  it('ACOG Practice Bulletin 196 numbers are not rules, and the omission is recorded', () => {
    expect(ALL_RULES.some((r) => r.source.name === 'ACOG Practice Bulletin 196 (2018)')).toBe(false);
    expect(OMITTED_ITEMS.filter((o) => o.source === 'ACOG Practice Bulletin 196 (2018)')).toHaveLength(2);
  });

  it('the app threshold for "long before the protocol" is 28 days', () => {
    const r = ruleById('source.caution.works-only-while-injected');
    expect(r?.kind === 'caution' && r.parameters.topic === 'started-long-before-protocol' && r.parameters.appThresholdDays).toBe(28);
  });
});
