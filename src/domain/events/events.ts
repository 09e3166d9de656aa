/**
 * Planned and past events from Procedure, ServiceRequest, Appointment and Encounter (clinical-reference §6.1).
 * One event recorded several ways (Appointment/Procedure/Encounter basedOn a ServiceRequest, Encounter.appointment)
 * becomes one event with all its records; the earliest time wins and the record that gave it is named.
 */
import { SYSTEMS, type Exclusion, type SourceRef } from '../types';
import { listParam, reasonParam, type Reason } from '../reasons';
import { parseFhirDate, startOfDay, type FhirMoment } from '../time';
import { CLASS_PRIORITY, classifyEvent, type Classification } from './eventClasses';
import { asArray, codingsOf, isObject, refKey, resourceKey, sourceOf, str, textsOf, type SimpleCoding } from './fhirRead';
import { EVENTS_VIEW, EXCLUDED_STATUS_REASON, classNameReason, eventReason, momentParam } from './eventReasons';
import type { EventTiming, EventsResult, PlannedEvent } from './eventTypes';
import { matchParam } from '../matchedBy';


interface Candidate {
  key: string;
  links: string[];
  /** 'planned' still to happen, 'past' performed or started. */
  phase: 'planned' | 'past';
  when: FhirMoment | undefined;
  source: SourceRef;
  cls: Classification;
  /** The record's own text (its code text or display), if any. */
  label: string | undefined;
  notes: Reason[];
}

type Res = Record<string, unknown>;

function readWhen(values: unknown[], zone: string, notes: Reason[]): { when: FhirMoment | undefined; original: string | undefined } {
  for (const v of values) {
    if (v === undefined || v === null) continue;
    const m = parseFhirDate(v, zone);
    if (m) return { when: m, original: m.original };
    notes.push(eventReason('event.date-not-readable', { written: typeof v === 'string' ? v : null }));
  }
  return { when: undefined, original: undefined };
}

/** The earliest event time of a Timing: its first `event`, else repeat.boundsPeriod.start. */
function timingStarts(t: unknown, zone: string): unknown[] {
  if (!isObject(t)) return [];
  const events = asArray(t.event)
    .map((e) => ({ raw: e, m: parseFhirDate(e, zone) }))
    .filter((e) => e.m !== undefined)
    .sort((a, b) => a.m!.start - b.m!.start)
    .map((e) => e.raw);
  const repeat = isObject(t.repeat) ? t.repeat : undefined;
  const bounds = repeat && isObject(repeat.boundsPeriod) ? repeat.boundsPeriod.start : undefined;
  return [...events, bounds];
}

function refKeys(v: unknown, types: readonly string[]): string[] {
  return asArray(v)
    .map(refKey)
    .filter((k): k is string => k !== undefined && types.includes(k.split('/')[0]!));
}

/** Laboratory (108252007) and imaging (363679005) categories: orders for tests, not procedures. */
const TEST_CATEGORIES = ['108252007', '363679005'];

/** An order for a test (LOINC-coded only, or a laboratory/imaging category): not a planned procedure. */
function isTestOrder(r: Res, codings: SimpleCoding[]): boolean {
  const coded = codings.filter((c) => c.code !== undefined);
  if (coded.length > 0 && coded.every((c) => c.system === SYSTEMS.loinc)) return true;
  return codingsOf(r.category).some((c) => c.system === SYSTEMS.snomed && c.code !== undefined && TEST_CATEGORIES.includes(c.code));
}

/** What one resource type says: where its kind and dates are, what it links to, and its phase by status. */
interface Reading {
  concepts: unknown[];
  dates: unknown[];
  links: string[];
  phase: 'planned' | 'past' | undefined;
  /** A procedure in progress: planned or past by its date. */
  inProgress: boolean;
}

const periodStart = (v: unknown): unknown => (isObject(v) ? v.start : undefined);

function readProcedure(r: Res, status: string): Reading {
  return {
    concepts: [r.code],
    dates: [r.performedDateTime, periodStart(r.performedPeriod)],
    links: refKeys(r.basedOn, ['ServiceRequest']),
    phase: status === 'preparation' ? 'planned' : status === 'completed' ? 'past' : undefined,
    inProgress: status === 'in-progress',
  };
}

