/**
 * An anticoagulant order in short and a drug's name, as the rules, cautions, cards, note and decision-support cards
 * quote them (src/domain/medication/orderSummary.ts). Keys `reason.order.*`, `reason.drug.*`. The unit arrives as a
 * UCUM code and is written as clinicians write it (mg, IU).
 */
import type { OrderSummaryCode } from '../../../domain/medication/orderSummary';

export const orderSummaryEn = {
  'reason.order.summary':
    '{drug} {hasDose, select, true {{dose} {unit}{perKg, select, true {/kg} other {}}} other {dose unknown}}{route, select, subcutaneous { SC} intravenous { intravenous} intramuscular { intramuscular} oral { oral} none {} other { other}} {hasFrequency, select, true {every {interval} h} other {frequency unknown}}',
  'reason.order.join': '{a}; {b}',
  'reason.drug.enoxaparin': 'Enoxaparin',
  'reason.drug.dalteparin': 'Dalteparin',
  'reason.drug.nadroparin': 'Nadroparin',
  'reason.drug.tinzaparin': 'Tinzaparin',
  'reason.drug.certoparin': 'Certoparin',
  'reason.drug.lmwh-unspecified': 'LMWH (drug not named)',
  'reason.drug.heparin': 'Unfractionated heparin',
  'reason.drug.fondaparinux': 'Fondaparinux',
} as const satisfies Record<`reason.${OrderSummaryCode}`, string>;
