/** Thrombophilia and history facts from Conditions, Observations and AllergyIntolerances. */
export * from './factTypes';
export * from './thrombophiliaFacts';
export * from './findingsReasons';
