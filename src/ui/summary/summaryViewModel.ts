/**
 * The compact summary at the top as display data: gestation today with its dating source, the active LMWH order(s),
 * and the next planned event with its countdown. Unknowns and absences are stated with the reason; "no order found"
 * only when the order searches were complete.
 */
import { groupLabel } from '../record/dataAvailabilityViewModel';
import { eventWhenText } from '../stop-criteria/stopCriteriaViewModel';
import { countdownWords } from '../stop-criteria/ruleLineViewModel';
import type { QueryGroup } from '../../domain/input';
import type { ClinicalRecord } from '../../domain/record';
import type { EventCard } from '../../domain/rules';
import type { SourceRef } from '../../domain/types';
import { formatOrderSummary } from '../format/dose';
import { formatGestation } from '../format/gestation';
import type { Messages } from '../messages/translator';
import { gestationalAgeMayBeShownAsFact } from '../../domain/ivf';
import { confirmationLines, type IvfFact } from '../ivf-cycle/ivfCycleViewModel';
import { eventName } from '../format/eventName';

/** The part of the record the summary reads. */
export type SummarySlice = Pick<ClinicalRecord, 'gaToday' | 'pregnancy' | 'groups' | 'medication' | 'rules' | 'zone' | 'ivf'>;

export interface SummaryView {
  label: string;
  terms: { gestation: string; lmwh: string; next: string };
  gestation: {
    headline: string;
    note: string;
    sources?: SourceRef | SourceRef[];
    sourcesLabel: string;
    status?: { text: string; sources: SourceRef | SourceRef[] };
    warning?: string;
    /** After an embryo transfer: transfer + N days, the planned hCG test, "if pregnant: ..." (never a fact). */
    ivf?: IvfFact[];
    /** After a negative test: an LMWH order still active, to review. */
    review?: IvfFact;
  };
  lmwh: {
    headline?: string;
    unknown?: { label: string; reason: string };
    active: { key: string; text: string; doseClass?: string; sources: SourceRef }[];
    unclear: { key: string; text: string; label: string; reason: string; sources: SourceRef }[];
    warning?: string;
  };
  next: {
    event?: { label: string; iso: string; when: string; countdown: string; note?: string; sources: SourceRef | SourceRef[] };
    none?: string;
    undated?: { text: string; sources: SourceRef | SourceRef[] };
    warning?: string;
  };
}

function groupProblem(slice: SummarySlice, groups: QueryGroup[], m: Messages): string | undefined {
  const bad = groups.map((g) => ({ g, r: slice.groups[g] })).filter(({ r }) => !r || r.status !== 'complete');
  if (bad.length === 0) return undefined;
  return bad.map(({ g, r }) => (r ? (r.reason ? m.t('medication.groupStatusBecause', { group: groupLabel(g, m), status: m.t('availability.status', { status: r.status }), reason: m.reason(r.reason) }) : m.t('medication.groupStatus', { group: groupLabel(g, m), status: m.t('availability.status', { status: r.status }) })) : m.t('medication.groupNotRead', { group: groupLabel(g, m) }))).join('; ');
}

function gestationView(slice: SummarySlice, m: Messages): SummaryView['gestation'] {
  const ga = slice.gaToday;
  const status = slice.pregnancy.latestStatus;
  const problem = groupProblem(slice, ['observations-pregnancy'], m);
  const warning = problem ? { warning: m.t('summary.pregnancyIncomplete', { problem }) } : {};
  const sourcesLabel = m.t('summary.datingSource');
  const gate = gestationalAgeMayBeShownAsFact(slice.ivf.confirmation);
  if (!gate.allowed) {
    // Before a positive test (or after a negative one) a gestational age is not a fact: at most "if pregnant".
    const c = confirmationLines(slice.ivf.confirmation, m);
    return { headline: c.headline, note: m.reason(gate.reason), sourcesLabel, ivf: c.lines, ...(c.flag ? { review: c.flag } : {}), ...warning };
  }
  if (ga.known) {
    const text = formatGestation(ga.value.totalDays, m.locale);
    return { headline: m.t('summary.gestation', { text, trimester: ga.value.trimester }), note: m.reason(ga.value.basis), sources: ga.value.source ?? [], sourcesLabel, ...warning };
  }
  // "Not pregnant" only when the record says so; otherwise the absence of a found pregnancy is stated as such.
  const headline = m.t(status?.status === 'not-pregnant' ? 'summary.notPregnant' : 'summary.noPregnancyFound');
  const statusView = status
    ? {
        status: {
          text: m.t('summary.pregnancyStatus', {
            recorded: status.recordedMs !== undefined ? m.t('summary.recordedOn', { date: m.date(status.recordedMs) }) : m.t('summary.undated'),
            status: m.t(status.status === 'not-pregnant' ? 'summary.status.notPregnant' : status.status === 'pregnant' ? 'summary.status.pregnant' : 'summary.status.unknown'),
          }),
          sources: status.source,
        },
      }
    : {};
  return { headline, note: m.reason(ga.reason), sourcesLabel, ...statusView, ...warning };
}

