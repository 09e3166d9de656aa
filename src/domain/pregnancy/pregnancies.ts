/**
 * Groups dating facts into pregnancies (EDDs more than 20 weeks apart are different pregnancies; a recorded birth ends
 * one), chooses the dating of each, and finds the current pregnancy (its window contains now) or the most recent one.
 */
import { DAY_MS } from '../time';
import { listParam, reasonParam, type Reason } from '../reasons';
import { sourceKey } from '../sourceRef';
import { addDays, dayNumber, startOfDate } from './calendar';
import { chooseDating } from './dating';
import { datingFactsFromRecord, type DatingFacts } from './facts';
import { dayParam, noDatingReason, pregnancyReason, type PregnancyReason } from './pregnancyReasons';
import type { ConfirmedTransfer, Dating, DatingChoice, DeliveryFact, Pregnancy, PregnancyStatusFact, PregnancyTimeline } from './pregnancyTypes';

/** EDDs further apart than this (from the first EDD of a group) belong to different pregnancies. */
export const SAME_PREGNANCY_MAX_DAYS = 20 * 7;

/** A birth counts for a pregnancy when it lies between its start and EDD + 6 weeks. */
const DELIVERY_AFTER_EDD_DAYS = 42;

/** An undated transfer belongs to a pregnancy when it lies within 20 weeks of its start. */
const TRANSFER_WINDOW_MS = 20 * 7 * DAY_MS;

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

/** Which undated transfers and births have been given to a pregnancy (each goes to one at most). */
interface Used {
  transfers: Set<number>;
  deliveries: Set<number>;
}

/** The window of a group's pregnancy: 00:00 of EDD - 280 days, EDD + 14 days and the latest day a birth counts. */
interface Window {
  startMs: number;
  plus14Ms: number;
  latestBirthMs: number;
}

function windowOf(eddDate: string, zone: string): Window | undefined {
  const startMs = startOfDate(addDays(eddDate, -280)!, zone);
  const plus14Ms = startOfDate(addDays(eddDate, 14)!, zone);
  if (startMs === undefined || plus14Ms === undefined) return undefined;
  return { startMs, plus14Ms, latestBirthMs: startOfDate(addDays(eddDate, DELIVERY_AFTER_EDD_DAYS)!, zone) ?? plus14Ms };
}

/** The notes of the undated transfers in the first 20 weeks of the window, marked as used. */
function transferNotesIn(facts: DatingFacts, w: Window, used: Used): PregnancyReason[] {
  const notes: PregnancyReason[] = [];
  facts.undatedTransfers.forEach((t, i) => {
    if (!used.transfers.has(i) && t.dateMs >= w.startMs && t.dateMs < w.startMs + TRANSFER_WINDOW_MS) {
      used.transfers.add(i);
      notes.push(t.note);
    }
  });
  return notes;
}

/** The earliest unused birth in the window, marked as used. */
function deliveryIn(facts: DatingFacts, w: Window, used: Used): DeliveryFact | undefined {
  let index: number | undefined;
  facts.deliveries.forEach((d, i) => {
    if (used.deliveries.has(i) || d.atMs < w.startMs || d.atMs >= w.latestBirthMs) return;
    if (index === undefined || d.atMs < facts.deliveries[index]!.atMs) index = i;
  });
  if (index === undefined) return undefined;
  used.deliveries.add(index);
  return facts.deliveries[index];
}

/** Datings that disagree by more than 7 days, and a 'not pregnant' status recorded within the pregnancy's dates. */
function warningsOf(dating: DatingChoice, latestStatus: PregnancyStatusFact | undefined, startMs: number, endMs: number): PregnancyReason[] {
  const warnings: PregnancyReason[] = [];
  if (dating.alternatives.length > 0) {
    const items = dating.alternatives.map((a) =>
      reasonParam(pregnancyReason('pregnancy.disagreeing-dating', { description: reasonParam(a.description), days: a.disagreementDays ?? 0 })),
    );
    warnings.push(pregnancyReason('pregnancy.datings-disagree', { items: listParam(items) }));
  }
  const at = latestStatus?.recordedMs;
  if (latestStatus?.status === 'not-pregnant' && at !== undefined && at >= startMs && at < endMs) {
    warnings.push(pregnancyReason('pregnancy.status-not-pregnant-during', { at: dayParam(at) }));
  }
  return warnings;
}

