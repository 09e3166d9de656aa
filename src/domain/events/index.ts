/** Planned and past events (surgery, planned birth, IVF procedures) from FHIR records. */
export type { EventClass, EventRecognisedBy, EventTiming, PlannedEvent, EventsResult } from './types';