function lmwhView(slice: SummarySlice, m: Messages): SummaryView['lmwh'] {
  const { orders, complete, incompleteReason } = slice.medication;
  const reason = m.reason(incompleteReason);
  if (orders.length === 0) {
    return complete
      ? { headline: m.t('medication.noOrderFound', { scope: 'record' }), active: [], unclear: [] }
      : { unknown: { label: m.t('summary.ordersIncomplete'), reason: m.t('summary.absenceNotKnown', { reason }) }, active: [], unclear: [] };
  }
  const active = orders.filter((o) => o.order.isOrder && o.activeNow.state === 'active');
  const unclear = orders.filter((o) => o.activeNow.state === 'unknown');
  return {
    ...(active.length === 0 ? { headline: m.t('summary.noActiveOrder', { n: orders.length }) } : {}),
    active: active.map((o, i) => ({
      key: `a-${o.order.id ?? i}`,
      text: formatOrderSummary(o.order, m),
      ...(o.doseClass.class !== 'unknown' ? { doseClass: m.t(`stopCriteria.doseClass.${o.doseClass.class}`) } : {}),
      sources: o.order.source,
    })),
    unclear: unclear.map((o, i) => ({ key: `u-${o.order.id ?? i}`, text: formatOrderSummary(o.order, m), label: m.t('summary.activeUnknown'), reason: m.reason(o.activeNow.reason), sources: o.order.source })),
    ...(!complete ? { warning: m.t('medication.ordersIncompleteSome', { reason }) } : {}),
  };
}

/** The soonest planned event with a date at or after now. */
export function nextPlannedEvent(cards: EventCard[]): EventCard | undefined {
  return cards
    .filter((c) => c.anchorMs !== null && c.countdownMs !== null && c.countdownMs >= 0)
    .sort((a, b) => (a.anchorMs ?? 0) - (b.anchorMs ?? 0))[0];
}

function nextView(slice: SummarySlice, m: Messages): SummaryView['next'] {
  const cards = slice.rules.cards;
  const next = nextPlannedEvent(cards);
  const undated = cards.filter((c) => c.anchorMs === null);
  const problem = groupProblem(slice, ['procedures', 'service-requests', 'appointments'], m);
  // Where the searches were incomplete, "none found" would claim more than is known.
  const none = problem ? 'summary.nextNotKnown' : cards.length === 0 ? 'summary.noPlannedEvent' : 'summary.noUpcomingEvent';
  return {
    ...(next
      ? {
          event: {
            label: eventName(next.event.name, m),
            iso: m.iso(next.anchorMs!),
            when: eventWhenText(next, m),
            countdown: countdownWords(next.countdownMs!, m),
            ...(next.event.enteredHere ? { note: m.t('stopCriteria.enteredHere') } : {}),
            sources: next.event.sources,
          },
        }
      : { none: m.t(none) }),
    ...(undated.length > 0
      ? { undated: { text: m.t('summary.plannedWithoutDate', { events: undated.map((c) => eventName(c.event.name, m)).join(', ') }), sources: undated.flatMap((c) => c.event.sources) } }
      : {}),
    ...(problem ? { warning: m.t('summary.eventsIncomplete', { problem }) } : {}),
  };
}

export function buildSummaryView(slice: SummarySlice, m: Messages): SummaryView {
  return {
    label: m.t('summary.label'),
    terms: { gestation: m.t('summary.term.gestation'), lmwh: m.t('summary.term.lmwh'), next: m.t('summary.term.next') },
    gestation: gestationView(slice, m),
    lmwh: lmwhView(slice, m),
    next: nextView(slice, m),
  };
}
