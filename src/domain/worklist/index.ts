/** The worklist: one row per patient from the patient view's own record and rules; ranking and filtering. */
export * from './worklistTypes';
export { worklistRow, worklistRowFromInput, stopStatusCode, ageAt } from './worklistRow';
export * from './worklistRank';
