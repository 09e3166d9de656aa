/** The plan strip's domain parts: injection schedule, deadlines on it, red flags, indications as the source lists them. */
export * from './injectionSchedule';
export * from './deadlinesOnSchedule';
export * from './redFlags';
export * from './sourceIndications';
export * from './recordPlan';
export * from './firstScreenReads';
