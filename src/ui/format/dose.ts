/**
 * Doses, frequencies and order descriptions for display: one function per job, total (an unknown value says so with
 * its reason), numbers through the one number formatter.
 */
import { drugName } from '../../domain/record';
import type { LmwhOrder } from '../../domain/medication';
import type { Messages } from '../messages/translator';

/** "40 mg", "1.5 mg/kg"; "dose unknown (reason)". */
export function formatDose(dose: LmwhOrder['dose'], m: Messages): string {
  if (!dose.known) return m.t('format.doseUnknownBecause', { reason: m.reason(dose.reason) });
  return m.t('format.dose', { value: m.number(dose.value.value, 6), unit: dose.value.unit, perKg: dose.value.perKg ? 'yes' : 'no' });
}

/** "every 24 h"; "frequency unknown (reason)". */
export function formatFrequency(frequency: LmwhOrder['frequency'], m: Messages): string {
  if (!frequency.known) return m.t('format.frequencyUnknownBecause', { reason: m.reason(frequency.reason) });
  return m.t('format.frequency', { hours: m.number(frequency.value.intervalHours, 6) });
}

/** "Enoxaparin 40 mg SC every 24 h": drug, dose, route and frequency in one line. */
export function describeOrderLine(o: LmwhOrder, m: Messages): string {
  const dose = o.dose.known ? formatDose(o.dose, m) : m.t('format.doseUnknown');
  const route = o.route.known ? (o.route.value.kind === 'subcutaneous' ? m.t('format.routeSc') : o.route.value.kind) : '';
  const freq = o.frequency.known ? formatFrequency(o.frequency, m) : m.t('format.frequencyUnknown');
  return [drugName(o.drug), dose, route, freq].filter(Boolean).join(' ');
}

/** The order's status as recorded ("active"), and why it is not an order to give when it is a plan. */
export function formatOrderStatus(o: LmwhOrder, m: Messages): string {
  const status = o.status.known ? o.status.value : m.t('format.statusUnknown');
  return o.isOrder ? status : m.t('format.notAnOrder', { status, why: o.notAnOrderReason ?? m.t('format.aPlanNotAnOrder') });
}
