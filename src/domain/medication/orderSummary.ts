/**
 * An anticoagulant order in short ("Enoxaparin 40 mg SC every 24 h") and a drug's name, as reason codes with the
 * order's numbers: rules and cautions put them into their own reasons, and the UI words them in the reader's
 * language (`reason.order.summary`, `reason.drug.<drug>`; src/ui/messages/en/orderSummary.ts).
 */
import { reason, reasonParam, unitParam, type Reason, type ReasonParam } from '../reasons';
import type { AnticoagulantDrug, LmwhOrder } from './medicationTypes';

export type OrderSummaryCode =
  | 'order.summary'
  | 'order.join'
  | 'drug.enoxaparin'
  | 'drug.dalteparin'
  | 'drug.nadroparin'
  | 'drug.tinzaparin'
  | 'drug.certoparin'
  | 'drug.lmwh-unspecified'
  | 'drug.heparin'
  | 'drug.fondaparinux';

const DRUG_NAME: Record<AnticoagulantDrug, OrderSummaryCode> = {
  enoxaparin: 'drug.enoxaparin',
  dalteparin: 'drug.dalteparin',
  nadroparin: 'drug.nadroparin',
  tinzaparin: 'drug.tinzaparin',
  certoparin: 'drug.certoparin',
  'lmwh-unspecified': 'drug.lmwh-unspecified',
  heparin: 'drug.heparin',
  fondaparinux: 'drug.fondaparinux',
};

/** A recognised anticoagulant's name as a reason ("Enoxaparin", "Эноксапарин"). */
export const drugName = (drug: AnticoagulantDrug): Reason<OrderSummaryCode> => reason(DRUG_NAME[drug]);

/** The same name as a parameter of another reason. */
export const drugParam = (drug: AnticoagulantDrug): ReasonParam => reasonParam(drugName(drug));

/** "Enoxaparin 40 mg SC every 24 h" from what is known; unknown parts are said to be unknown (route left out). */
export function describeOrder(o: Pick<LmwhOrder, 'drug' | 'dose' | 'route' | 'frequency'>): Reason<OrderSummaryCode> {
  return reason('order.summary', {
    drug: drugParam(o.drug),
    hasDose: o.dose.known,
    dose: o.dose.known ? o.dose.value.value : null,
    // The dose unit as UCUM writes it ([IU]), so the UI writes it as clinicians do (IU, МЕ).
    unit: o.dose.known ? unitParam(o.dose.value.unit === 'IU' ? '[IU]' : o.dose.value.unit) : null,
    perKg: o.dose.known && o.dose.value.perKg,
    route: o.route.known ? o.route.value.kind : 'none',
    hasFrequency: o.frequency.known,
    interval: o.frequency.known ? o.frequency.value.intervalHours : null,
  });
}

/** Several orders in one parameter, joined as a list of orders is written ("A; B"). */
export function ordersParam(orders: readonly Reason[]): ReasonParam {
  const [first, ...rest] = orders;
  if (!first) return '';
  return rest.reduce<ReasonParam>((acc, x) => reasonParam(reason('order.join', { a: acc, b: reasonParam(x) })), reasonParam(first));
}
