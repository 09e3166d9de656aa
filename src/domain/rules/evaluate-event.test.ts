import { describe, expect, it } from 'vitest';
import { context, dose, event, ms, order, orderDescription, reasonCodes, reasonValues, ref } from '../../../test/support/ruleBuilders';
import { dateParam, instantParam, reason, reasonParam, unitParam } from '../reasons';
import { eddInfoCard, evaluateEvent, eventCards } from './index';
import type { DeadlineLine, EventCard } from './ruleTypes';

const line = (card: EventCard, id: string): DeadlineLine => {
  const l = card.deadlines.find((d) => d.ruleId === id);
  if (!l) throw new Error(`no line ${id}: ${card.deadlines.map((d) => d.ruleId).join(', ')}`);
  return l;
};
const SRC48 = 'source.stop-before.planned-birth-48h';
const SURGERY = 'source.stop-before.any-surgery';
const ASRA12 = 'asra2018.stop-before.neuraxial-prophylactic-12h';
const ASRA24 = 'asra2018.stop-before.neuraxial-therapeutic-24h';

describe('deadlines on absolute time, shown in the facility zone', () => {
  it.each([
    // zone, event as written, expected deadline instant (UTC), expected text
    ['UTC', '2026-11-28T08:30:00Z', '2026-11-26T08:30:00.000Z', 'Last dose no later than 26 Nov 2026 08:30 (UTC)'],
    // Clocks go forward in London on 29 Mar 2026: 30 Mar 08:00 BST is 07:00 UTC; 48 h earlier is 28 Mar 07:00 GMT.
    ['Europe/London', '2026-03-30T08:00:00', '2026-03-28T07:00:00.000Z', 'Last dose no later than 28 Mar 2026 07:00 (UTC)'],
    // New York goes forward on 8 Mar 2026: Monday 9 Mar 08:00 EDT; 48 h earlier is Saturday 7 Mar 07:00 EST.
    ['America/New_York', '2026-03-09T08:00:00', '2026-03-07T12:00:00.000Z', 'Last dose no later than 7 Mar 2026 07:00 (UTC-05:00)'],
    // London goes back on 25 Oct 2026: 26 Oct 08:00 GMT; 48 h earlier is 24 Oct 09:00 BST.
    ['Europe/London', '2026-10-26T08:00:00', '2026-10-24T08:00:00.000Z', 'Last dose no later than 24 Oct 2026 09:00 (UTC+01:00)'],
    ['Asia/Kolkata', '2026-05-04T10:00:00+05:30', '2026-05-02T04:30:00.000Z', 'Last dose no later than 2 May 2026 10:00 (UTC+05:30)'],
  ])('caesarean in %s at %s: the source line is exactly 48 h before', (zone, when, deadlineIso, _text) => {
    const ctx = context({ zone, nowMs: ms('2026-01-01T00:00:00Z') });
    const card = evaluateEvent(event('caesarean', when, zone), ctx);
    const l = line(card, SRC48);
    expect(l.deadlineMs).toBe(ms(deadlineIso));
    expect((card.anchorMs as number) - (l.deadlineMs as number)).toBe(48 * 3_600_000);
    expect(l.noDeadlineReason).toBeUndefined();
    expect(l.deadlineIsoInZone).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$/);
    expect(Date.parse(l.deadlineIsoInZone as string)).toBe(ms(deadlineIso));
    expect(l.dateOnlyNote).toBeUndefined();
  });

  it('a date-only caesarean counts from 00:00 that day in the facility zone: the source rule gives D-2 00:00', () => {
    const ctx = context({ zone: 'Europe/London', nowMs: ms('2026-11-01T00:00:00Z') });
    const card = evaluateEvent(event('caesarean', '2026-11-28', 'Europe/London'), ctx);
    const l = line(card, SRC48);
    expect(l.deadlineMs).toBe(ms('2026-11-26T00:00:00Z'));
    expect(l.dateOnlyNote).toEqual({
      code: 'rules.date-only.midnight',
      params: { day: dateParam(ms('2026-11-28T00:00:00Z')), zone: 'Europe/London', anchor: instantParam(ms('2026-11-28T00:00:00Z')), hours: 48, deadline: instantParam(ms('2026-11-26T00:00:00Z')), days: 2 },
    });
    expect(card.anchorDateOnly).toBe(true);
  });

  it('a date-only caesarean across the clock change: exactly 48 h, and the note says it is not midnight on the wall clock', () => {
    const ctx = context({ zone: 'Europe/London', nowMs: ms('2026-03-01T00:00:00Z') });
    const card = evaluateEvent(event('caesarean', '2026-03-30', 'Europe/London'), ctx);
    const l = line(card, SRC48);
    // 30 Mar 00:00 BST = 29 Mar 23:00 UTC; 48 h earlier = 27 Mar 23:00 GMT.
    expect(card.anchorMs).toBe(ms('2026-03-29T23:00:00Z'));
    expect(l.deadlineMs).toBe(ms('2026-03-27T23:00:00Z'));
    expect(l.dateOnlyNote?.code).toBe('rules.date-only.clock-change');
  });

  it('a date-only event read in another zone is re-anchored to the facility zone', () => {
    const ctx = context({ zone: 'America/New_York', nowMs: ms('2026-06-01T00:00:00Z') });
    const card = evaluateEvent(event('caesarean', '2026-06-10', 'UTC'), ctx);
    expect(card.anchorMs).toBe(ms('2026-06-10T04:00:00Z'));
  });

  it.each([
    ['no date', undefined, 'rules.anchor.no-date'],
    ['month only', '2026-06', 'rules.anchor.imprecise'],
  ])('an event with %s: every line is Unknown and there is no countdown', (_name, when, reason) => {
    const card = evaluateEvent(event('caesarean', when), context({ orders: [order()] }));
    expect(card.countdownMs).toBeNull();
    expect(card.deadlines.length).toBeGreaterThan(0);
    for (const l of card.deadlines) {
      expect(l.status).toBe('unknown');
      expect(l.deadlineMs).toBeNull();
      expect(reasonCodes(l.statusReason)).toEqual(['rules.status.no-deadline', reason]);
    }
  });

  it('countdown is from now to the event instant', () => {
    const ctx = context({ nowMs: ms('2026-03-20T09:00:00Z') });
    const card = evaluateEvent(event('caesarean', '2026-03-22T14:00:00Z'), ctx);
    expect(card.countdownMs).toBe(53 * 3_600_000);
    const past = evaluateEvent(event('caesarean', '2026-03-19T09:00:00Z'), ctx);
    expect(past.countdownMs).toBe(-24 * 3_600_000);
  });
});

