/**
 * MedicationRequest -> LmwhOrder for recognised anticoagulants (LMWH, UFH, fondaparinux). The treatment period comes
 * from timing.repeat.bounds[x] or count, never from dispenseRequest.validityPeriod (how long a prescription can be
 * filled). Cancelled, entered-in-error and doNotPerform requests are excluded with the reason.
 */
import { reasonParam, type Reason } from '../reasons';
import { medReason, MEDICATION_VIEWS } from './medicationReasons';
import { DateTime } from 'luxon';
import { type Exclusion, type Known, known, type SourceRef, unknown } from '../types';
import { HOUR_MS, isValidZone, parseFhirDate } from '../time';
import { concentrationFromMedication, readDosageDose, readFrequency, readRoute } from './dosage';
import { hasAnyIdentification, recogniseAnticoagulant } from './recognise';
import { resolveMedication } from './resolve';
import { arr, get, num, obj, str } from './safe';
import type {
  ActiveAt,
  AnticoagulantRecognition,
  DoseAmount,
  DoseFrequency,
  LmwhOrder,
  MedicationRequestStatus,
  OrderEnd,
  OrderResult,
  OrderStart,
  RouteInfo,
} from './medicationTypes';
import { safeString } from '../text';

const VIEW = MEDICATION_VIEWS.orders;
const STATUSES: MedicationRequestStatus[] = ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'];
const ORDER_INTENTS = ['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order'];
const NOT_ORDER_INTENTS = ['plan', 'proposal', 'option', 'directive'];

/** Recognises the drug of a medication resource: resolved concept/Medication, else the reference display (text). */
export function recogniseUse(
  resource: Parameters<typeof resolveMedication>[0],
  medications: fhir4.Medication[],
): { recognition: AnticoagulantRecognition | undefined; unresolvedReason?: Reason; identifiable: boolean; medication?: fhir4.Medication } {
  const res = resolveMedication(resource, medications);
  if (res.resolved) {
    const recognition = recogniseAnticoagulant(res.concept, res.medication);
    return { recognition, identifiable: hasAnyIdentification(res.concept, res.medication), medication: res.medication };
  }
  if (res.display) {
    const r = recogniseAnticoagulant({ text: res.display });
    if (r) return { recognition: { ...r, fromReferenceDisplay: res.reason }, identifiable: true };
  }
  return { recognition: undefined, unresolvedReason: res.reason, identifiable: false };
}

function describeDose(d: Known<DoseAmount>): string | undefined {
  return d.known ? `${d.value.value} ${d.value.unit}${d.value.perKg ? '/kg' : ''}` : undefined;
}

function sameDose(a: Known<DoseAmount>, b: Known<DoseAmount>): boolean {
  return a.known === b.known && (!a.known || (b.known && a.value.value === b.value.value && a.value.unit === b.value.unit && a.value.perKg === b.value.perKg));
}
function sameFreq(a: Known<DoseFrequency>, b: Known<DoseFrequency>): boolean {
  return a.known === b.known && (!a.known || (b.known && a.value.intervalHours === b.value.intervalHours));
}

function addDuration(startMs: number, value: number, unit: string, zone: string): number | undefined {
  const z = isValidZone(zone) ? zone : 'UTC';
  const fixed: Record<string, number> = { s: 1000, min: 60_000, h: HOUR_MS };
  if (unit in fixed) return startMs + value * fixed[unit]!;
  const cal: Record<string, 'days' | 'weeks' | 'months' | 'years'> = { d: 'days', wk: 'weeks', mo: 'months', a: 'years' };
  const key = cal[unit];
  if (!key || !Number.isInteger(value)) return key === 'days' || key === 'weeks' ? startMs + value * (key === 'days' ? 24 : 168) * HOUR_MS : undefined;
  const dt = DateTime.fromMillis(startMs, { zone: z }).plus({ [key]: value });
  return dt.isValid ? dt.toMillis() : undefined;
}

const DURATION_UNITS: Record<string, string> = {
  s: 's', min: 'min', h: 'h', d: 'd', wk: 'wk', mo: 'mo', a: 'a',
  day: 'd', days: 'd', week: 'wk', weeks: 'wk', month: 'mo', months: 'mo', hour: 'h', hours: 'h', year: 'a', years: 'a',
};

