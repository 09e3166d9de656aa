/**
 * Groups dating facts into pregnancies (EDDs more than 20 weeks apart are different pregnancies; a recorded birth ends
 * one), chooses the dating of each, and finds the current pregnancy (its window contains now) or the most recent one.
 */
import { formatDate } from '../time';
import type { Reason } from '../reasons';
import { addDays, dayNumber, formatCalendarDate, startOfDate } from './calendar';
import { chooseDating, NO_DATING_REASON } from './dating';
import { datingFactsFromRecord, type DatingFacts } from './facts';
import type { Dating, Pregnancy, PregnancyTimeline } from './pregnancyTypes';

/** EDDs further apart than this (from the first EDD of a group) belong to different pregnancies. */
export const SAME_PREGNANCY_MAX_DAYS = 20 * 7;

/** A birth counts for a pregnancy when it lies between its start and EDD + 6 weeks. */
const DELIVERY_AFTER_EDD_DAYS = 42;

function cluster(datings: Dating[]): Dating[][] {
  const sorted = [...datings].sort((a, b) => (dayNumber(a.eddDate) ?? 0) - (dayNumber(b.eddDate) ?? 0));
  const groups: Dating[][] = [];
  let first: number | undefined;
  for (const d of sorted) {
    const n = dayNumber(d.eddDate) ?? 0;
    if (first === undefined || n - first > SAME_PREGNANCY_MAX_DAYS) {
      groups.push([d]);
      first = n;
    } else groups[groups.length - 1]!.push(d);
  }
  return groups;
}

/** Builds the pregnancy timeline from facts already read (see datingFactsFromRecord). */
export function pregnanciesFromFacts(facts: DatingFacts, nowMs: number, zone: string): PregnancyTimeline {
  const notes: string[] = [];
  const latestStatus = [...facts.statuses].sort((a, b) => (b.recordedMs ?? -Infinity) - (a.recordedMs ?? -Infinity) || 0)[0];
  const pregnancies: Pregnancy[] = [];
  const usedDeliveries = new Set<number>();
  const usedTransfers = new Set<number>();

  for (const group of cluster(facts.datings)) {
    // The chosen dating does not depend on the notes, so the window can be set before they are attached.
    const provisional = chooseDating(group).chosen!;
    const startDate = addDays(provisional.eddDate, -280)!;
    const startMs = startOfDate(startDate, zone);
    const plus14 = startOfDate(addDays(provisional.eddDate, 14)!, zone);
    if (startMs === undefined || plus14 === undefined) continue;
    const latestBirth = startOfDate(addDays(provisional.eddDate, DELIVERY_AFTER_EDD_DAYS)!, zone) ?? plus14;

    const transferNotes: string[] = [];
    facts.undatedTransfers.forEach((t, i) => {
      if (!usedTransfers.has(i) && t.dateMs >= startMs && t.dateMs < startMs + 20 * 7 * 86_400_000) {
        usedTransfers.add(i);
        transferNotes.push(t.note);
      }
    });
    const dating = chooseDating(group, transferNotes);
    const chosen = dating.chosen!;

    let deliveryIndex: number | undefined;
    facts.deliveries.forEach((d, i) => {
      if (usedDeliveries.has(i) || d.atMs < startMs || d.atMs >= latestBirth) return;
      if (deliveryIndex === undefined || d.atMs < facts.deliveries[deliveryIndex]!.atMs) deliveryIndex = i;
    });
    const delivery = deliveryIndex === undefined ? undefined : facts.deliveries[deliveryIndex];
    if (deliveryIndex !== undefined) usedDeliveries.add(deliveryIndex);
    const endMs = delivery ? delivery.atMs : plus14;

    const warnings: string[] = [];
    if (dating.alternatives.length > 0) {
      warnings.push(
        `dating records disagree by more than 7 days: ${dating.alternatives
          .map((a) => `${a.description} (${a.disagreementDays! > 0 ? '+' : ''}${a.disagreementDays} d)`)
          .join('; ')}`,
      );
    }
    if (latestStatus?.status === 'not-pregnant' && latestStatus.recordedMs !== undefined && latestStatus.recordedMs >= startMs && latestStatus.recordedMs < endMs) {
      warnings.push(`pregnancy status 'not pregnant' recorded ${formatDate(latestStatus.recordedMs, zone)}, during this pregnancy's dates`);
    }
    pregnancies.push({
      id: `pregnancy:${chosen.eddDate}`,
      dating: { ...dating, chosen },
      eddMs: chosen.eddMs,
      eddDate: chosen.eddDate,
      startMs,
      endMs,
      endReason: delivery ? 'delivery' : 'edd-plus-14-days',
      delivery,
      zone,
      warnings,
    });
  }

  facts.undatedTransfers.forEach((t, i) => {
    if (!usedTransfers.has(i)) notes.push(t.note);
  });
  facts.deliveries.forEach((d, i) => {
    if (!usedDeliveries.has(i)) notes.push(`birth on ${formatDate(d.atMs, zone)} (${d.source.resourceType} ${d.source.id ?? '(no id)'}) matches no dated pregnancy`);
  });

  pregnancies.sort((a, b) => a.eddMs - b.eddMs);
  const { currentIndex, isCurrent } = currentIndexOf(pregnancies, nowMs);

  const timeline: PregnancyTimeline = { pregnancies, currentIndex, isCurrent, notes, latestStatus, exclusions: facts.exclusions };
  if (pregnancies.length === 0) timeline.reasonIfNone = notes.length > 0 ? `${NO_DATING_REASON}; ${notes.join('; ')}` : NO_DATING_REASON;
  return timeline;
}