/** A ServiceRequest; one that says "do not perform" or is on hold is left out with the reason. */
function readServiceRequest(r: Res, status: string, zone: string): Reading | Exclusion {
  if (r.doNotPerform === true) return { source: sourceOf(r, { original: 'doNotPerform' }), view: EVENTS_VIEW, reason: eventReason('event.do-not-perform') };
  if (status === 'on-hold') return { source: sourceOf(r, { original: status }), view: EVENTS_VIEW, reason: eventReason('event.on-hold') };
  return {
    concepts: [r.code],
    dates: [r.occurrenceDateTime, periodStart(r.occurrencePeriod), ...timingStarts(r.occurrenceTiming, zone)],
    links: [],
    phase: status === 'active' || status === 'draft' ? 'planned' : undefined,
    inProgress: false,
  };
}

const APPOINTMENT_PLANNED = ['proposed', 'pending', 'booked', 'arrived', 'checked-in'];

function readAppointment(r: Res, status: string): Reading {
  return {
    concepts: [r.serviceType, r.appointmentType, r.reasonCode, r.specialty],
    dates: [r.start],
    links: refKeys(r.basedOn, ['ServiceRequest']),
    phase: APPOINTMENT_PLANNED.includes(status) ? 'planned' : undefined,
    inProgress: false,
  };
}

function readEncounter(r: Res, status: string): Reading {
  return {
    concepts: [r.type, r.reasonCode],
    dates: [periodStart(r.period)],
    links: [...refKeys(r.basedOn, ['ServiceRequest']), ...refKeys(r.appointment, ['Appointment'])],
    phase: status === 'planned' ? 'planned' : undefined,
    inProgress: false,
  };
}

/** The reading of a resource by its type; undefined for a type that is not an event. */
function readByType(r: Res, status: string, zone: string): Reading | Exclusion | undefined {
  switch (r.resourceType) {
    case 'Procedure':
      return readProcedure(r, status);
    case 'ServiceRequest':
      return readServiceRequest(r, status, zone);
    case 'Appointment':
      return readAppointment(r, status);
    case 'Encounter':
      return readEncounter(r, status);
    default:
      return undefined;
  }
}

/** Reads one resource into a candidate event, an exclusion, or nothing (not an event type or status). */
function candidateOf(r: Res, index: number, nowMs: number, zone: string): Candidate | Exclusion | undefined {
  const status = str(r.status) ?? '';
  const reading = readByType(r, status, zone);
  if (!reading || isExclusion(reading)) return reading;
  const codings = codingsOf(...reading.concepts);
  const cls = classifyEvent(codings, textsOf(...reading.concepts));
  const label = textsOf(...reading.concepts)[0];
  const notes: Reason[] = [];
  const { when, original } = readWhen(reading.dates, zone, notes);
  const source = sourceOf(r, { ...(original !== undefined ? { date: original } : {}), ...(label !== undefined ? { original: label } : {}), matchedBy: cls.matched });
  const excluded = EXCLUDED_STATUS_REASON[status];
  if (excluded) return { source, view: EVENTS_VIEW, reason: eventReason(excluded, { status }) };
  if (r.resourceType === 'ServiceRequest' && cls.cls === 'other' && isTestOrder(r, codings)) return undefined;
  const phase = reading.inProgress ? (when && when.start > nowMs ? 'planned' : 'past') : reading.phase;
  if (!phase) return undefined;
  return { key: resourceKey(r, index), links: reading.links, phase, when, source, cls, label, notes };
}

function isExclusion(x: Candidate | Reading | Exclusion): x is Exclusion {
  return 'reason' in x && 'view' in x;
}

function timingOf(when: FhirMoment | undefined, nowMs: number, zone: string): EventTiming {
  if (!when) return 'date-not-set';
  return when.end > startOfDay(nowMs, zone) ? 'future-or-today' : 'past-date';
}