describe('status of the stop against the deadline', () => {
  // Caesarean 30 Mar 2026 08:00 UTC: source deadline 28 Mar 08:00, prophylactic ASRA deadline 29 Mar 20:00.
  const CS = '2026-03-30T08:00:00Z';
  const now = ms('2026-03-20T09:00:00Z');
  it.each([
    ['active order with no end date', [order()], 'stop-not-documented', 'rules.order.active-no-end'],
    ['active order ending after the deadline', [order({ endMs: ms('2026-03-29T08:00:00Z') })], 'stop-not-documented', 'rules.order.runs-until'],
    ['active order ending exactly at the deadline', [order({ endMs: ms('2026-03-28T08:00:00Z') })], 'stop-documented', 'rules.order.ends-by'],
    ['active order ending before the deadline', [order({ endMs: ms('2026-03-27T08:00:00Z') })], 'stop-documented', 'rules.order.ends-by'],
    ['order on hold now (since not recorded), now before the deadline', [order({ status: 'on-hold', onHold: true })], 'stop-documented', 'rules.order.on-hold-now'],
    ['order on hold since before the deadline', [order({ onHold: true, onHoldSinceMs: ms('2026-03-18T08:00:00Z') })], 'stop-documented', 'rules.order.on-hold-before'],
    ['order put on hold after the deadline', [order({ onHold: true, status: 'on-hold', onHoldSinceMs: ms('2026-03-29T08:00:00Z') })], 'stop-not-documented', 'rules.order.on-hold-after'],
    ['stopped order (now before the deadline)', [order({ status: 'stopped' })], 'stop-documented', 'rules.order.ended-already'],
    ['completed order that ended in February', [order({ status: 'completed', endMs: ms('2026-02-20T00:00:00Z') })], 'stop-documented', 'rules.order.ends-by'],
    ['cancelled order only', [order({ status: 'cancelled' })], 'no-lmwh-order', 'rules.status.no-order'],
    ['entered-in-error order only', [order({ status: 'entered-in-error' })], 'no-lmwh-order', 'rules.status.no-order'],
    ['plan (not an order) only', [order({ isOrder: false })], 'no-lmwh-order', 'rules.status.no-order'],
    ['UFH order only', [order({ drugClass: 'ufh', ingredient: 'heparin' })], 'no-lmwh-order', 'rules.status.no-order'],
    ['no orders at all', [], 'no-lmwh-order', 'rules.status.no-order'],
    ['order with unknown status', [order({ status: 'unknown', endMs: ms('2026-03-29T00:00:00Z') })], 'unknown', 'rules.order.status-unknown'],
    ['one ended and one running order', [order({ id: 'a', endMs: ms('2026-03-01T00:00:00Z') }), order({ id: 'b', description: orderDescription('enoxaparin', 40, 'mg', 12) })], 'stop-not-documented', 'rules.order.active-no-end'],
    ['order starting after the caesarean (postnatal) only', [order({ startMs: ms('2026-03-30T18:00:00Z') })], 'no-lmwh-order', 'rules.status.no-order'],
  ])('%s', (_name, orders, status, reason) => {
    const card = evaluateEvent(event('caesarean', CS), context({ nowMs: now, orders }));
    const l = line(card, SRC48);
    expect(l.status).toBe(status);
    expect(reasonCodes(l.statusReason)).toContain(reason);
  });

  it('one ended and one running order: the running one is named in the reason', () => {
    const orders = [order({ id: 'a', endMs: ms('2026-03-01T00:00:00Z') }), order({ id: 'b', description: orderDescription('enoxaparin', 40, 'mg', 12) })];
    const l = line(evaluateEvent(event('caesarean', CS), context({ nowMs: now, orders })), SRC48);
    expect(reasonValues(l.statusReason)).toContain(12);
  });

  it('a plan (not an order) is counted in the no-order reason; none when there is no plan', () => {
    expect(line(evaluateEvent(event('caesarean', CS), context({ nowMs: now, orders: [order({ isOrder: false })] })), SRC48).statusReason).toEqual({ code: 'rules.status.no-order', params: { plans: 1 } });
    expect(line(evaluateEvent(event('caesarean', CS), context({ nowMs: now })), SRC48).statusReason).toEqual({ code: 'rules.status.no-order', params: { plans: 0 } });
  });

  it('an order ending before the deadline says when it ends, against the deadline', () => {
    const l = line(evaluateEvent(event('caesarean', CS), context({ nowMs: now, orders: [order({ endMs: ms('2026-03-27T08:00:00Z') })] })), SRC48);
    expect(l.orders[0]?.reason).toEqual({ code: 'rules.order.ends-by', params: { limit: 'deadline', end: instantParam(ms('2026-03-27T08:00:00Z')) } });
  });

  it('a stopped order whose stop time is not recorded, looked at after the deadline, is Unknown', () => {
    const card = evaluateEvent(event('caesarean', CS), context({ nowMs: ms('2026-03-29T00:00:00Z'), orders: [order({ status: 'stopped' })] }));
    expect(line(card, SRC48).status).toBe('unknown');
    expect(reasonCodes(line(card, SRC48).statusReason)).toContain('rules.order.ended-when-unknown');
  });

  it('incomplete medication search: Unknown with the reason, not "No LMWH order found"', () => {
    const ctx = context({ nowMs: now, medicationsComplete: false, medicationsReason: reason('fhir.refused', { type: 'MedicationRequest', status: 403, scopesMissing: false }) });
    const l = line(evaluateEvent(event('caesarean', CS), ctx), SRC48);
    expect(l.status).toBe('unknown');
    expect(l.statusReason).toEqual({ code: 'rules.status.search-incomplete', params: { why: reasonParam(reason('fhir.refused', { type: 'MedicationRequest', status: 403, scopesMissing: false })), hasWhy: true } });
  });

  it('incomplete medication search but an active order runs past: Stop not documented, and the gap is said', () => {
    const ctx = context({ nowMs: now, medicationsComplete: false, orders: [order()] });
    const l = line(evaluateEvent(event('caesarean', CS), ctx), SRC48);
    expect(l.status).toBe('stop-not-documented');
    expect(l.statusReason.code).toBe('rules.status.runs-past');
    expect(l.statusReason.params?.incomplete).toBe(true);
  });

  it('incomplete search with only an ended order: Unknown (other orders may exist)', () => {
    const ctx = context({ nowMs: now, medicationsComplete: false, orders: [order({ endMs: ms('2026-03-01T00:00:00Z') })] });
    expect(line(evaluateEvent(event('caesarean', CS), ctx), SRC48).status).toBe('unknown');
  });

  it('doses recorded after the deadline and before the event are listed, earlier and later ones are not', () => {
    const doses = [dose('2026-03-27T20:00:00Z'), dose('2026-03-28T20:00:00Z'), dose('2026-03-29T20:00:00Z'), dose('2026-03-29T22:00:00Z'), dose('2026-03-30T20:00:00Z'), dose('2026-03-29T10:00:00Z', { drugClass: 'ufh', drug: { code: 'drug.heparin' } })];
    const card = evaluateEvent(event('caesarean', CS), context({ nowMs: ms('2026-03-31T00:00:00Z'), orders: [order()], doses }));
    expect(line(card, SRC48).dosesAfterDeadline.map((d) => d.atMs)).toEqual([ms('2026-03-28T20:00:00Z'), ms('2026-03-29T20:00:00Z'), ms('2026-03-29T22:00:00Z')]);
    // A dose exactly at the ASRA deadline (29 Mar 20:00) is not after it.
    expect(line(card, ASRA12).dosesAfterDeadline.map((d) => d.atMs)).toEqual([ms('2026-03-29T22:00:00Z')]);
    expect(card.lastDose?.atMs).toBe(ms('2026-03-30T20:00:00Z'));
  });
});

