/**
 * Planned and past events from Procedure, ServiceRequest, Appointment and Encounter (clinical-reference §6.1).
 * One event recorded several ways (Appointment/Procedure/Encounter basedOn a ServiceRequest, Encounter.appointment)
 * becomes one event with all its records; the earliest time wins and the record that gave it is named.
 */
import { SYSTEMS, type Exclusion, type SourceRef } from '../types';
import { formatMoment, parseFhirDate, startOfDay, type FhirMoment } from '../time';
import { CLASS_LABEL, CLASS_PRIORITY, classifyEvent, type Classification } from './eventClasses';
import { asArray, codingsOf, isObject, refKey, resourceKey, sourceOf, str, textsOf, type SimpleCoding } from './fhirRead';
import type { EventTiming, EventsResult, PlannedEvent } from './eventTypes';

const VIEW = 'Planned events';

/** Statuses that remove a record from every event list (with an Exclusion). */
const EXCLUDED_STATUS: Record<string, string> = {
  'entered-in-error': 'entered in error',
  cancelled: 'cancelled',
  revoked: 'revoked',
  noshow: 'patient did not attend (no-show)',
  'not-done': 'not done',
};

interface Candidate {
  key: string;
  links: string[];
  /** 'planned' still to happen, 'past' performed or started. */
  phase: 'planned' | 'past';
  when: FhirMoment | undefined;
  source: SourceRef;
  cls: Classification;
  label: string | undefined;
  notes: string[];
}

type Res = Record<string, unknown>;

function readWhen(values: unknown[], zone: string, notes: string[], what: string): { when: FhirMoment | undefined; original: string | undefined } {
  for (const v of values) {
    if (v === undefined || v === null) continue;
    const m = parseFhirDate(v, zone);
    if (m) return { when: m, original: m.original };
    notes.push(`${what} ${typeof v === 'string' ? `'${v}'` : '(not a date)'} could not be read as a date`);
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

function firstText(...concepts: unknown[]): string | undefined {
  return textsOf(...concepts)[0];
}

/** Reads one resource into a candidate event, an exclusion, or nothing (not an event type or status). */
function candidateOf(r: Res, index: number, nowMs: number, zone: string): Candidate | Exclusion | undefined {
  const type = r.resourceType;
  const status = str(r.status) ?? '';
  const key = resourceKey(r, index);
  const notes: string[] = [];
  let concepts: unknown[];
  let dates: unknown[];
  let links: string[] = [];
  let phase: 'planned' | 'past' | undefined;
  let inProgress = false;
  const excluded = EXCLUDED_STATUS[status];

  switch (type) {
    case 'Procedure': {
      concepts = [r.code];
      const period = isObject(r.performedPeriod) ? r.performedPeriod : {};
      dates = [r.performedDateTime, period.start];
      links = refKeys(r.basedOn, ['ServiceRequest']);
      if (status === 'preparation') phase = 'planned';
      else if (status === 'completed') phase = 'past';
      else if (status === 'in-progress') inProgress = true;
      break;
    }
    case 'ServiceRequest': {
      concepts = [r.code];
      const period = isObject(r.occurrencePeriod) ? r.occurrencePeriod : {};
      dates = [r.occurrenceDateTime, period.start, ...timingStarts(r.occurrenceTiming, zone)];
      if (r.doNotPerform === true) {
        return { source: sourceOf(r, { original: 'do not perform' }), view: VIEW, reason: 'order says "do not perform"' };
      }
      if (status === 'active' || status === 'draft') phase = 'planned';
      else if (status === 'on-hold' && !excluded) {
        return { source: sourceOf(r, { original: `status ${status}` }), view: VIEW, reason: 'order on hold: not counted as planned' };
      }
      break;
    }
    case 'Appointment': {
      concepts = [r.serviceType, r.appointmentType, r.reasonCode, r.specialty];
      dates = [r.start];
      links = refKeys(r.basedOn, ['ServiceRequest']);
      if (['proposed', 'pending', 'booked', 'arrived', 'checked-in'].includes(status)) phase = 'planned';
      break;
    }
    case 'Encounter': {
      concepts = [r.type, r.reasonCode];
      const period = isObject(r.period) ? r.period : {};
      dates = [period.start];
      links = [...refKeys(r.basedOn, ['ServiceRequest']), ...refKeys(r.appointment, ['Appointment'])];
      if (status === 'planned') phase = 'planned';
      break;
    }
    default:
      return undefined;
  }

  const codings = codingsOf(...concepts);
  const texts = textsOf(...concepts);
  const cls = classifyEvent(codings, texts);
  const label = firstText(...concepts);
  const { when, original } = readWhen(dates, zone, notes, 'date');
  const source = sourceOf(r, {
    date: original,
    original: `${label ?? 'no text'} (status ${status || 'missing'})`,
    matchedBy: cls.matched,
  });

  if (excluded) return { source, view: VIEW, reason: `status ${status}: ${excluded}` };
  if (type === 'ServiceRequest' && cls.cls === 'other' && isTestOrder(r, codings)) return undefined;
  if (inProgress) phase = when && when.start > nowMs ? 'planned' : 'past';
  if (!phase) return undefined;
  return { key, links, phase, when, source, cls, label, notes };
}

function isExclusion(x: Candidate | Exclusion): x is Exclusion {
  return 'reason' in x && 'view' in x;
}

function timingOf(when: FhirMoment | undefined, nowMs: number, zone: string): EventTiming {
  if (!when) return 'date-not-set';
  return when.end > startOfDay(nowMs, zone) ? 'future-or-today' : 'past-date';
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

  const notes = members.flatMap((m) => m.notes.map((n) => `${m.key}: ${n}`));
  const knownClasses = new Set(members.filter((m) => m.cls.cls !== 'other').map((m) => m.cls.cls));
  if (knownClasses.size > 1) {
    notes.push(`records disagree on the kind of event: ${members.map((m) => `${m.key} ${CLASS_LABEL[m.cls.cls]} (${m.cls.matched})`).join('; ')}`);
  }
  const days = new Set(timed.map((m) => startOfDay(m.when!.start, zone)));
  if (days.size > 1) {
    notes.push(`records give different dates: ${timed.map((m) => `${m.key} ${formatMoment(m.when!, zone)}`).join('; ')}; the earliest is used`);
  }
  const when = timeMember?.when;
  const timing = timingOf(when, nowMs, zone);
  if (planned && timing === 'past-date' && when) {
    notes.push(`planned date ${formatMoment(when, zone)} has passed and no completed procedure is recorded`);
  }
  const keys = members.map((m) => m.key).sort();
  return {
    id: `event:${keys[0]}`,
    class: cls,
    label: best.label ?? CLASS_LABEL[cls],
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
