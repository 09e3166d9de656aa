/** Cycle steps from medication records (stimulation start, trigger), luteal-support orders and planned hCG tests. */
import { DAY_MS, type FhirMoment } from '../time';
import { SYSTEMS, type Exclusion } from '../types';
import { asArray, codingsOf, isObject, refKey, str, textsOf } from '../events/fhirRead';
import type { MedicationUse } from '../medication';
import { GNRH_AGONIST_TRIGGER, GONADOTROPINS, HCG_CODES, HCG_TEST_TEXT, HCG_TRIGGER, PROGESTERONE } from './ivfCodes';
import { codeMatch, estradiolMatch, firstMoment, groupMatcher, ivfReason, performedMoment, refOf, textMatch, type DrugMatcher, type Match } from './ivfRead';
import { IVF_VIEW, type CycleStep, type LutealSupportOrder, type PlannedTest } from './ivfTypes';

type Res = Record<string, unknown>;

/**
 * A stimulation lasts about 8-14 days before the retrieval: gonadotropins more than this many days before the cycle's
 * anchor belong to an earlier cycle (an app parameter, not a guideline number).
 */
export const STIMULATION_WINDOW_DAYS = 45;

const dosageStart = (r: Res): unknown => {
  const d = asArray(r.dosageInstruction)[0];
  const repeat = isObject(d) && isObject(d.timing) && isObject(d.timing.repeat) ? d.timing.repeat : {};
  return isObject(repeat.boundsPeriod) ? repeat.boundsPeriod.start : undefined;
};
const dosageEnd = (r: Res): unknown => {
  const d = asArray(r.dosageInstruction)[0];
  const repeat = isObject(d) && isObject(d.timing) && isObject(d.timing.repeat) ? d.timing.repeat : {};
  return isObject(repeat.boundsPeriod) ? repeat.boundsPeriod.end : undefined;
};

/** When a medication record starts: an order's period start (else authoredOn), an administration's time. */
function medicationMoment(r: Res, zone: string): FhirMoment | undefined {
  const period = isObject(r.effectivePeriod) ? r.effectivePeriod : {};
  return firstMoment([dosageStart(r), r.authoredOn, r.effectiveDateTime, period.start], zone);
}

interface MedHit {
  res: Res;
  match: Match;
  moment: FhirMoment;
}

/** Records of the drugs that match, dated; a matching record whose date cannot be read goes to `excluded` when given. */
function medicationHits(resources: Res[], medications: fhir4.Medication[], matchers: DrugMatcher[], zone: string, statuses: ReadonlySet<string>, excluded?: Exclusion[]): MedHit[] {
  const out: MedHit[] = [];
  for (const r of resources) {
    if (!statuses.has(str(r.status) ?? '')) continue;
    const match = matchers.map((m) => m(r as unknown as MedicationUse, medications)).find(Boolean);
    if (!match) continue;
    const moment = medicationMoment(r, zone);
    if (moment) out.push({ res: r, match, moment });
    else excluded?.push({ source: refOf(r, undefined, textsOf((r.medicationCodeableConcept as Res | undefined) ?? {})[0], match.matched), view: IVF_VIEW, reason: ivfReason('ivf.medication-time-unreadable') });
  }
  return out.sort((a, b) => a.moment.start - b.moment.start);
}

const ORDER_STATUSES = new Set(['active', 'completed', 'on-hold', 'stopped']);
const GIVEN = new Set(['completed', 'in-progress']);

function step(kind: CycleStep['kind'], h: MedHit): CycleStep {
  const written = textsOf((h.res.medicationCodeableConcept as Res | undefined) ?? {})[0];
  return { kind, atMs: h.moment.start, moment: h.moment, ...h.match, source: refOf(h.res, h.moment.original, written, h.match.matched) };
}

/** The first gonadotropin order or administration in the window before the anchor. */
export function stimulationStart(orders: Res[], administrations: Res[], medications: fhir4.Medication[], anchorMs: number, zone: string, excluded?: Exclusion[]): CycleStep | undefined {
  const from = anchorMs - STIMULATION_WINDOW_DAYS * DAY_MS;
  const hits = [...medicationHits(orders, medications, [groupMatcher(GONADOTROPINS)], zone, ORDER_STATUSES, excluded), ...medicationHits(administrations, medications, [groupMatcher(GONADOTROPINS)], zone, GIVEN, excluded)]
    .filter((h) => h.moment.start >= from && h.moment.start <= anchorMs)
    .sort((a, b) => a.moment.start - b.moment.start);
  return hits[0] ? step('stimulation-start', hits[0]) : undefined;
}

/** The last hCG or GnRH-agonist administration at or before the anchor (and after the stimulation start). */
export function trigger(administrations: Res[], medications: fhir4.Medication[], anchorMs: number, afterMs: number, zone: string, excluded?: Exclusion[]): CycleStep | undefined {
  const hits = medicationHits(administrations, medications, [groupMatcher(HCG_TRIGGER), groupMatcher(GNRH_AGONIST_TRIGGER)], zone, GIVEN, excluded).filter(
    (h) => h.moment.start <= anchorMs && h.moment.start >= afterMs,
  );
  const last = hits[hits.length - 1];
  return last ? step('trigger', last) : undefined;
}

