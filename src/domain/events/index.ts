/** Planned and past events (surgery, planned birth, IVF procedures) from FHIR records. */
export type { EventClass, EventRecognisedBy, EventTiming, PlannedEvent, EventsResult } from './eventTypes';
export { eventsFromRecord } from './events';
export { classifyEvent, CLASS_LABEL, EVENT_CODES, type Classification } from './eventClasses';
export { EVENTS_VIEW, classNameReason, type EventReasonCode } from './eventReasons';