describe('guideline interval by dose class', () => {
  it.each([
    ['prophylactic', ASRA12, 12, 'rules.interval.dose-class'],
    ['intermediate', ASRA24, 24, 'rules.interval.intermediate'],
    ['therapeutic', ASRA24, 24, 'rules.interval.dose-class'],
    ['unknown', ASRA24, 24, 'rules.interval.dose-class-unknown'],
  ] as const)('%s dose: the ASRA line is %s (%i h) and says why', (doseClass, id, hours, why) => {
    const card = evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z'), context({ orders: [order({ doseClass, doseClassReason: { code: 'med.regimen', params: { value: 40, unit: 'mg', perKg: false, intervalHours: 24 } } })] }));
    expect(card.doseClass).toBe(doseClass);
    const l = line(card, id);
    expect(l.hoursBefore).toBe(hours);
    expect(l.deadlineMs).toBe(ms('2026-03-30T08:00:00Z') - hours * 3_600_000);
    expect(l.intervalReason?.code).toBe(why);
    expect(JSON.stringify(l.intervalReason)).toContain('"code":"med.regimen"');
    expect(card.deadlines.filter((d) => d.source.name === 'ASRA 2018')).toHaveLength(1);
  });

  it('with two orders the higher class governs (therapeutic over prophylactic)', () => {
    const card = evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z'), context({ orders: [order(), order({ id: 'b', doseClass: 'therapeutic', description: orderDescription('enoxaparin', 80, 'mg', 12) })] }));
    expect(card.doseClass).toBe('therapeutic');
    expect(card.doseClassReason.params?.order).toEqual({ kind: 'reason', reason: orderDescription('enoxaparin', 80, 'mg', 12) });
  });

  it('no order: unknown class, the longest interval, and the reason', () => {
    const card = evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z'), context());
    expect(card.doseClass).toBe('unknown');
    expect(reasonCodes(line(card, ASRA24).intervalReason)).toEqual(['rules.interval.dose-class-unknown', 'rules.dose-class.no-order']);
  });

  it('RCOG regional-block numbers are shown as a labelled note beside the ASRA line, never as a computed deadline', () => {
    const card = evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z'), context({ orders: [order()] }));
    expect(card.deadlines.some((d) => d.ruleId.startsWith('rcog37a'))).toBe(false);
    expect(card.notes.map((n) => n.ruleId)).toContain('rcog37a.stop-before.regional-prophylactic-12h');
    expect(card.notes.map((n) => n.ruleId)).not.toContain('rcog37a.stop-before.regional-therapeutic-24h');
  });
});