function readStart(repeat: unknown, authoredOn: unknown, zone: string): Known<OrderStart> {
  const bp = get(repeat, 'boundsPeriod');
  const s = parseFhirDate(get(bp, 'start'), zone);
  if (s) return known({ ms: s.start, moment: s, from: 'boundsPeriod.start' });
  const a = parseFhirDate(authoredOn, zone);
  if (a) return known({ ms: a.start, moment: a, from: 'authoredOn' });
  return unknown(get(bp, 'start') !== undefined || authoredOn !== undefined ? medReason('med.start-not-readable') : medReason('med.no-start'));
}

function readEnd(repeat: unknown, start: Known<OrderStart>, frequency: Known<DoseFrequency>, zone: string): Known<OrderEnd> {
  const bp = get(repeat, 'boundsPeriod');
  const endRaw = get(bp, 'end');
  if (endRaw !== undefined) {
    const e = parseFhirDate(endRaw, zone);
    if (!e) return unknown(medReason('med.end-not-readable', { end: safeString(endRaw) }));
    if (start.known && e.end <= start.value.ms) return unknown(medReason('med.end-not-after-start', { end: e.original }));
    return known({ ms: e.end, from: 'boundsPeriod.end', moment: e, note: e.precision === 'day' ? medReason('med.end-date-only') : medReason('med.end-bounds-period') });
  }
  const bd = get(repeat, 'boundsDuration');
  if (obj(bd)) {
    const v = num(get(bd, 'value'));
    const u = DURATION_UNITS[str(get(bd, 'code')) ?? ''] ?? DURATION_UNITS[(str(get(bd, 'unit')) ?? '').toLowerCase()];
    if (v === undefined || v <= 0 || !u) return unknown(medReason('med.duration-not-readable', { value: safeString(get(bd, 'value')), unit: safeString(get(bd, 'code') ?? get(bd, 'unit')) }));
    if (!start.known) return unknown(medReason('med.duration-without-start', { value: v, unit: u }));
    const ms = addDuration(start.value.ms, v, u, zone);
    if (ms === undefined || !Number.isFinite(ms) || ms > Date.UTC(2201, 0, 1)) return unknown(medReason('med.duration-not-applicable', { value: v, unit: u }));
    return known({ ms, from: 'boundsDuration', note: medReason('med.end-from-duration', { value: v, unit: u, from: start.value.from }) });
  }
  const countRaw = get(repeat, 'count');
  if (countRaw !== undefined) {
    const count = num(countRaw);
    if (count === undefined || count < 1 || !Number.isInteger(count)) return unknown(medReason('med.count-not-whole', { count: safeString(countRaw) }));
    if (!start.known) return unknown(medReason('med.count-without-start', { count }));
    if (!frequency.known) return unknown(medReason('med.count-without-interval', { count }));
    const interval = frequency.value.intervalHours * HOUR_MS;
    const ms = start.value.ms + count * interval;
    if (!Number.isFinite(ms) || ms > Date.UTC(2201, 0, 1)) return unknown(medReason('med.count-not-placeable', { count }));
    return known({
      ms,
      from: 'count',
      lastDoseDueMs: start.value.ms + (count - 1) * interval,
      note: medReason('med.end-from-count', { count, intervalHours: frequency.value.intervalHours, from: start.value.from }),
    });
  }
  return unknown(medReason('med.no-end'));
}

function exclusion(source: SourceRef, why: Reason): Exclusion {
  return { source, view: VIEW, reason: why };
}

/** The request's status: a FHIR R4 MedicationRequest status, or unknown with the reason. */
function readStatus(statusRaw: unknown): Known<MedicationRequestStatus> {
  if (typeof statusRaw === 'string' && (STATUSES as string[]).includes(statusRaw)) return known(statusRaw as MedicationRequestStatus);
  return unknown(statusRaw === undefined ? medReason('med.no-status') : medReason('med.status-not-valid', { status: safeString(statusRaw) }));
}

/** The request's intent, whether it is an order to give, and why not when it is a plan or proposal. */
function readIntent(intentRaw: string | undefined): Pick<LmwhOrder, 'intent' | 'isOrder' | 'notAnOrderReason'> {
  const intent: Known<string> = intentRaw ? known(intentRaw) : unknown(medReason('med.no-intent'));
  if (intentRaw !== undefined && ORDER_INTENTS.includes(intentRaw)) return { intent, isOrder: true };
  const notAnOrderReason = !intentRaw
    ? medReason('med.intent-missing')
    : NOT_ORDER_INTENTS.includes(intentRaw)
      ? medReason('med.intent-not-order', { intent: intentRaw })
      : medReason('med.intent-unknown', { intent: intentRaw });
  return { intent, isOrder: false, notAnOrderReason };
}

