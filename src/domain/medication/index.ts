/** Medication domain: recognition, resolution, orders, recorded doses, dose class and weights. */
export * from './medicationTypes';
export * from './medicationCodes';
export { recogniseAnticoagulant, recogniseOtherRelevant, hasAnyIdentification } from './recognise';
export { resolveMedication, medicationIdFromReference } from './resolve';
export { readDoseQuantity, readDosageDose, readFrequency, readRoute, readConcentration, concentrationFromMedication } from './dosage';
export { normaliseOrder, normaliseOrders, isActiveAt, recogniseUse } from './order';
export { recordedDoses, lastDosePerDrug } from './doses';
export * from './doseClassThresholds';
export * from './rcogTable3';
export { classifyDose } from './doseClass';
export { bodyWeights, bookingWeight, latestWeight, dosePerKg, KG_PER_LB, PLAUSIBLE_KG } from './weights';
export * from './medicationReasons';