describe('cards by event class', () => {
  it('caesarean: source 48 h and ASRA line, the difference stated, restart and delivery information', () => {
    const ctx = context({
      orders: [order()],
      latestPlatelets: { value: 210, unit: '10*9/L', atMs: ms('2026-03-18T08:00:00Z'), source: ref('Observation', 'plt') },
      aspirin: [{ description: 'Aspirin 150 mg once daily', active: true, source: ref('MedicationRequest', 'asp') }],
    });
    const card = evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z'), ctx);
    expect(card.applies).toBe(true);
    expect(card.deadlines.map((d) => d.ruleId)).toEqual([SRC48, ASRA12]);
    expect(card.differences[0]).toEqual({ code: 'rules.difference.source-stricter', params: { prophylactic: 12, therapeutic: 24, used: 12, source: 48 } });
    expect(card.restart.map((r) => r.ruleId)).toEqual([
      'asra2018.restart-after.catheter-removal',
      'rcog37a.restart-after.spinal-or-catheter-removal',
      'rcog37a.restart-after.delivery',
      'rcog37a.note.postnatal-duration',
    ]);
    expect(card.notes.map((n) => n.ruleId)).toEqual(expect.arrayContaining(['acog2020.note.ufh-switch-optional', 'soap2018.note.neuraxial-consensus', 'asra2018.caution.platelets-before-block']));
    expect(card.delivery?.platelets).toEqual({ code: 'rules.platelets.latest', params: { value: 210, unit: unitParam('10*9/L'), at: instantParam(ms('2026-03-18T08:00:00Z')) } });
    expect(card.delivery?.aspirin).toEqual({ code: 'rules.delivery.aspirin-ordered', params: { orders: 'Aspirin 150 mg once daily' } });
    expect(card.delivery?.heparinAllergyOrHit).toEqual({ code: 'rules.delivery.allergy-none' });
    const plt = card.notes.find((n) => n.ruleId === 'asra2018.caution.platelets-before-block');
    expect(reasonCodes(plt?.detail)).toContain('rules.heparin-days.known');
    expect(reasonValues(plt?.detail)).toEqual(expect.arrayContaining([78, 4, true]));
  });

  it('delivery card with HIT in the record and an incomplete allergy search elsewhere', () => {
    const hit = evaluateEvent(
      event('induction-or-planned-birth', '2026-03-30T08:00:00Z'),
      context({ heparinAllergyOrHit: [{ kind: 'hit', label: 'Heparin-induced thrombocytopenia (2019)', status: 'present', source: ref('Condition', 'hit') }] }),
    );
    expect(reasonCodes(hit.delivery?.heparinAllergyOrHit)).toEqual(['rules.delivery.allergy-recorded', 'rules.delivery.allergy-fact']);
    expect(reasonValues(hit.delivery?.heparinAllergyOrHit)).toEqual(['Heparin-induced thrombocytopenia (2019)', false]);
    const unknownAllergy = evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z'), context({ allergiesComplete: false, medicationsComplete: false }));
    expect(unknownAllergy.delivery?.heparinAllergyOrHit.code).toBe('rules.delivery.allergy-unknown');
    expect(unknownAllergy.delivery?.aspirin.code).toBe('rules.delivery.aspirin-unknown');
    expect(unknownAllergy.delivery?.platelets.code).toBe('rules.platelets.none');
  });

  it.each(['other-surgery', 'oocyte-retrieval'] as const)('%s: the source line says it gives no interval; guideline interval beside it', (cls) => {
    const card = evaluateEvent(event(cls, '2026-03-30T08:00:00Z'), context({ orders: [order({ endMs: ms('2026-03-29T23:00:00Z') })] }));
    // Ends 29 Mar 23:00: before the surgery, but after the ASRA 12 h deadline (29 Mar 20:00).
    const src = line(card, SURGERY);
    expect(src.deadlineMs).toBeNull();
    expect(src.noDeadlineReason?.code).toBe('rules.deadline.no-interval');
    expect(src.status).toBe('stop-documented');
    expect(reasonCodes(src.statusReason)).toEqual(expect.arrayContaining(['rules.status.against-event', 'rules.order.ends-by']));
    expect(src.orders[0]?.reason.params?.limit).toBe('event');
    expect(line(card, ASRA12).status).toBe('stop-not-documented');
    expect(card.differences[0]?.code).toBe('rules.difference.source-no-interval');
    expect(card.differences[0]?.params).toMatchObject({ prophylactic: 12, therapeutic: 24 });
    expect(card.delivery).toBeUndefined();
    expect(card.restart.map((r) => r.ruleId)).not.toContain('rcog37a.restart-after.delivery');
  });

  it('surgery with an active order running through it: the source line is Stop not documented', () => {
    const card = evaluateEvent(event('other-surgery', '2026-03-30T08:00:00Z'), context({ orders: [order()] }));
    expect(line(card, SURGERY).status).toBe('stop-not-documented');
  });

  it.each(['embryo-transfer', 'other'] as const)('%s: no stop rule applies and the card says so', (cls) => {
    const card = evaluateEvent(event(cls, '2026-03-30T08:00:00Z'), context({ orders: [order()] }));
    expect(card.applies).toBe(false);
    expect(card.deadlines).toEqual([]);
    expect(card.notApplicableReason?.code).toBe(cls === 'embryo-transfer' ? 'rules.not-applicable.embryo-transfer' : 'rules.not-applicable.other');
  });

  it('a what-if event is evaluated the same way and marked as entered here', () => {
    const ctx = context({ orders: [order()] });
    const real = evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z'), ctx);
    const whatIf = evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z', 'UTC', { enteredHere: true }), ctx);
    expect(whatIf.event.enteredHere).toBe(true);
    expect(real.event.enteredHere).toBeUndefined();
    expect(whatIf.deadlines).toEqual(real.deadlines);
  });

  it('several events are sorted soonest first, undated last; no events gives no cards', () => {
    const ctx = context({
      events: [event('caesarean', undefined, 'UTC', { id: 'x' }), event('caesarean', '2026-04-10T08:00:00Z', 'UTC', { id: 'b' }), event('oocyte-retrieval', '2026-03-25T08:00:00Z', 'UTC', { id: 'a' })],
    });
    expect(eventCards(ctx).map((c) => c.event.id)).toEqual(['a', 'b', 'x']);
    expect(eventCards(context())).toEqual([]);
  });
});