/** A procedure written as an hCG trigger (no verified code: a labelled text match). */
const HCG_TRIGGER_PROCEDURE_TEXT = /\bh?CG\b[^.;]*\btrigger|\btrigger\b[^.;]*\bh?CG\b/i;
const PROCEDURE_DONE = new Set(['completed', 'in-progress']);

/**
 * Every hCG trigger given (MedicationAdministration of choriogonadotropin alfa or urinary hCG, or a completed
 * procedure written as an hCG trigger), oldest first. Dates that cannot be read were excluded by `trigger` already.
 */
export function hcgTriggers(administrations: Res[], procedures: Res[], medications: fhir4.Medication[], zone: string): CycleStep[] {
  const given = medicationHits(administrations, medications, [groupMatcher(HCG_TRIGGER)], zone, GIVEN).map((h) => step('trigger', h));
  const done: CycleStep[] = [];
  for (const p of procedures) {
    if (!PROCEDURE_DONE.has(str(p.status) ?? '')) continue;
    const texts = textsOf(p.code);
    const match = textMatch(texts, HCG_TRIGGER.text) ?? textMatch(texts, HCG_TRIGGER_PROCEDURE_TEXT);
    const moment = match ? performedMoment(p, zone) : undefined;
    if (match && moment) done.push({ kind: 'trigger', atMs: moment.start, moment, ...match, source: refOf(p, moment.original, texts[0], match.matched) });
  }
  return [...given, ...done].sort((a, b) => a.atMs - b.atMs);
}

const LUTEAL_STATUSES = new Set(['active', 'completed', 'on-hold', 'stopped', 'draft']);

export function lutealSupportOrders(orders: Res[], medications: fhir4.Medication[], nowMs: number, zone: string): LutealSupportOrder[] {
  const out: LutealSupportOrder[] = [];
  for (const [drug, matcher] of [['progesterone', groupMatcher(PROGESTERONE)], ['estradiol', estradiolMatch]] as const) {
    for (const h of medicationHits(orders, medications, [matcher], zone, LUTEAL_STATUSES)) {
      const end = firstMoment([dosageEnd(h.res)], zone);
      const status = str(h.res.status);
      const active = status === 'active' && h.moment.start <= nowMs && (!end || end.end > nowMs);
      const dosageText = asArray(h.res.dosageInstruction).map((d) => (isObject(d) ? str(d.text) : undefined)).find(Boolean);
      const name = textsOf(h.res.medicationCodeableConcept)[0] ?? str((h.res.medicationReference as Res | undefined)?.display) ?? '';
      const written = [name, dosageText].filter(Boolean).join(': ');
      out.push({ drug, status, active, startMs: h.moment.start, written, ...h.match, source: refOf(h.res, h.moment.original, written, h.match.matched) });
    }
  }
  return out.sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0));
}

const PLANNED_REQUEST = new Set(['active', 'draft', 'on-hold']);
const PLANNED_APPOINTMENT = new Set(['proposed', 'pending', 'booked', 'arrived', 'checked-in', 'waitlist']);

function hcgTestMatch(concepts: unknown[], texts: string[]): Match | undefined {
  return codeMatch(codingsOf(...concepts), SYSTEMS.loinc, Object.keys(HCG_CODES)) ?? textMatch([...textsOf(...concepts), ...texts], HCG_TEST_TEXT);
}

/** Planned hCG tests: ServiceRequests (occurrence) and Appointments (start) for an hCG or pregnancy test. */
export function plannedHcgTests(serviceRequests: Res[], appointments: Res[], zone: string): PlannedTest[] {
  const out: PlannedTest[] = [];
  const requestMatches = new Map<string, Match>();
  for (const sr of serviceRequests) {
    const match = hcgTestMatch([sr.code], []);
    const period = isObject(sr.occurrencePeriod) ? sr.occurrencePeriod : {};
    const moment = firstMoment([sr.occurrenceDateTime, period.start], zone);
    if (!match || !PLANNED_REQUEST.has(str(sr.status) ?? '')) continue;
    requestMatches.set(`ServiceRequest/${str(sr.id) ?? ''}`, match);
    if (moment) out.push({ atMs: moment.start, moment, status: str(sr.status), ...match, source: refOf(sr, moment.original, textsOf(sr.code)[0], match.matched) });
  }
  for (const a of appointments) {
    const basedOn = asArray(a.basedOn).map(refKey).map((k) => (k === undefined ? undefined : requestMatches.get(k))).find(Boolean);
    const match = hcgTestMatch([a.serviceType, a.reasonCode, a.appointmentType], [str(a.description) ?? '']) ?? basedOn;
    const moment = firstMoment([a.start], zone);
    if (match && moment && PLANNED_APPOINTMENT.has(str(a.status) ?? '')) {
      out.push({ atMs: moment.start, moment, status: str(a.status), ...match, source: refOf(a, moment.original, str(a.description), match.matched) });
    }
  }
  return out.sort((a, b) => a.atMs - b.atMs);
}
