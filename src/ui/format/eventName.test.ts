import { beforeAll, describe, expect, it } from 'vitest';
import { demoRecord } from '../../../test/support/demo-record';
import { ROW_NOW, row } from '../../../test/support/worklistRowBuilders';
import type { ClinicalRecord } from '../../domain/record';
import { buildTimeline } from '../../domain/timeline';
import { DEFAULT_WORKLIST_FILTER } from '../../domain/worklist';
import { createMessages, type Messages } from '../messages/translator';
import { copyToNoteText } from '../copy-to-note/copyToNoteViewModel';
import { buildDoseCalendarView } from '../dose-calendar/doseCalendarViewModel';
import { buildPlanStripView } from '../plan-strip/planStripViewModel';
import { buildEventCardView } from '../stop-criteria/stopCriteriaViewModel';
import { buildSummaryView } from '../summary/summaryViewModel';
import { buildEventLaneView, eventLabel } from '../timeline/timelineViewModel';
import { DEFAULT_WORKLIST_SORT, buildWorklistView } from '../worklist/worklistViewModel';
import { eventName, sameEventName } from './eventName';

const en = createMessages({ locale: 'en', zone: 'Europe/London' });
const ru = createMessages({ locale: 'ru', zone: 'Europe/London' });

describe('eventName', () => {
  it("a record's own text is shown as written, in either language", () => {
    expect(eventName({ text: 'Elective caesarean section' }, en)).toBe('Elective caesarean section');
    expect(eventName({ text: 'Elective caesarean section' }, ru)).toBe('Elective caesarean section');
  });
  it('a record without text is named by its class from the catalogue', () => {
    expect(eventName({ class: 'caesarean' }, en)).toBe('Caesarean section');
    expect(eventName({ class: 'caesarean' }, ru)).toBe('Кесарево сечение');
    expect(eventName({ class: 'oocyte-retrieval' }, ru)).toBe('Пункция фолликулов');
  });
  it('two names are the same only with the same text, or the same class and no text', () => {
    expect(sameEventName({ class: 'caesarean' }, { class: 'caesarean' })).toBe(true);
    expect(sameEventName({ class: 'caesarean' }, { text: 'Caesarean section' })).toBe(false);
    expect(sameEventName({ text: 'A' }, { text: 'A' })).toBe(true);
    expect(sameEventName({ text: 'A' }, undefined)).toBe(false);
  });
});

/** The third-trimester demo with its caesarean's record text removed: the class names it. */
describe('an event recorded without text, in every consumer', () => {
  let record: ClinicalRecord;
  beforeAll(async () => {
    const r = await demoRecord('third-trimester');
    record = {
      ...r,
      events: { ...r.events, planned: r.events.planned.map((e) => ({ ...e, name: { class: e.class } })) },
      rules: { ...r.rules, cards: r.rules.cards.map((c) => ({ ...c, event: { ...c.event, name: { class: c.event.class } } })) },
    };
  });
  const caesarean = (m: Messages) => (m.locale === 'ru' ? 'Кесарево сечение' : 'Caesarean section');

  it.each([en, ru])('rule card heading (%s)', (m) => {
    const card = record.rules.cards.find((c) => c.event.class === 'caesarean')!;
    expect(buildEventCardView(card, m).label).toBe(caesarean(m));
  });
  it.each([en, ru])('plan strip next event (%s)', (m) => {
    const v = buildPlanStripView({ plan: record.plan, cards: record.rules.cards, facilityZone: { zone: 'Europe/London', from: 'ehr-config', rejected: [] } }, m);
    expect(v.next?.text).toContain(caesarean(m));
    expect(v.next?.text).not.toContain('Elective');
  });
  it.each([en, ru])('summary next planned event (%s)', (m) => {
    const v = buildSummaryView(record, m);
    expect(v.next.event?.label).toBe(caesarean(m));
  });
  it.each([en, ru])('timeline event mark and stop-deadline marks (%s)', (m) => {
    const t = buildTimeline(record);
    const labels = t.events.map((e) => eventLabel(e, m));
    expect(labels.filter((l) => l === caesarean(m))).toHaveLength(1);
    expect(labels.filter((l) => l.includes(caesarean(m)))).toHaveLength(t.events.length);
  });
  it('timeline lane: a class-worded name is interface text, a record\'s own text is marked as record text', async () => {
    const lane = buildEventLaneView(buildTimeline(record), ru);
    expect(lane.events.find((e) => e.kind === 'delivery')).toMatchObject({ short: 'Кесарево сечение', shortIsRecordText: false });
    const original = await demoRecord('third-trimester');
    expect(buildEventLaneView(buildTimeline(original), ru).events.find((e) => e.kind === 'delivery')).toMatchObject({ short: 'Elective caesarean section', shortIsRecordText: true });
  });
  it.each([en, ru])('copy to note (%s)', (m) => {
    const text = copyToNoteText({ patient: { name: 'Anna Example', birthDate: '1990-04-03', identifier: 'MRN 1' }, cards: record.rules.cards, triggers: [], nowMs: record.nowMs }, m);
    expect(text).toContain(`${caesarean(m)}: `);
  });
  it.each([en, ru])('patient dose calendar (%s)', (m) => {
    const v = buildDoseCalendarView({ plan: record.plan, cards: record.rules.cards, nowMs: record.nowMs, zone: 'Europe/London' }, m);
    expect(JSON.stringify(v)).toContain(caesarean(m));
  });
  it.each([en, ru])('worklist: next event and a deadline for another event (%s)', (m) => {
    const r = { ...row('a', { eventInHours: 50, deadlineInHours: 2 }), nextEvent: { class: 'embryo-transfer' as const, name: { class: 'embryo-transfer' as const }, atMs: ROW_NOW + 3_600_000, source: undefined } };
    const v = buildWorklistView([{ patientId: r.patientId, state: 'done', row: r, incomplete: false }], DEFAULT_WORKLIST_FILTER, DEFAULT_WORKLIST_SORT, ROW_NOW, m);
    const cells = v.rows[0]!;
    expect(cells.event).toBe(m.locale === 'ru' ? 'Перенос эмбрионов' : 'Embryo transfer');
    expect(cells.deadlineFor).toContain(caesarean(m));
  });
});