/** Dose, frequency and route from the first dosage; several dosages that disagree make the part unknown. */
function readDosages(dosages: unknown[], concentration: ReturnType<typeof concentrationFromMedication>): Pick<LmwhOrder, 'dose' | 'frequency' | 'route'> {
  const first = dosages[0];
  if (!first) {
    const none = () => unknown<never>(medReason('med.no-dosage-instruction'));
    return { dose: none(), frequency: none(), route: none() };
  }
  let dose: Known<DoseAmount> = readDosageDose(first, concentration);
  let frequency: Known<DoseFrequency> = readFrequency(get(first, 'timing'));
  const route: Known<RouteInfo> = readRoute(get(first, 'route'));
  const rest = dosages.slice(1);
  if (!rest.every((d) => sameDose(readDosageDose(d, concentration), dose))) dose = unknown(medReason('med.dosages-disagree-dose', { n: dosages.length }));
  if (!rest.every((d) => sameFreq(readFrequency(get(d, 'timing')), frequency))) frequency = unknown(medReason('med.dosages-disagree-frequency', { n: dosages.length }));
  return { dose, frequency, route };
}

/** What the record says as text: the first dosage's text, else the parts read from it (record values, codes). */
function originalText(firstText: string | undefined, drug: string, parts: Pick<LmwhOrder, 'dose' | 'frequency' | 'route'>): string {
  if (firstText) return firstText;
  const { dose, frequency, route } = parts;
  return [drug, describeDose(dose), frequency.known ? `every ${frequency.value.intervalHours} h` : undefined, route.known ? route.value.kind : undefined].filter(Boolean).join(' ');
}

type Recognised = Exclude<ReturnType<typeof recogniseUse>['recognition'], undefined>;

/** A recognised anticoagulant, or what to answer instead (not a MedicationRequest, not identifiable, not one). */
function recognised(mr: fhir4.MedicationRequest, medications: fhir4.Medication[], baseSource: SourceRef): { recognition: Recognised; medication: ReturnType<typeof recogniseUse>['medication'] } | OrderResult {
  if (!obj(mr) || get(mr, 'resourceType') !== 'MedicationRequest') return { kind: 'excluded', exclusion: exclusion(baseSource, medReason('med.not-a-medication-request')) };
  const { recognition, unresolvedReason, identifiable, medication } = recogniseUse(mr, medications);
  if (recognition) return { recognition, medication };
  if (unresolvedReason) return { kind: 'excluded', exclusion: exclusion(baseSource, medReason('med.not-identifiable', { why: reasonParam(unresolvedReason) })) };
  if (!identifiable) return { kind: 'excluded', exclusion: exclusion(baseSource, medReason('med.no-code-no-text')) };
  return { kind: 'not-anticoagulant', reason: medReason('med.not-anticoagulant') };
}

/** Normalises one MedicationRequest: an order for recognised anticoagulants, an Exclusion, or "not an anticoagulant". */
export function normaliseOrder(mr: fhir4.MedicationRequest, medications: fhir4.Medication[], zone: string): OrderResult {
  const id = str(get(mr, 'id'));
  const authoredOn = get(mr, 'authoredOn');
  const dosages = arr(get(mr, 'dosageInstruction')).filter((d) => obj(d));
  const firstText = str(get(dosages[0], 'text'));
  const baseSource: SourceRef = { resourceType: 'MedicationRequest', id, ...(typeof authoredOn === 'string' ? { date: authoredOn } : {}), ...(firstText ? { original: firstText } : {}) };
  const found = recognised(mr, medications, baseSource);
  if ('kind' in found) return found;
  const { recognition, medication } = found;
  const source: SourceRef = { ...baseSource, matchedBy: recognition.matched };
  const status = readStatus(get(mr, 'status'));
  if (status.known && (status.value === 'entered-in-error' || status.value === 'cancelled')) {
    return { kind: 'excluded', exclusion: exclusion(source, medReason('med.status-excluded', { status: status.value })), recognition };
  }
  if (get(mr, 'doNotPerform') === true) return { kind: 'excluded', exclusion: exclusion(source, medReason('med.do-not-perform')), recognition };
  const concentration = concentrationFromMedication(medication);
  const parts = readDosages(dosages, concentration);
  const first = dosages[0];
  const repeat = get(get(first, 'timing'), 'repeat');
  const start = readStart(repeat, authoredOn, zone);
  const order: LmwhOrder = {
    id,
    drug: recognition.drug,
    drugClass: recognition.drugClass,
    recognition,
    status,
    ...readIntent(str(get(mr, 'intent'))),
    ...parts,
    asNeeded: get(first, 'asNeededBoolean') === true || obj(get(first, 'asNeededCodeableConcept')) !== undefined,
    start,
    end: readEnd(repeat, start, parts.frequency, zone),
    ...(concentration ? { concentration } : {}),
    ...(first ? { timing: clockTiming(get(first, 'timing')) } : {}),
    ...orderReasons(mr),
    source: { ...source, original: originalText(firstText, recognition.drug, parts) },
  };
  return { kind: 'order', order };
}

