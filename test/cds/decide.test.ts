/**
 * The CDS decision on the demo patients at a fixed instant (25 Nov 2026 10:00 London): the card's deadlines are the
 * patient view's, its indicator says whether the booked time is already inside a stop window, no LMWH order gives no
 * card, and missing data gives a card that names what is missing.
 */
import { createMessages } from '../../src/ui/messages/translator';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadUnitConverter, type UnitConverter } from '../../src/domain/labs';
import { buildClinicalRecord } from '../../src/domain/record';
import { decide, cardUuid, type LmwhAppContext } from '../../cds/decide';
import { withProposals } from '../../cds/hookRecord';
import { DEMO_TEST_NOW, DEMO_TEST_ZONE, demoResources, recordInputFor, type DemoPatientId } from '../support/demo-record';
import { draftServiceRequest, proposedAppointment } from './proposals';
import type { GroupStatus, QueryGroup } from '../../src/domain/input';

let units: UnitConverter;
beforeAll(async () => {
  units = await loadUnitConverter();
});

const APP = 'http://ehr.test/app/launch/';

function run(id: DemoPatientId, proposals: fhir4.Resource[], statuses: Partial<Record<QueryGroup, GroupStatus>> = {}) {
  const input = withProposals(recordInputFor(demoResources(id), id, statuses), proposals);
  return decide(input, proposals, { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units, serviceId: 'lmwh-stop-window-booking', appLaunchUrl: APP });
}

describe('third-trimester patient on enoxaparin 40 mg daily (last dose 24 Nov 18:00)', () => {
  it('a caesarean booked for 28 Nov 08:30 gets one warning card: last dose by 26 Nov 08:30 by the source\u2019s 48 h', () => {
    const d = run('third-trimester', [proposedAppointment('new-cs', 'third-trimester', 'caesarean', '2026-11-28T08:30:00Z')]);
    expect(d.cards).toHaveLength(1);
    const card = d.cards[0]!;
    expect(card.indicator).toBe('warning');
    expect(card.summary).toBe('Enoxaparin 40 mg SC every 24 h: last dose by 26 Nov 2026 08:30 (UTC) for this caesarean (source: 48 h)');
    expect(card.summary.length).toBeLessThan(140);
    expect(card.detail).toContain('The source article (Clexane article)');
    expect(card.detail).toContain('ASRA 2018');
    expect(card.detail).toContain('MedicationRequest/third-trimester-medreq-enoxaparin');
    expect(card.detail).toContain('Last recorded LMWH dose: 24 Nov 2026 18:00 (UTC)');
    expect(card.source.label).toMatch(/LMWH Monitor/);
    const link = card.links[0]!;
    expect(link).toMatchObject({ label: 'Open LMWH Monitor', type: 'smart', url: APP });
    const ctx = JSON.parse(link.appContext!) as LmwhAppContext;
    expect(ctx.event).toBe('event:Appointment/new-cs');
    expect(ctx.proposal).toMatchObject({ class: 'caesarean', start: '2026-11-28T08:30:00.000Z', dateOnly: false });
  });

  it('a caesarean booked for 26 Nov 08:30 is already inside the window (deadline 24 Nov 08:30 passed, a dose after it): critical', () => {
    const d = run('third-trimester', [proposedAppointment('soon-cs', 'third-trimester', 'caesarean', '2026-11-26T08:30:00Z')]);
    expect(d.cards).toHaveLength(1);
    expect(d.cards[0]!.indicator).toBe('critical');
    expect(d.cards[0]!.summary).toContain('inside the stop window');
    expect(d.cards[0]!.summary).toContain('24 Nov 2026 08:30 (UTC)');
    expect(d.cards[0]!.summary.length).toBeLessThan(140);
    expect(d.cards[0]!.detail).toContain('has already passed');
  });

  it('the deadlines of the card are exactly those of the patient view for the same stored caesarean', () => {
    const stored = demoResources('third-trimester').find((r) => r.resourceType === 'Appointment')!;
    const d = run('third-trimester', [stored]);
    const view = buildClinicalRecord(recordInputFor(demoResources('third-trimester'), 'third-trimester'), { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units });
    const viewCard = view.rules.cards.find((c) => c.event.sources.some((s) => s.id === stored.id))!;
    const m = createMessages({ locale: 'en', zone: DEMO_TEST_ZONE });
    for (const line of viewCard.deadlines.filter((l) => l.deadlineMs !== null)) {
      expect(d.cards[0]!.detail).toContain(`Last dose no later than ${m.instant(line.deadlineMs!)}`);
    }
    expect(d.cards[0]!.summary).toContain(m.instant(viewCard.deadlines.find((l) => l.source.kind === 'source-article')!.deadlineMs!));
  });

  it('a draft surgery order (order-sign) gives the ASRA 2018 prophylactic 12 h deadline; the source gives no interval', () => {
    const d = run('third-trimester', [draftServiceRequest('draft-lap', 'third-trimester', 'surgery', '2026-12-01T10:00:00Z')]);
    expect(d.cards).toHaveLength(1);
    expect(d.cards[0]!.summary).toBe('Enoxaparin 40 mg SC every 24 h: last dose by 30 Nov 2026 22:00 (UTC) for this surgery (ASRA 2018: 12 h)');
    expect(d.cards[0]!.detail).toContain('The source gives no interval');
  });

  it('a proposal the event reader does not recognise as surgery or delivery gets no card', () => {
    const d = run('third-trimester', [proposedAppointment('dentist', 'third-trimester', 'dental', '2026-12-01T10:00:00Z')]);
    expect(d.cards).toEqual([]);
    expect(d.skipped).toEqual([{ proposal: 'Appointment/dentist', why: 'not-a-planned-event' }]);
  });

  it('a caesarean booked without a date gets a card saying the date is missing, never a deadline', () => {
    const d = run('third-trimester', [proposedAppointment('nodate', 'third-trimester', 'caesarean', undefined)]);
    expect(d.cards).toHaveLength(1);
    expect(d.cards[0]!.summary).toBe('LMWH stop window for this caesarean not computed: the booked date is missing');
    expect(d.cards[0]!.detail).not.toContain('Last dose no later than');
  });

  it('the card uuid depends only on the service and the proposal, so a repeated call replaces the card', () => {
    const a = run('third-trimester', [proposedAppointment('same', 'third-trimester', 'caesarean', '2026-11-28T08:30:00Z')]);
    const b = run('third-trimester', [proposedAppointment('same', 'third-trimester', 'caesarean', '2026-11-29T08:30:00Z')]);
    expect(a.cards[0]!.uuid).toBe(b.cards[0]!.uuid);
    expect(a.cards[0]!.uuid).toBe(cardUuid('lmwh-stop-window-booking', 'Appointment/same'));
    expect(a.cards[0]!.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cardUuid('lmwh-stop-window-booking', 'Appointment/other')).not.toBe(a.cards[0]!.uuid);
  });
});