/** The pregnancy whose window contains now (the latest such), else the latest one already started, else the first. */
export function currentIndexOf(pregnancies: readonly Pregnancy[], nowMs: number): { currentIndex: number | undefined; isCurrent: boolean } {
  if (!Number.isFinite(nowMs)) return { currentIndex: pregnancies.length > 0 ? pregnancies.length - 1 : undefined, isCurrent: false };
  const indexed = pregnancies.map((p, i) => ({ p, i }));
  const containing = indexed.filter(({ p }) => p.startMs <= nowMs && nowMs < p.endMs);
  if (containing.length > 0) return { currentIndex: containing[containing.length - 1]!.i, isCurrent: true };
  const started = indexed.filter(({ p }) => p.startMs <= nowMs);
  return { currentIndex: started.length > 0 ? started[started.length - 1]!.i : pregnancies.length > 0 ? 0 : undefined, isCurrent: false };
}

/**
 * The timeline without the pregnancy an embryo transfer would have started, while that pregnancy is not confirmed (no
 * positive hCG, status or scan yet) or a negative test ended the cycle: its dates are not facts. The pregnancy's window
 * contains the transfer; other pregnancies stay.
 */
export function withoutUnconfirmedPregnancy(timeline: PregnancyTimeline, transferMs: number, nowMs: number, why: Reason): PregnancyTimeline {
  const pregnancies = timeline.pregnancies.filter((p) => !(p.startMs <= transferMs && transferMs < p.endMs));
  if (pregnancies.length === timeline.pregnancies.length) return timeline;
  const { currentIndex, isCurrent } = currentIndexOf(pregnancies, nowMs);
  const { reasonIfNone: _dropped, ...rest } = timeline;
  return { ...rest, pregnancies, currentIndex, isCurrent, ...(pregnancies.length === 0 ? { reasonIfNone: why } : {}) };
}

/** Every pregnancy in a record, each with its dating, and which one is current or most recent. Never throws. */
export function pregnanciesFromRecord(resources: readonly unknown[], nowMs: number, zone: string): PregnancyTimeline {
  return pregnanciesFromFacts(datingFactsFromRecord(resources, zone), nowMs, zone);
}

/** "EDD 14 Jan 2027 (recorded EDD)": a short label for a pregnancy picker. */
export function pregnancyLabel(p: Pregnancy): string {
  return `EDD ${formatCalendarDate(p.eddDate)} (${p.dating.chosen.method})`;
}
