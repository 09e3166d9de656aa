import { describe, expect, it } from 'vitest';
import { context, dose, event, ms, order, orderDescription, ref } from '../../../test/support/ruleBuilders';
import { eddInfoCard, evaluateEvent } from '../../domain/rules';
import { plannedEventSearch } from '../../domain/rules/searchCompleteness';
import { createMessages } from '../messages/translator';
import { dateParam, reason } from '../../domain/reasons';
import { buildEddCardView, buildEventCardView, buildStopCriteriaView, eventWhenText } from './stopCriteriaViewModel';
import { countdownWords, sourceLabel, sourceLabelView, statusView } from './ruleLineViewModel';

const SRC48 = 'source.stop-before.planned-birth-48h';
const msgs = (zone: string, locale: 'en' | 'ru' = 'en') => createMessages({ locale, zone });

describe('deadline words', () => {
  it.each([
    ['UTC', '2026-03-30T08:00:00Z', '28 Mar 2026 08:00 (UTC)'],
    ['Europe/London', '2026-10-26T08:00:00', '24 Oct 2026 09:00 (UTC+01:00)'],
    ['Asia/Kolkata', '2026-05-04T10:00:00+05:30', '2 May 2026 10:00 (UTC+05:30)'],
  ])('caesarean in %s at %s: the source line reads "Last dose no later than %s"', (zone, when, text) => {
    const card = evaluateEvent(event('caesarean', when, zone), context({ zone, nowMs: ms('2026-01-01T00:00:00Z') }));
    const row = buildEventCardView(card, msgs(zone)).deadlines.find((d) => d.ruleId === SRC48)!;
    expect(row.deadline?.text).toBe(text);
    expect(Date.parse(row.deadline!.iso)).toBe(card.deadlines.find((d) => d.ruleId === SRC48)!.deadlineMs);
  });

  it('a date-only caesarean: the note says it counts from the start of the day, 00:00 two days before', () => {
    const zone = 'Europe/London';
    const card = evaluateEvent(event('caesarean', '2026-11-28', zone), context({ zone, nowMs: ms('2026-11-01T00:00:00Z') }));
    const v = buildEventCardView(card, msgs(zone));
    const row = v.deadlines.find((d) => d.ruleId === SRC48)!;
    expect(row.dateOnlyNote).toBe(
      'The event has a date but no time (28 Nov 2026): it counts from the start of that day in Europe/London (28 Nov 2026 00:00 (UTC)), so 48 h before is 26 Nov 2026 00:00 (UTC) (00:00, 2 days before).',
    );
    expect(v.when.text).toBe('28 Nov 2026 (date only; counts from 28 Nov 2026 00:00 (UTC))');
    expect(v.timeNote).toBe('Date only: counts from 00:00 that day in Europe/London.');
  });

  it('an active order with no end date: "Stop not documented" with the order named and the reason in words', () => {
    const card = evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z'), context({ nowMs: ms('2026-03-20T09:00:00Z'), orders: [order()] }));
    const row = buildEventCardView(card, msgs('UTC')).deadlines.find((d) => d.ruleId === SRC48)!;
    expect(row.status.text).toBe('Stop not documented');
    expect(row.statusReason).toBe('Enoxaparin 40 mg SC every 24 h: active with no end date: runs past the deadline.');
    // The order's reading is in the status reason; the order itself is the line's Source disclosure.
    expect(row.orders[0]).toMatchObject({ reason: 'active with no end date: runs past the deadline', source: { resourceType: 'MedicationRequest' } });
    expect(row.wording).toMatch(/^The source advises stopping LMWH at least 2 days before/);
    expect(row.source.label).toBe('Source article');
  });

  it('two orders read against the deadline are joined with a semicolon', () => {
    const orders = [order({ id: 'a', endMs: ms('2026-03-27T08:00:00Z') }), order({ id: 'b', description: orderDescription('dalteparin', 5000, 'IU', 24), endMs: ms('2026-03-26T08:00:00Z') })];
    const card = evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z'), context({ nowMs: ms('2026-03-20T09:00:00Z'), orders }));
    const row = buildEventCardView(card, msgs('UTC')).deadlines.find((d) => d.ruleId === SRC48)!;
    expect(row.statusReason).toBe(
      'Enoxaparin 40 mg SC every 24 h: ends 27 Mar 2026 08:00 (UTC), at or before the deadline; Dalteparin 5000 IU SC every 24 h: ends 26 Mar 2026 08:00 (UTC), at or before the deadline.',
    );
  });

  it('no order and a complete search: "No LMWH order found", never "no drug"', () => {
    const card = evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z'), context({ nowMs: ms('2026-03-20T09:00:00Z'), orders: [order({ isOrder: false })] }));
    const row = buildEventCardView(card, msgs('UTC')).deadlines.find((d) => d.ruleId === SRC48)!;
    expect(row.status.text).toBe('No LMWH order found');
    expect(row.statusReason).toBe(
      'The medication search was complete and found no LMWH order. 1 LMWH plan or proposal is in the record: a plan or proposal is not an order. No order found does not prove that no LMWH is taken.',
    );
  });

  it('doses after the deadline: counted in the title, each with its instant', () => {
    const card = evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z'), context({ nowMs: ms('2026-03-31T00:00:00Z'), orders: [order()], doses: [dose('2026-03-28T20:00:00Z'), dose('2026-03-29T20:00:00Z')] }));
    const row = buildEventCardView(card, msgs('UTC')).deadlines.find((d) => d.ruleId === SRC48)!;
    expect(row.lateDoses?.title).toBe('2 doses recorded after this deadline');
    expect(row.lateDoses?.doses.map((d) => `${d.drug}, ${d.kind}, ${d.at.text}`)).toEqual(['Enoxaparin, administered, 28 Mar 2026 20:00 (UTC)', 'Enoxaparin, administered, 29 Mar 2026 20:00 (UTC)']);
  });

  it('surgery: the source gives no interval, said plainly; the difference is worded', () => {
    const card = evaluateEvent(event('other-surgery', '2026-03-30T08:00:00Z'), context({ orders: [order({ endMs: ms('2026-03-29T23:00:00Z') })] }));
    const v = buildEventCardView(card, msgs('UTC'));
    const row = v.deadlines.find((d) => d.ruleId === 'source.stop-before.any-surgery')!;
    expect(row.noDeadline).toBe('The source gives no interval: it says only "before any surgery". The guideline intervals for the dose class are shown beside it.');
    expect(row.statusReason).toMatch(/^Read against the event itself, since the source gives no interval\. Enoxaparin 40 mg SC every 24 h: ends 29 Mar 2026 23:00 \(UTC\), at or before the event\.$/);
    expect(v.differences[0]).toBe(
      "The source gives no interval before surgery; ASRA 2018 gives 12 h/24 h (prophylactic/therapeutic dose) before a neuraxial block; this card's guideline line uses 12 h for the dose class.",
    );
  });

  it('an undated event: "Date unknown" with the reason, and no countdown', () => {
    const card = evaluateEvent(event('caesarean', undefined), context({ orders: [order()] }));
    const v = buildEventCardView(card, msgs('UTC'));
    expect(v.when).toEqual({ text: 'Date unknown: the record gives no date for this event' });
    expect(v.noCountdown).toBe('No countdown: the event has no usable date');
    expect(v.deadlines[0]?.noDeadline).toBe('No deadline: the record gives no date for this event.');
  });

  it('a what-if event is marked as entered here; an embryo transfer says no stop rule applies', () => {
    const ctx = context({ orders: [order()] });
    expect(buildEventCardView(evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z', 'UTC', { enteredHere: true }), ctx), msgs('UTC')).enteredHereNote).toBe('Entered here, not in the record.');
    expect(buildEventCardView(evaluateEvent(event('embryo-transfer', '2026-03-30T08:00:00Z'), ctx), msgs('UTC')).notApplicable).toBe(
      'Neither the source nor the guidelines used here give a stop rule before an embryo transfer.',
    );
  });

  it('delivery facts in words', () => {
    const ctx = context({ latestPlatelets: { value: 210, unit: '10*9/L', atMs: ms('2026-03-18T08:00:00Z'), source: ref('Observation', 'p') }, heparinAllergyOrHit: [{ kind: 'hit', label: 'HIT (2019)', status: 'unclear', source: ref('Condition', 'h') }] });
    const v = buildEventCardView(evaluateEvent(event('caesarean', '2026-03-30T08:00:00Z'), ctx), msgs('UTC'));
    expect(v.delivery?.map((d) => d.text)).toEqual(['Latest platelet count 210 ×10⁹/L on 18 Mar 2026 08:00 (UTC)', 'No active aspirin order found', 'In the record: HIT (2019) (unclear)']);
  });
});

describe('countdown and when', () => {
  it.each([
    [53 * 3_600_000, 'in 2 days 5 hours'],
    [-24 * 3_600_000, '1 day ago'],
    [90 * 60_000, 'in 1 hour 30 minutes'],
    [0, 'now'],
  ])('%i ms -> "%s"', (msValue, text) => {
    expect(countdownWords(msValue, msgs('UTC'))).toBe(text);
  });

  it('an instant event is written with its offset', () => {
    expect(eventWhenText({ anchorMs: ms('2026-07-03T07:30:00Z'), anchorDateOnly: false }, msgs('Europe/London'))).toBe('3 Jul 2026 08:30 (UTC+01:00)');
  });
});

describe('source labels and statuses', () => {
  const m = msgs('UTC');
  it('labels the source article and each guideline separately', () => {
    expect(sourceLabel({ kind: 'source-article', name: 'The source article (Clexane article)' }, m)).toBe('Source article');
    expect(sourceLabel({ kind: 'guideline', name: 'ASRA 2018' }, m)).toBe('ASRA 2018');
    expect(sourceLabel({ kind: 'guideline', name: 'RCOG Green-top 37a (2015)' }, m)).toBe('RCOG 37a');
    expect(sourceLabel({ kind: 'product-label', name: 'Enoxaparin product labelling' }, m)).toBe('Enoxaparin label');
    expect(sourceLabel({ kind: 'study', name: 'Published studies (D-dimer in pregnancy)' }, m)).toBe('D-dimer studies');
  });
  it('a rule line carries no verification word: its label links to the source row of About the evidence', () => {
    const v = (verification: 'verified' | 'partial' | 'source-text') => sourceLabelView({ kind: 'guideline', name: 'ASRA 2018', citation: 'c', verification, noteId: 'asra-2018' }, m);
    expect(v('partial')).toEqual({ kind: 'guideline', label: 'ASRA 2018', fullName: 'ASRA 2018', href: '#about-evidence-asra-2018' });
    expect(v('verified')).toEqual(v('partial'));
  });
  it('each status code has its words', () => {
    expect((['stop-documented', 'stop-not-documented', 'no-lmwh-order', 'unknown'] as const).map((s) => statusView(s, m).text)).toEqual(['Stop documented', 'Stop not documented', 'No LMWH order found', 'Unknown']);
  });
});

/** How the pregnancy module states an ultrasound dating (its reason, worded by the catalogue). */
const ULTRASOUND_DATING = reason('pregnancy.dating.ga', {
  ultrasound: true,
  weeks: 12,
  days: 3,
  at: dateParam(ms('2026-06-03T00:00:00Z')),
  code: 'LOINC 11888-5',
  original: '12 wk + 3 d',
  edd: dateParam(ms('2026-12-13T00:00:00Z')),
});

describe('EDD card and section states', () => {
  it('an EDD without a planned delivery: date, gestational age, dating source and why there is no countdown', () => {
    const card = eddInfoCard(context({ pregnancy: { eddMs: ms('2026-06-01T00:00:00Z'), gaDaysToday: 261, datingSource: ULTRASOUND_DATING } }))!;
    const v = buildEddCardView(card, msgs('UTC'));
    expect(v.eddText).toBe('Estimated date of delivery 1 Jun 2026');
    expect(v.gaText).toBe('Gestational age today: 37+2 weeks');
    expect(v.datedBy).toBe('Dated by: ultrasound gestational age 12w 3d on 3 Jun 2026 (LOINC 11888-5, 12 wk + 3 d): EDD 13 Dec 2026');
    expect(buildEddCardView(card, msgs('UTC', 'ru')).datedBy).toContain('срок беременности по УЗИ 12\u00a0нед. 3\u00a0дн. на 3 июн. 2026');
    expect(v.noCountdownReason).toContain('Spontaneous labour is not a planned event');
    expect(v.lines.find((l) => l.ruleId === SRC48)?.detail).toBe('This applies to a planned caesarean section or childbirth; none with a date is in the record.');
  });

  it('an incomplete planned-event search names the searches and never says "none found"', () => {
    const search = plannedEventSearch({ procedures: { status: 'complete' }, 'service-requests': { status: 'complete' }, appointments: { status: 'unavailable', reason: reason('fhir.refused', { type: 'Appointment', status: 403, scopesMissing: false }) } });
    expect(buildStopCriteriaView({ cardCount: 0, search }, msgs('UTC'))).toEqual({
      incomplete: 'Planned events could not be read completely: Appointments: not available (the server refused Appointment (403)); Encounters: not read',
    });
  });
});