describe('patients without an active LMWH order', () => {
  it('no-lmwh patient: a booked caesarean gives no card', () => {
    const d = run('no-lmwh', [proposedAppointment('cs', 'no-lmwh', 'caesarean', '2026-11-28T08:30:00Z')]);
    expect(d.cards).toEqual([]);
    expect(d.skipped).toEqual([{ proposal: 'Appointment/cs', why: 'no-active-lmwh' }]);
  });

  it('no LMWH order found but the medication search was incomplete: a card says the orders could not be read', () => {
    const d = run('no-lmwh', [proposedAppointment('cs', 'no-lmwh', 'caesarean', '2026-11-28T08:30:00Z')], { 'medication-requests': 'incomplete' });
    expect(d.cards).toHaveLength(1);
    expect(d.cards[0]!.summary).toBe('LMWH stop window for this caesarean not computed: the medication orders could not be read completely');
    expect(d.cards[0]!.detail).toContain('"no order" is not said');
  });
});

describe('other planned events', () => {
  it('ivf-ohss patient (enoxaparin 40 mg daily): an oocyte retrieval order gets the ASRA 2018 12 h deadline', () => {
    const d = run('ivf-ohss', [draftServiceRequest('opu', 'ivf-ohss', 'retrieval', '2026-12-02T09:00:00Z')]);
    expect(d.cards).toHaveLength(1);
    expect(d.cards[0]!.summary).toMatch(/: last dose by 1 Dec 2026 21:00 \(UTC\) for this oocyte retrieval \(ASRA 2018: 12 h\)$/);
  });

  it('planned-surgery patient (enoxaparin 80 mg every 12 h, therapeutic): another laparoscopy gets the 24 h deadline', () => {
    const d = run('planned-surgery', [proposedAppointment('lap2', 'planned-surgery', 'surgery', '2026-12-03T12:00:00Z')]);
    expect(d.cards).toHaveLength(1);
    expect(d.cards[0]!.summary).toContain('last dose by 2 Dec 2026 12:00 (UTC) for this surgery (ASRA 2018: 24 h)');
    expect(d.cards[0]!.detail).toContain('therapeutic');
  });

  it('a date-only induction counts from 00:00 that day in the facility zone', () => {
    const d = run('third-trimester', [draftServiceRequest('iol', 'third-trimester', 'induction', '2026-12-04')]);
    expect(d.cards).toHaveLength(1);
    expect(d.cards[0]!.summary).toContain('last dose by 2 Dec 2026 00:00 (UTC) for this planned birth (source: 48 h)');
    expect(d.cards[0]!.detail).toContain('date only');
    expect(JSON.parse(d.cards[0]!.links[0]!.appContext!).proposal).toMatchObject({ start: '2026-12-04T00:00:00.000Z', dateOnly: true });
  });
});
