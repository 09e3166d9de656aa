import { describe, expect, it } from 'vitest';
import { context, dose, event, ms, order, ref } from '../../../test/support/ruleBuilders';
import { eddInfoCard, eventCards, stopNowTriggers } from '../../domain/rules';
import { createMessages } from '../messages/translator';
import { reason } from '../../domain/reasons';
import type { DdimerPoint } from '../../domain/timeline';
import { copyToNoteText, ddimerTrendLine, withoutVerificationRemark } from './copyToNoteViewModel';

const london = createMessages({ locale: 'en', zone: 'Europe/London' });
const utc = createMessages({ locale: 'en', zone: 'UTC' });
const INFORMATION_ONLY_NOTE = london.t('copyToNote.informationOnly');

describe('copy to note', () => {
  const ctx = context({
    zone: 'Europe/London',
    nowMs: ms('2026-03-20T09:00:00Z'),
    events: [event('caesarean', '2026-03-30T08:00:00', 'Europe/London'), event('other-surgery', '2026-03-25T10:00:00', 'Europe/London', { name: { text: 'Cervical cerclage' }, enteredHere: true })],
    orders: [order()],
    doses: [dose('2026-03-19T20:00:00Z')],
    pregnancy: { startMs: ms('2025-07-01T00:00:00Z'), eddMs: ms('2026-04-07T00:00:00Z') },
    bleeding: [{ label: 'Vaginal bleeding', atMs: ms('2026-03-18T07:00:00Z'), source: ref('Condition', 'b') }],
  });
  const text = copyToNoteText({
    patient: { name: 'Anna Example', birthDate: '1990-04-03', identifier: 'MRN 12345' },
    cards: eventCards(ctx),
    triggers: stopNowTriggers(ctx),
    nowMs: ctx.nowMs,
  }, london);

  it.each([
    ['patient identity, date of birth unambiguous', 'Patient: Anna Example; date of birth: 3 Apr 1990; identifier: MRN 12345'],
    ['event time with offset, no countdown', 'Event: Elective caesarean section: 30 Mar 2026 08:00 (UTC+01:00)\n'],
    ['what-if event marked', 'Event: Cervical cerclage [Entered here, not in the record.]: 25 Mar 2026 10:00 (UTC)'],
    ['source deadline by source name, written unambiguously, with its status', 'The source article (Clexane article): Last dose no later than 28 Mar 2026 07:00 (UTC). Status: Stop not documented.'],
    ['guideline deadline by name', '  - ASRA 2018: Last dose no later than '],
    ['the sources by name, once each', 'Sources: The source article (Clexane article); ASRA 2018'],
    ['the D-dimer line', 'D-dimer: no results in the record.'],
    ['surgery without interval', 'The source gives no interval: it says only "before any surgery".'],
    ['orders', 'LMWH orders: Enoxaparin 40 mg SC every 24 h (active; from 10 Jan 2026 09:00 (UTC) to no end date)'],
    ['last dose', 'Last recorded LMWH dose: Enoxaparin, administered, 19 Mar 2026 20:00 (UTC)'],
    ['difference', "Difference: The source's 48 h is stricter than ASRA 2018's 12 h/24 h"],
    ['stop-now finding', 'Stop-now finding: Vaginal bleeding (18 Mar 2026 07:00 (UTC)).'],
    ['information-only note', INFORMATION_ONLY_NOTE],
  ])('contains %s', (_name, expected) => {
    expect(text).toContain(expected);
  });

  it('no rule ids, versions, countdowns or verification remarks', () => {
    expect(text).not.toMatch(/\[[a-z0-9]+\.[a-z-]+\.|\bv\d+\.\d+\.\d+|\bin \d+ d\b|primary not opened|verbatim|UNVERIFIED|VERIFIED/);
  });

  it('never writes an ambiguous numeric date like 03/04', () => {
    expect(text).not.toMatch(/\b\d{1,2}\/\d{1,2}(\/\d{2,4})?\b/);
  });

  it('the surgery (25 Mar) comes before the caesarean (30 Mar)', () => {
    expect(text.indexOf('Cervical cerclage')).toBeLessThan(text.indexOf('Elective caesarean section'));
  });

  it('missing identity, no events, an EDD card: says so plainly', () => {
    const c2 = context({ pregnancy: { eddMs: ms('2026-06-01T00:00:00Z'), gaDaysToday: 200 } });
    const t = copyToNoteText({ patient: { birthDate: '03/04/1990' }, cards: [], eddCard: eddInfoCard(c2), nowMs: c2.nowMs }, utc);
    expect(t).toContain('Patient: name not recorded; date of birth: not readable ("03/04/1990"); identifier: not recorded');
    expect(t).toContain('Planned events: none found in the record.');
    expect(t).toContain('Estimated date of delivery 1 Jun 2026. Gestational age today: 28+4 weeks. No planned caesarean section or induction');
    expect(t.endsWith(INFORMATION_ONLY_NOTE)).toBe(true);
  });

  it('the information-only note is a sentence from the catalogue', () => {
    expect(INFORMATION_ONLY_NOTE).toMatch(/^Information only: /);
  });

  it('is pure: the same input gives the same text', () => {
    const input = { patient: { name: 'A' }, cards: eventCards(ctx), nowMs: ctx.nowMs };
    expect(copyToNoteText(input, london)).toBe(copyToNoteText(input, london));
  });
});

describe('the D-dimer line of the note', () => {
  const m = createMessages({ locale: 'en', zone: 'UTC' });
  const point = (iso: string, ngPerMl: number, extra: Partial<DdimerPoint> = {}): DdimerPoint => ({
    x: 0,
    atMs: ms(iso),
    time: { start: ms(iso), end: ms(iso), precision: 'minute', text: iso } as unknown as DdimerPoint['time'],
    ngPerMl,
    series: 'FEU',
    open: false,
    status: 'final',
    ga: { known: false, reason: reason('pregnancy.no-usable-edd') },
    originalText: '',
    referenceRange: [],
    source: ref('Observation', iso),
    ...extra,
  });

  it('one line: count, dates, range and the latest with its status; DDU apart and not converted', () => {
    const line = ddimerTrendLine(
      {
        feu: [point('2026-11-20T09:00:00Z', 1850, { status: 'preliminary' }), point('2026-05-12T09:00:00Z', 270, { comparator: '<', open: true }), point('2026-08-01T09:00:00Z', 880)],
        ddu: [point('2026-06-01T09:00:00Z', 300, { series: 'DDU' })],
      },
      m,
    );
    expect(line).toBe('D-dimer: 3 results (FEU), 12 May 2026 to 20 Nov 2026: <270 to 1850 ng/mL FEU; latest 1850 ng/mL FEU on 20 Nov 2026 (preliminary); 1 result in DDU, not converted: 300 ng/mL DDU.');
    expect(line.split('\n')).toHaveLength(1);
  });

  it('strips the verification remark from a rule wording', () => {
    expect(withoutVerificationRemark('No LMWH for 4 h after a spinal. (Numbers from a verbatim reproduction; primary not opened: no time is computed from them.)')).toBe('No LMWH for 4 h after a spinal.');
    expect(withoutVerificationRemark('gives the same 12 h (wording from a verbatim reproduction; primary not opened). The computed time')).toBe('gives the same 12 h. The computed time');
  });
});
