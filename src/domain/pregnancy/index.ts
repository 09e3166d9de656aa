/** Pregnancy dating, pregnancies in a record, and gestational age. */
export type {
  DatingMethod,
  Dating,
  DatingChoice,
  PregnancyStatusFact,
  DeliveryFact,
  Pregnancy,
  PregnancyTimeline,
  Trimester,
  GestationalAge,
  ConfirmedTransfer,
} from './pregnancyTypes';
export { datingFactsFromRecord, embryoAgeFromText, EMBRYO_AGE_CODE, DATING_CODES, type DatingFacts, type UndatedTransfer } from './facts';
export { chooseDating, isConfirmedTransfer, DATING_PRECEDENCE, DISAGREEMENT_DAYS } from './dating';
export { pregnanciesFromRecord, pregnanciesFromFacts, withoutUnconfirmedPregnancy, SAME_PREGNANCY_MAX_DAYS } from './pregnancies';
export { gestationalAge, gaWeeksFloat, instantForGa, trimesterOf, datingStatement, datingBasis, MAX_GA_DAYS, type GaBasis } from './gestationalAge';
export { PREGNANCY_REASON_CODES, PREGNANCY_VIEW, datingMethodReason, type PregnancyReasonCode, type PregnancyReason } from './pregnancyReasons';
