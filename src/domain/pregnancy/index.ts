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
} from './pregnancyTypes';
export { datingFactsFromRecord, embryoAgeFromText, EMBRYO_AGE_CODE, DATING_CODES, type DatingFacts, type UndatedTransfer } from './facts';
export { chooseDating, DATING_PRECEDENCE, DISAGREEMENT_DAYS, NO_DATING_REASON } from './dating';
export { pregnanciesFromRecord, pregnanciesFromFacts, pregnancyLabel, withoutUnconfirmedPregnancy, SAME_PREGNANCY_MAX_DAYS } from './pregnancies';
export { gestationalAge, gaWeeksFloat, instantForGa, trimesterOf, formatGa, datingStatement, MAX_GA_DAYS, type GaBasis } from './gestationalAge';
