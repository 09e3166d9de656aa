/**
 * Doses, frequencies and drug names for display: the one place an order becomes words ("Enoxaparin 40 mg SC every
 * 24 h"). Total: an unknown part is said to be unknown, never guessed; never throws.
 */
import type { AnticoagulantDrug, DoseAmount, LmwhOrder, RouteKind } from '../../domain/medication';
import type { Messages } from '../messages/translator';

/** "40 mg", "1.5 mg/kg", "5000 IU". */
export function formatDose(d: Pick<DoseAmount, 'value' | 'unit' | 'perKg'>, m: Messages): string {
  return m.t('dose.amount', { value: m.number(d.value, 3), unit: d.unit, perKg: d.perKg });
}

/** "every 24 h", "every 12 h". */
export function formatInterval(intervalHours: number, m: Messages): string {
  return m.t('dose.every', { hours: m.number(intervalHours, 2) });
}

/** "Enoxaparin", "LMWH (drug not named)". */
export function formatDrug(drug: AnticoagulantDrug, m: Messages): string {
  return m.t(`dose.drug.${drug}`);
}

/** "subcutaneous", "oral". */
export function formatRoute(kind: RouteKind, m: Messages): string {
  return m.t(`dose.route.${kind}`);
}

/** "Enoxaparin 40 mg SC every 24 h" from what is known; unknown parts are said to be unknown. */
export function formatOrderSummary(o: Pick<LmwhOrder, 'drug' | 'dose' | 'route' | 'frequency'>, m: Messages): string {
  const dose = o.dose.known ? formatDose(o.dose.value, m) : m.t('dose.doseUnknown');
  const route = o.route.known ? (o.route.value.kind === 'subcutaneous' ? m.t('dose.routeShort.subcutaneous') : formatRoute(o.route.value.kind, m)) : '';
  const freq = o.frequency.known ? formatInterval(o.frequency.value.intervalHours, m) : m.t('dose.frequencyUnknown');
  return [formatDrug(o.drug, m), dose, route, freq].filter(Boolean).join(' ');
}

/** A dose that may be unknown: "40 mg", or "dose unknown (reason)". */
export function formatKnownDose(dose: LmwhOrder['dose'], m: Messages): string {
  return dose.known ? formatDose(dose.value, m) : m.t('format.doseUnknownBecause', { reason: m.reason(dose.reason) });
}

/** A frequency that may be unknown: "every 24 h", or "frequency unknown (reason)". */
export function formatKnownFrequency(frequency: LmwhOrder['frequency'], m: Messages): string {
  return frequency.known ? formatInterval(frequency.value.intervalHours, m) : m.t('format.frequencyUnknownBecause', { reason: m.reason(frequency.reason) });
}

/** The order's status as recorded ("active"), and why it is not an order to give when it is a plan. */
export function formatOrderStatus(o: LmwhOrder, m: Messages): string {
  const status = o.status.known ? o.status.value : m.t('format.statusUnknown');
  return o.isOrder ? status : m.t('format.notAnOrder', { status, why: o.notAnOrderReason ? m.reason(o.notAnOrderReason) : m.t('format.aPlanNotAnOrder') });
}