/** The timing's clock parts as written (`timeOfDay`, `when`), strings only: what the injection schedule reads. */
function clockTiming(timing: unknown): NonNullable<LmwhOrder['timing']> {
  const repeat = get(timing, 'repeat');
  const strings = (v: unknown) => arr(v).filter((x): x is string => typeof x === 'string');
  return { repeat: { timeOfDay: strings(get(repeat, 'timeOfDay')), when: strings(get(repeat, 'when')) } };
}

/** The order's reason as written: codes/texts of reasonCode and the references of reasonReference (quoted data). */
function orderReasons(mr: fhir4.MedicationRequest): Pick<LmwhOrder, 'reasonCodes' | 'reasonReferences'> {
  const codes = arr(get(mr, 'reasonCode')).flatMap((c) => {
    const coding = arr(get(c, 'coding')).filter((x) => obj(x));
    const text = str(get(c, 'text')) ?? str(get(coding[0], 'display'));
    const first = coding[0];
    const code = str(get(first, 'code'));
    const system = str(get(first, 'system'));
    return text || code ? [{ ...(text ? { text } : {}), ...(code ? { code } : {}), ...(system ? { system } : {}) }] : [];
  });
  const refs = arr(get(mr, 'reasonReference')).flatMap((r) => {
    const reference = str(get(r, 'reference'));
    const display = str(get(r, 'display'));
    return reference || display ? [{ ...(reference ? { reference } : {}), ...(display ? { display } : {}) }] : [];
  });
  return { ...(codes.length > 0 ? { reasonCodes: codes } : {}), ...(refs.length > 0 ? { reasonReferences: refs } : {}) };
}

/** Normalises many MedicationRequests into orders and exclusions (non-anticoagulants are left out silently). */
export function normaliseOrders(mrs: fhir4.MedicationRequest[], medications: fhir4.Medication[], zone: string): { orders: LmwhOrder[]; exclusions: Exclusion[] } {
  const orders: LmwhOrder[] = [];
  const exclusions: Exclusion[] = [];
  for (const mr of arr(mrs)) {
    const r = normaliseOrder(mr as fhir4.MedicationRequest, medications, zone);
    if (r.kind === 'order') orders.push(r.order);
    else if (r.kind === 'excluded') exclusions.push(r.exclusion);
  }
  return { orders, exclusions };
}

/** Whether an order is in force at an instant (epoch ms): active, inactive, or unknown with the reason. */
export function isActiveAt(order: LmwhOrder, instant: number): ActiveAt {
  if (!Number.isFinite(instant)) return { state: 'unknown', reason: medReason('med.active-no-instant') };
  if (!order.isOrder) return { state: 'inactive', reason: order.notAnOrderReason ?? medReason('med.active-not-an-order') };
  if (!order.status.known) return { state: 'unknown', reason: order.status.reason };
  const s = order.status.value;
  if (s === 'draft') return { state: 'inactive', reason: medReason('med.active-draft') };
  if (s === 'on-hold') return { state: 'inactive', reason: medReason('med.active-on-hold') };
  if (s === 'unknown') return { state: 'unknown', reason: medReason('med.active-status-unknown') };
  if (order.start.known && instant < order.start.value.ms) return { state: 'inactive', reason: medReason('med.active-before-start') };
  if (order.end.known && instant >= order.end.value.ms) return { state: 'inactive', reason: medReason('med.active-after-end', { from: order.end.value.from }) };
  if (!order.start.known) return { state: 'unknown', reason: order.start.reason };
  if (s === 'active') return { state: 'active', reason: order.end.known ? medReason('med.active-within-period') : medReason('med.active-end-unknown') };
  if (s === 'completed' && order.end.known) return { state: 'active', reason: medReason('med.active-completed-within-period') };
  return { state: 'unknown', reason: medReason('med.active-end-date-missing', { status: s }) };
}
