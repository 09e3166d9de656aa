/** Lab observations: units (UCUM), D-dimer normalisation, coagulation and safety-lab series. */
export * from './labTypes';
export * from './ucum';
export * from './ddimer';
export * from './coagulation';
export * from './labReasons';
