/**
 * The patient's dose calendar: day by day from today to the next planned event and a few days after it, each
 * scheduled injection, the last one to give under the rule in use, the days without injections, the event, and the
 * restart (only a verified number of hours is written; otherwise the care team says when). Plain words for the
 * patient, attributed to the care team's plan (the LMWH order) and the rule used. When the order gives no injection
 * time and no recorded dose gives one, the calendar says so: a time is never guessed. Pure: the record's parts and the
 * translator in, display strings out.
 */
import { DateTime } from 'luxon';
import type { CardPlan, DeadlineFit, RecordPlan } from '../../domain/plan';
import { ruleById, type EventCard } from '../../domain/rules';
import { isValidZone } from '../../domain/time';
import type { Messages } from '../messages/translator';
import { formatDrug, formatKnownDose, formatKnownFrequency } from '../format/dose';
import { sourceLabel } from '../stop-criteria/ruleLineViewModel';
import { eventName } from '../format/eventName';

/** Days shown after the event day. */
export const DAYS_AFTER_EVENT = 3;

export type CalendarEntryKind =
  | 'injection'
  | 'last-injection'
  | 'no-more-injections'
  | 'skipped'
  | 'no-injection'
  | 'event'
  | 'after-event'
  | 'time-unknown'
  | 'last-unknown-time';

export interface CalendarEntry {
  kind: CalendarEntryKind;
  text: string;
  /** ISO instant in the zone, when the entry has a time. */
  iso?: string;
}

export interface CalendarDay {
  /** yyyy-MM-dd in the zone (a stable key). */
  key: string;
  label: string;
  entries: CalendarEntry[];
}

export interface RuleChoice {
  id: string;
  label: string;
}

export type DoseCalendarView =
  | {
      available: true;
      title: string;
      plan: string;
      rule: string;
      ruleChoices: RuleChoice[];
      ruleId: string;
      event: string;
      timeNote?: string;
      restart: string;
      zone: string;
      days: CalendarDay[];
    }
  | { available: false; title: string; why: string };

export interface DoseCalendarSlice {
  plan: RecordPlan;
  cards: readonly EventCard[];
  nowMs: number;
  zone: string;
}

const LUXON_LOCALE = { en: 'en-GB', ru: 'ru' } as const;

interface Ctx {
  zone: string;
  m: Messages;
}

const dt = (ms: number, c: Ctx) => DateTime.fromMillis(ms, { zone: c.zone, locale: LUXON_LOCALE[c.m.locale] });
const clock = (ms: number, c: Ctx) => dt(ms, c).toFormat('HH:mm');
const dayKey = (ms: number, c: Ctx) => dt(ms, c).toFormat('yyyy-MM-dd');
const iso = (ms: number, c: Ctx) => dt(ms, c).toISO() ?? new Date(ms).toISOString();

/** The deadlines a calendar can use: those with an instant, the source's first (the clinic's own protocol). */
function usableFits(cardPlan: CardPlan): DeadlineFit[] {
  const fits = cardPlan.onSchedule.fits.filter((f) => f.state !== 'no-deadline');
  return [...fits.filter((f) => f.role === 'source'), ...fits.filter((f) => f.role !== 'source')];
}

function ruleLabel(card: EventCard, id: string, m: Messages): string {
  const line = card.deadlines.find((d) => d.ruleId === id);
  if (!line) return id;
  return m.t('doseCalendar.ruleLabel', { source: sourceLabel(line.source, m), hours: line.hoursBefore ?? 'none' });
}

/** Restart words: a verified number of hours after the event kind, else "your team will tell you". */
function restartWords(card: EventCard, m: Messages): string {
  for (const line of card.restart) {
    const rule = ruleById(line.ruleId);
    if (rule?.kind !== 'restart-after' || rule.source.verification !== 'verified' || rule.parameters.hoursAfter === null) continue;
    return m.t('doseCalendar.restartAfter', { hours: rule.parameters.hoursAfter, after: rule.parameters.after, source: sourceLabel(rule.source, m) });
  }
  return m.t('doseCalendar.restartByTeam');
}

/** The entries of the days before the event when the injection times are known. */
function scheduledEntries(fit: DeadlineFit, injections: readonly number[], nowMs: number, c: Ctx): Map<string, CalendarEntry[]> {
  const byDay = new Map<string, CalendarEntry[]>();
  const add = (ms: number, e: CalendarEntry) => byDay.set(dayKey(ms, c), [...(byDay.get(dayKey(ms, c)) ?? []), e]);
  // The deadline comes before the next scheduled injection: the last one has already been given.
  if (fit.state === 'before-first-scheduled') add(nowMs, { kind: 'no-more-injections', text: c.m.t('doseCalendar.noMoreInjections') });
  const last = fit.state === 'keeps' ? fit.lastKeepingMs : undefined;
  const deadline = 'atMs' in fit ? fit.atMs : undefined;
  for (const t of injections) {
    if (deadline !== undefined && t > deadline) add(t, { kind: 'skipped', text: c.m.t('doseCalendar.skipped', { time: clock(t, c) }), iso: iso(t, c) });
    else if (t === last) add(t, { kind: 'last-injection', text: c.m.t('doseCalendar.lastInjection', { time: clock(t, c) }), iso: iso(t, c) });
    else add(t, { kind: 'injection', text: c.m.t('doseCalendar.injection', { time: clock(t, c) }), iso: iso(t, c) });
  }
  return byDay;
}

