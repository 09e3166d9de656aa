/**
 * Every word the CDS Hooks service shows to a clinician or returns as an error, keyed by purpose, in English. Kept in
 * one module so the strings can move into the app's message catalogue without touching the decision code. Wording
 * attributes the rules to their sources and never orders anyone to inject or stop.
 */

/** The service as the EHR lists it (discovery). */
export const SERVICE_TEXT = {
  title: 'LMWH stop window before surgery or delivery',
  description:
    'When a caesarean, induction or planned birth, surgery or oocyte retrieval is ordered or booked for a patient with an active low-molecular-weight heparin order, shows the last-dose deadlines of the clinical source and the guidelines for that time, each with its source.',
} as const;

/** The card's source label: the rules it applies, named. */
export const SOURCE_LABEL = 'LMWH Monitor: stop rules of the source article and ASRA 2018';

/** The SMART link on every card. */
export const LINK_LABEL = 'Open LMWH Monitor';

/** A summary is cut to this many characters at most (the specification asks for fewer than 140). */
export const SUMMARY_MAX = 139;

/** Short name of a rule's source for the summary: "source: 48 h", "ASRA 2018: 12 h". */
export function shortSource(sourceKind: string, sourceName: string, hours: number): string {
  return sourceKind === 'source-article' ? `source: ${hours} h` : `${sourceName}: ${hours} h`;
}

export const SUMMARY = {
  /** The booked time leaves room for the last dose before the deadline. */
  deadline: (order: string, deadline: string, eventNoun: string, source: string) => `${order}: last dose by ${deadline} for this ${eventNoun} (${source})`,
  /** The booked time is already inside the stop window (the deadline has passed, or a dose was recorded after it). */
  insideWindow: (order: string, deadline: string, eventNoun: string, source: string) =>
    `${order}: this ${eventNoun} is inside the stop window; last dose had to be by ${deadline} (${source})`,
  /** No deadline could be computed because something that decides it is missing. */
  missing: (eventNoun: string, what: string) => `LMWH stop window for this ${eventNoun} not computed: ${what}`,
} as const;

/** Event nouns for the summary, by event class. */
export const EVENT_NOUN: Record<string, string> = {
  caesarean: 'caesarean',
  'induction-or-planned-birth': 'planned birth',
  'other-surgery': 'surgery',
  'oocyte-retrieval': 'oocyte retrieval',
};

/** What is missing, said plainly (used in summaries and details). */
export const MISSING = {
  eventDate: 'the booked date is missing',
  eventTime: 'the booked date could not be read',
  noInterval: 'no rule here gives an interval for it',
  medications: 'the medication orders could not be read completely',
  medicationsReason: (reason: string) => `The medication orders could not be read completely (${reason}): whether an LMWH order is active cannot be said, and "no order" is not said.`,
  eventDateDetail: 'The order or appointment gives no date and time, so no last-dose deadline can be computed.',
} as const;

/** Lines of the card's detail (GitHub-flavoured markdown, as the specification allows). */
export const DETAIL = {
  event: (label: string, when: string) => `**${label}**, booked for ${when}.`,
  eventDateOnly: (label: string, day: string, from: string) => `**${label}**, booked for ${day} (date only: counts from ${from}).`,
  orders: (list: string) => `Active LMWH order(s): ${list}.`,
  doseClass: (cls: string, reason: string) => `Dose class used for the guideline intervals: ${cls} (${reason.replace(/\.$/, '')}).`,
  line: (source: string, ruleId: string, version: string, wording: string, deadline: string) => `- **${source}** (${ruleId} v${version}): ${wording} ${deadline}`,
  lineStatus: (status: string, reason: string) => `  Status: ${status}. ${reason}`,
  windowPassed: (deadline: string) => `  The booked time is inside this stop window: the deadline ${deadline} has already passed.`,
  doseAfterDeadline: (dose: string) => `  The last recorded dose (${dose}) is after this deadline.`,
  lastDose: (dose: string, source: string) => `Last recorded LMWH dose: ${dose} (${source}).`,
  noLastDose: 'No LMWH dose is recorded as given.',
  dosesIncomplete: (reason: string) => `Recorded doses could not be read completely (${reason}).`,
  differences: (text: string) => `Differences: ${text}`,
  sourceRef: (type: string, id: string | undefined) => `${type}/${id ?? '(no id)'}`,
  informationOnly: 'Information only: the deadlines are as the source and the guidelines state them for this time; the decision stays with the clinician.',
} as const;

/** Error bodies of the HTTP interface. */
export const ERRORS = {
  notFound: 'No such CDS service.',
  methodNotAllowed: 'Method not allowed.',
  badJson: 'The request body is not JSON.',
  badRequest: (what: string) => `The hook request is not valid: ${what}.`,
  hookNotSupported: (hook: string) => `This service does not answer the hook "${hook}".`,
  unauthorized: (why: string) => `The bearer token was not accepted: ${why}.`,
  noData: 'The prefetch is missing and no FHIR server with authorization was given, so the record cannot be read.',
  fhirFailed: 'The FHIR server could not be read with the authorization given.',
  internal: 'The service failed to answer.',
} as const;
