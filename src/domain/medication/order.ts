/**
 * MedicationRequest -> LmwhOrder for recognised anticoagulants (LMWH, UFH, fondaparinux). The treatment period comes
 * from timing.repeat.bounds[x] or count, never from dispenseRequest.validityPeriod (how long a prescription can be
 * filled). Cancelled, entered-in-error and doNotPerform requests are excluded with the reason.
 */
import { legacyReasonText } from '../reasons';
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
} from './types';
import { safeString } from '../text';

const VIEW = 'LMWH orders';
const STATUSES: MedicationRequestStatus[] = ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'];
const ORDER_INTENTS = ['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order'];
const NOT_ORDER_INTENTS = ['plan', 'proposal', 'option', 'directive'];

/** Recognises the drug of a medication resource: resolved concept/Medication, else the reference display (text). */
export function recogniseUse(
  resource: Parameters<typeof resolveMedication>[0],
  medications: fhir4.Medication[],
): { recognition: AnticoagulantRecognition | undefined; unresolvedReason?: string; identifiable: boolean; medication?: fhir4.Medication } {
  const res = resolveMedication(resource, medications);
  if (res.resolved) {
    const recognition = recogniseAnticoagulant(res.concept, res.medication);
    return { recognition, identifiable: hasAnyIdentification(res.concept, res.medication), medication: res.medication };
  }
  if (res.display) {
    const r = recogniseAnticoagulant({ text: res.display });
    if (r) return { recognition: { ...r, matched: `${r.matched} (reference display; ${res.reason})` }, identifiable: true };
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
  return unknown(get(bp, 'start') !== undefined || authoredOn !== undefined ? 'start date cannot be read' : 'no start date (no boundsPeriod.start, no authoredOn)');
}

function readEnd(repeat: unknown, start: Known<OrderStart>, frequency: Known<DoseFrequency>, zone: string): Known<OrderEnd> {
  const bp = get(repeat, 'boundsPeriod');
  const endRaw = get(bp, 'end');
  if (endRaw !== undefined) {
    const e = parseFhirDate(endRaw, zone);
    if (!e) return unknown(`end date '${safeString(endRaw)}' cannot be read`);
    if (start.known && e.end <= start.value.ms) return unknown(`end ${e.original} is not after the start`);
    return known({ ms: e.end, from: 'boundsPeriod.end', moment: e, note: e.precision === 'day' ? 'date-only end: through the end of that day' : 'boundsPeriod.end' });
  }
  const bd = get(repeat, 'boundsDuration');
  if (obj(bd)) {
    const v = num(get(bd, 'value'));
    const u = DURATION_UNITS[str(get(bd, 'code')) ?? ''] ?? DURATION_UNITS[(str(get(bd, 'unit')) ?? '').toLowerCase()];
    if (v === undefined || v <= 0 || !u) return unknown(`boundsDuration ${safeString(get(bd, 'value'))} ${safeString(get(bd, 'code') ?? get(bd, 'unit'))} cannot be read`);
    if (!start.known) return unknown(`duration ${v} ${u} but the start is unknown`);
    const ms = addDuration(start.value.ms, v, u, zone);
    if (ms === undefined || !Number.isFinite(ms) || ms > Date.UTC(2201, 0, 1)) return unknown(`duration ${v} ${u} cannot be applied`);
    return known({ ms, from: 'boundsDuration', note: `${v} ${u} from the start (${start.value.from})` });
  }
  const countRaw = get(repeat, 'count');
  if (countRaw !== undefined) {
    const count = num(countRaw);
    if (count === undefined || count < 1 || !Number.isInteger(count)) return unknown(`count '${safeString(countRaw)}' is not a whole number of doses`);
    if (!start.known) return unknown(`${count} doses but the start is unknown`);
    if (!frequency.known) return unknown(`${count} doses but the interval is unknown`);
    const interval = frequency.value.intervalHours * HOUR_MS;
    const ms = start.value.ms + count * interval;
    if (!Number.isFinite(ms) || ms > Date.UTC(2201, 0, 1)) return unknown(`${count} doses cannot be placed in time`);
    return known({
      ms,
      from: 'count',
      lastDoseDueMs: start.value.ms + (count - 1) * interval,
      note: `${count} doses every ${frequency.value.intervalHours} h from the start (${start.value.from}); ends one interval after the last dose`,
    });
  }
  return unknown('end unknown (no boundsPeriod.end, boundsDuration or count; dispenseRequest.validityPeriod is not a treatment period)');
}

function exclusion(source: SourceRef, reason: string): Exclusion {
  return { source, view: VIEW, reason };
}

/** Normalises one MedicationRequest: an order for recognised anticoagulants, an Exclusion, or "not an anticoagulant". */
export function normaliseOrder(mr: fhir4.MedicationRequest, medications: fhir4.Medication[], zone: string): OrderResult {
  const id = str(get(mr, 'id'));
  const authoredOn = get(mr, 'authoredOn');
  const dosages = arr(get(mr, 'dosageInstruction')).filter((d) => obj(d));
  const firstText = str(get(dosages[0], 'text'));
  const baseSource: SourceRef = { resourceType: 'MedicationRequest', id, ...(typeof authoredOn === 'string' ? { date: authoredOn } : {}), ...(firstText ? { original: firstText } : {}) };
  if (!obj(mr) || get(mr, 'resourceType') !== 'MedicationRequest') {
    return { kind: 'excluded', exclusion: exclusion(baseSource, 'not a MedicationRequest') };
  }
  const { recognition, unresolvedReason, identifiable, medication } = recogniseUse(mr, medications);
  if (!recognition) {
    if (unresolvedReason) return { kind: 'excluded', exclusion: exclusion(baseSource, `medication cannot be identified: ${unresolvedReason}`) };
    if (!identifiable) return { kind: 'excluded', exclusion: exclusion(baseSource, 'medication has no code and no text') };
    return { kind: 'not-anticoagulant', reason: 'medication is not a recognised anticoagulant' };
  }
  const source: SourceRef = { ...baseSource, matchedBy: recognition.matched };
  const statusRaw = get(mr, 'status');
  const status: Known<MedicationRequestStatus> =
    typeof statusRaw === 'string' && (STATUSES as string[]).includes(statusRaw) ? known(statusRaw as MedicationRequestStatus) : unknown(statusRaw === undefined ? 'no status' : `status '${safeString(statusRaw)}' is not a MedicationRequest status`);
  if (status.known && (status.value === 'entered-in-error' || status.value === 'cancelled')) {
    return { kind: 'excluded', exclusion: exclusion(source, `status ${status.value}`), recognition };
  }
  if (get(mr, 'doNotPerform') === true) {
    return { kind: 'excluded', exclusion: exclusion(source, 'doNotPerform: an instruction NOT to give this drug, not an order to give it'), recognition };
  }
  const intentRaw = str(get(mr, 'intent'));
  const intent: Known<string> = intentRaw ? known(intentRaw) : unknown('no intent');
  const isOrder = intentRaw !== undefined && ORDER_INTENTS.includes(intentRaw);
  const notAnOrderReason = isOrder
    ? undefined
    : intentRaw && NOT_ORDER_INTENTS.includes(intentRaw)
      ? `intent '${intentRaw}': not an order to give`
      : intentRaw
        ? `intent '${intentRaw}' is not an order intent`
        : 'intent missing: not known to be an order';

  const concentration = concentrationFromMedication(medication);
  const first = dosages[0];
  let dose: Known<DoseAmount> = first ? readDosageDose(first, concentration) : unknown('no dosageInstruction');
  let frequency: Known<DoseFrequency> = first ? readFrequency(get(first, 'timing')) : unknown('no dosageInstruction');
  const route: Known<RouteInfo> = first ? readRoute(get(first, 'route')) : unknown('no dosageInstruction');
  if (dosages.length > 1) {
    const rest = dosages.slice(1);
    if (!rest.every((d) => sameDose(readDosageDose(d, concentration), dose))) dose = unknown(`${dosages.length} dosage instructions with different doses: read them in the source`);
    if (!rest.every((d) => sameFreq(readFrequency(get(d, 'timing')), frequency))) frequency = unknown(`${dosages.length} dosage instructions with different frequencies: read them in the source`);
  }
  const repeat = get(get(first, 'timing'), 'repeat');
  const start = readStart(repeat, authoredOn, zone);
  const end = readEnd(repeat, start, frequency, zone);
  const asNeeded = get(first, 'asNeededBoolean') === true || obj(get(first, 'asNeededCodeableConcept')) !== undefined;

  const composed = [
    recognition.drug,
    describeDose(dose),
    frequency.known ? `every ${frequency.value.intervalHours} h` : undefined,
    route.known ? route.value.kind : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const order: LmwhOrder = {
    id,
    drug: recognition.drug,
    drugClass: recognition.drugClass,
    recognition,
    status,
    intent,
    isOrder,
    ...(notAnOrderReason ? { notAnOrderReason } : {}),
    dose,
    frequency,
    route,
    asNeeded,
    start,
    end,
    ...(concentration ? { concentration } : {}),
    source: { ...source, original: firstText ?? composed },
  };
  return { kind: 'order', order };
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
  if (!Number.isFinite(instant)) return { state: 'unknown', reason: 'no valid instant' };
  if (!order.isOrder) return { state: 'inactive', reason: order.notAnOrderReason ?? 'not an order' };
  if (!order.status.known) return { state: 'unknown', reason: legacyReasonText(order.status.reason) };
  const s = order.status.value;
  if (s === 'draft') return { state: 'inactive', reason: 'draft: not yet an order' };
  if (s === 'on-hold') return { state: 'inactive', reason: 'on hold' };
  if (s === 'unknown') return { state: 'unknown', reason: "status 'unknown'" };
  if (order.start.known && instant < order.start.value.ms) return { state: 'inactive', reason: 'before the start' };
  if (order.end.known && instant >= order.end.value.ms) return { state: 'inactive', reason: `after the end (${order.end.value.from})` };
  if (!order.start.known) return { state: 'unknown', reason: legacyReasonText(order.start.reason) };
  if (s === 'active') return { state: 'active', reason: order.end.known ? 'active, within its period' : 'active; end unknown' };
  if (s === 'completed' && order.end.known) return { state: 'active', reason: 'completed order, within its planned period' };
  return { state: 'unknown', reason: `${s}: the date it ${s === 'stopped' ? 'was stopped' : 'ended'} is not recorded` };
}
