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
} from './types';
