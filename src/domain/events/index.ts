/** Planned and past events (surgery, planned birth, IVF procedures) from FHIR records. */
export type { EventClass, EventName, EventRecognisedBy, EventTiming, PlannedEvent, EventsResult } from './eventTypes';
export { eventsFromRecord } from './events';
export { classifyEvent, EVENT_CODES, type Classification } from './eventClasses';
export { EVENTS_VIEW, classNameReason, eventNameParam, type EventReasonCode } from './eventReasons';