/** One group of datings as a pregnancy: its window, dating (with the undated transfers in it), birth and warnings. */
function pregnancyOf(group: Dating[], facts: DatingFacts, latestStatus: PregnancyStatusFact | undefined, used: Used, zone: string, confirmed: ConfirmedTransfer | undefined): Pregnancy | undefined {
  // The chosen dating does not depend on the notes, so the window can be set before they are attached.
  const w = windowOf(chooseDating(group, [], confirmed).chosen!.eddDate, zone);
  if (!w) return undefined;
  const dating = chooseDating(group, transferNotesIn(facts, w, used), confirmed);
  const chosen = dating.chosen!;
  const delivery = deliveryIn(facts, w, used);
  const endMs = delivery ? delivery.atMs : w.plus14Ms;
  return {
    id: `pregnancy:${chosen.eddDate}`,
    dating: { ...dating, chosen },
    eddMs: chosen.eddMs,
    eddDate: chosen.eddDate,
    startMs: w.startMs,
    endMs,
    endReason: delivery ? 'delivery' : 'edd-plus-14-days',
    delivery,
    zone,
    warnings: warningsOf(dating, latestStatus, w.startMs, endMs),
  };
}

/** Undated transfers and births that no pregnancy took. */
function unplacedNotes(facts: DatingFacts, used: Used): PregnancyReason[] {
  const notes: PregnancyReason[] = [];
  facts.undatedTransfers.forEach((t, i) => {
    if (!used.transfers.has(i)) notes.push(t.note);
  });
  facts.deliveries.forEach((d, i) => {
    if (!used.deliveries.has(i)) notes.push(pregnancyReason('pregnancy.birth-unmatched', { at: dayParam(d.atMs), source: sourceKey(d.source) }));
  });
  return notes;
}

const latestStatusOf = (facts: DatingFacts): PregnancyStatusFact | undefined =>
  [...facts.statuses].sort((a, b) => (b.recordedMs ?? -Infinity) - (a.recordedMs ?? -Infinity) || 0)[0];

/**
 * Builds the pregnancy timeline from facts already read (see datingFactsFromRecord). `confirmed`: the embryo transfer
 * after which the pregnancy is confirmed; its dating wins over a recorded EDD.
 */
export function pregnanciesFromFacts(facts: DatingFacts, nowMs: number, zone: string, confirmed?: ConfirmedTransfer): PregnancyTimeline {
  const latestStatus = latestStatusOf(facts);
  const used: Used = { transfers: new Set(), deliveries: new Set() };
  const pregnancies = cluster(facts.datings)
    .map((group) => pregnancyOf(group, facts, latestStatus, used, zone, confirmed))
    .filter((p): p is Pregnancy => p !== undefined)
    .sort((a, b) => a.eddMs - b.eddMs);
  const notes = unplacedNotes(facts, used);
  const { currentIndex, isCurrent } = currentIndexOf(pregnancies, nowMs);
  const timeline: PregnancyTimeline = { pregnancies, currentIndex, isCurrent, notes, latestStatus, exclusions: facts.exclusions };
  if (pregnancies.length === 0) timeline.reasonIfNone = noDatingReason(notes);
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
export function pregnanciesFromRecord(resources: readonly unknown[], nowMs: number, zone: string, confirmed?: ConfirmedTransfer): PregnancyTimeline {
  return pregnanciesFromFacts(datingFactsFromRecord(resources, zone), nowMs, zone, confirmed);
}