/** Records of one event that disagree on its kind, or that give it different days (the earliest is used). */
function disagreements(members: Candidate[], timed: Candidate[], zone: string): Reason[] {
  const out: Reason[] = [];
  const knownClasses = new Set(members.filter((m) => m.cls.cls !== 'other').map((m) => m.cls.cls));
  if (knownClasses.size > 1) {
    const records = members.map((m) => reasonParam(eventReason('event.record-class', { record: m.key, cls: reasonParam(classNameReason(m.cls.cls)), matched: matchParam(m.cls.matched) })));
    out.push(eventReason('event.classes-disagree', { records: listParam(records) }));
  }
  const days = new Set(timed.map((m) => startOfDay(m.when!.start, zone)));
  if (days.size > 1) {
    const records = timed.map((m) => reasonParam(eventReason('event.record-date', { record: m.key, when: momentParam(m.when!) })));
    out.push(eventReason('event.dates-disagree', { records: listParam(records) }));
  }
  return out;
}

const rank = (c: Classification): number => CLASS_PRIORITY.indexOf(c.cls) * 2 + (c.recognisedBy === 'text' ? 1 : 0);

function mergeGroup(group: Candidate[], nowMs: number, zone: string): PlannedEvent {
  const members = [...group].sort((a, b) => a.key.localeCompare(b.key));
  const past = members.filter((m) => m.phase === 'past');
  const planned = past.length === 0;
  const timed = (planned ? members : past).filter((m) => m.when !== undefined);
  timed.sort((a, b) => a.when!.start - b.when!.start || a.key.localeCompare(b.key));
  const timeMember = timed[0];
  const byClass = [...members].sort((a, b) => rank(a.cls) - rank(b.cls) || a.key.localeCompare(b.key));
  const best = byClass[0]!;
  let cls = best.cls.cls;
  if (planned && cls === 'delivery') cls = 'induction-or-planned-birth';

  const when = timeMember?.when;
  const timing = timingOf(when, nowMs, zone);
  const notes = [...members.flatMap((m) => m.notes.map((n) => eventReason('event.record-note', { record: m.key, note: reasonParam(n) }))), ...disagreements(members, timed, zone)];
  if (planned && timing === 'past-date' && when) notes.push(eventReason('event.planned-date-passed', { when: momentParam(when) }));
  const keys = members.map((m) => m.key).sort();
  return {
    id: `event:${keys[0]}`,
    class: cls,
    name: best.label !== undefined ? { text: best.label } : { class: cls },
    when,
    sources: members.map((m) => m.source),
    timeSource: timeMember?.source,
    recognisedBy: best.cls.recognisedBy,
    matched: best.cls.matched,
    planned,
    timing,
    notes,
  };
}

/** Planned events (today/future first, then undated, then past-dated) and recognised past events of a record. */
export function eventsFromRecord(resources: readonly unknown[], nowMs: number, zone: string): EventsResult {
  const exclusions: Exclusion[] = [];
  const candidates: Candidate[] = [];
  const list = Array.isArray(resources) ? resources : [];
  list.forEach((r, i) => {
    if (!isObject(r)) return;
    const c = candidateOf(r, i, Number.isFinite(nowMs) ? nowMs : 0, zone);
    if (!c) return;
    if (isExclusion(c)) exclusions.push(c);
    else candidates.push(c);
  });

  // Union-find over record keys and the keys they reference.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const c of candidates) {
    find(c.key);
    for (const l of c.links) union(c.key, l);
  }
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const root = find(c.key);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  }

  const events = [...groups.values()].map((g) => mergeGroup(g, nowMs, zone));
  const order: Record<EventTiming, number> = { 'future-or-today': 0, 'date-not-set': 1, 'past-date': 2 };
  const planned = events
    .filter((e) => e.planned)
    .sort((a, b) => {
      if (a.timing !== b.timing) return order[a.timing] - order[b.timing];
      if (a.when && b.when) return a.timing === 'past-date' ? b.when.start - a.when.start : a.when.start - b.when.start;
      return a.id.localeCompare(b.id);
    });
  const past = events
    .filter((e) => !e.planned && e.class !== 'other')
    .sort((a, b) => (b.when?.start ?? -Infinity) - (a.when?.start ?? -Infinity) || a.id.localeCompare(b.id));
  return { planned, past, exclusions };
}
