/** Thrombophilia and history facts from Conditions, Observations and AllergyIntolerances. */
export * from './types';
export * from './findings';