/** The entries when the injection time is not known: the deadline only, as "no later than", never a guessed time. */
function unknownTimeEntries(fit: DeadlineFit, nowMs: number, c: Ctx): Map<string, CalendarEntry[]> {
  const byDay = new Map<string, CalendarEntry[]>();
  if (!('atMs' in fit)) return byDay;
  for (let d = dt(nowMs, c).startOf('day'); d.toMillis() < fit.atMs; d = d.plus({ days: 1 })) {
    const key = d.toFormat('yyyy-MM-dd');
    if (key === dayKey(fit.atMs, c)) break;
    byDay.set(key, [{ kind: 'time-unknown', text: c.m.t('doseCalendar.asPlannedTimeUnknown') }]);
  }
  byDay.set(dayKey(fit.atMs, c), [{ kind: 'last-unknown-time', text: c.m.t('doseCalendar.lastNoLaterThan', { time: clock(fit.atMs, c) }), iso: iso(fit.atMs, c) }]);
  return byDay;
}

function calendarDays(entries: Map<string, CalendarEntry[]>, card: EventCard, eventMs: number, nowMs: number, c: Ctx): CalendarDay[] {
  const days: CalendarDay[] = [];
  const eventDay = dt(eventMs, c).startOf('day');
  const lastDay = eventDay.plus({ days: DAYS_AFTER_EVENT });
  for (let d = dt(nowMs, c).startOf('day'); d <= lastDay; d = d.plus({ days: 1 })) {
    const key = d.toFormat('yyyy-MM-dd');
    const list = [...(entries.get(key) ?? [])];
    if (key === eventDay.toFormat('yyyy-MM-dd')) {
      list.push({ kind: 'event', text: c.m.t('doseCalendar.eventAt', { event: eventName(card.event.name, c.m), time: clock(eventMs, c), dateOnly: card.anchorDateOnly ? 'yes' : 'no' }), iso: iso(eventMs, c) });
    } else if (d > eventDay) {
      list.push({ kind: 'after-event', text: c.m.t('doseCalendar.afterEvent') });
    }
    if (list.every((e) => e.kind === 'event')) {
      list.unshift({ kind: 'no-injection', text: c.m.t('doseCalendar.noInjection') });
    }
    days.push({ key, label: d.toFormat(c.m.locale === 'ru' ? 'cccc, d MMMM' : 'cccc d LLLL'), entries: list });
  }
  return days;
}

/** Why there is no calendar, or undefined when there is one. */
function unavailable(s: DoseCalendarSlice, fit: DeadlineFit | undefined, m: Messages): string | undefined {
  if (!s.plan.order) return m.t('doseCalendar.unavailable.noOrder');
  if (s.plan.nextCardIndex === undefined) return m.t('doseCalendar.unavailable.noEvent');
  const card = s.cards[s.plan.nextCardIndex];
  if (!card || card.anchorMs === null) return m.t('doseCalendar.unavailable.noEventDate');
  if (!fit) return m.t('doseCalendar.unavailable.noDeadline');
  if (fit.state === 'deadline-passed') return m.t('doseCalendar.unavailable.deadlinePassed');
  return undefined;
}

/** The calendar for the next planned event under the rule `ruleId` (default: the source's rule, else the first). */
export function buildDoseCalendarView(s: DoseCalendarSlice, m: Messages, ruleId?: string): DoseCalendarView {
  const title = m.t('doseCalendar.title');
  const c: Ctx = { zone: isValidZone(s.zone) ? s.zone : 'UTC', m };
  const cardPlan = s.plan.cards.find((p) => p.cardIndex === s.plan.nextCardIndex);
  const fits = cardPlan ? usableFits(cardPlan) : [];
  const fit = fits.find((f) => f.id === ruleId) ?? fits[0];
  const why = unavailable(s, fit, m);
  const card = s.plan.nextCardIndex !== undefined ? s.cards[s.plan.nextCardIndex] : undefined;
  if (why !== undefined || !fit || !cardPlan || !card || card.anchorMs === null || !s.plan.order) return { available: false, title, why: why ?? m.t('doseCalendar.unavailable.noDeadline') };
  const o = s.plan.order.order;
  const schedule = cardPlan.schedule;
  const entries = schedule.known ? scheduledEntries(fit, schedule.injections, s.nowMs, c) : unknownTimeEntries(fit, s.nowMs, c);
  return {
    available: true,
    title,
    plan: m.t('doseCalendar.plan', { drug: formatDrug(o.drug, m), dose: formatKnownDose(o.dose, m), frequency: formatKnownFrequency(o.frequency, m) }),
    rule: m.t('doseCalendar.rule', { rule: ruleLabel(card, fit.id, m) }),
    ruleChoices: fits.map((f) => ({ id: f.id, label: ruleLabel(card, f.id, m) })),
    ruleId: fit.id,
    event: m.t('doseCalendar.event', { event: eventName(card.event.name, m), when: m.instant(card.anchorMs) }),
    ...(schedule.known ? {} : { timeNote: m.t('doseCalendar.timeUnknown', { why: m.reason(schedule.reason) }) }),
    restart: restartWords(card, m),
    zone: m.t('doseCalendar.zone', { zone: c.zone }),
    days: calendarDays(entries, card, card.anchorMs, s.nowMs, c),
  };
}