describe('EDD without a scheduled delivery', () => {
  const pregnancy = { eddMs: ms('2026-06-01T00:00:00Z'), gaDaysToday: 261, datingSource: { code: 'pregnancy.dating.edd' }, eddSource: ref('Observation', 'edd') };
  it('an EDD with no planned delivery gives an information card without a countdown', () => {
    const card = eddInfoCard(context({ pregnancy }));
    expect(card?.eddMs).toBe(ms('2026-06-01T00:00:00Z'));
    expect(card?.gaDays).toBe(261);
    expect(card?.datingSource).toEqual({ code: 'pregnancy.dating.edd' });
    expect(card?.lines.map((l) => l.ruleId)).toEqual([
      'source.stop-now.genital-bleeding',
      'rcog37a.stop-now.bleeding-or-labour',
      'source.stop-before.planned-birth-48h',
      'acog2020.note.ufh-switch-optional',
      'soap2018.note.neuraxial-consensus',
    ]);
  });

  it.each([
    ['a dated caesarean is planned', { pregnancy, events: [event('caesarean', '2026-05-25T08:00:00Z')] }],
    ['there is no EDD', { pregnancy: { gaDaysToday: 100 } }],
    ['the pregnancy has ended', { pregnancy: { ...pregnancy, endedMs: ms('2026-03-01T00:00:00Z') } }],
  ])('no EDD card when %s', (_name, extra) => {
    expect(eddInfoCard(context(extra))).toBeNull();
  });

  it('an undated caesarean does not suppress the EDD card', () => {
    expect(eddInfoCard(context({ pregnancy, events: [event('caesarean', undefined)] }))).not.toBeNull();
  });
});
