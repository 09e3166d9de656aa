/** "Scheduled procedures and delivery": event cards, the EDD card and the what-if form. Keys `stopCriteria.*`, `whatIf.*`. */
import type { RuleDoseClass } from '../../../domain/rules';
import type { PlannedEventClass } from '../../../domain/rules';

const doseClassEn = {
  'stopCriteria.doseClass.prophylactic': 'prophylactic',
  'stopCriteria.doseClass.intermediate': 'intermediate',
  'stopCriteria.doseClass.therapeutic': 'therapeutic',
  'stopCriteria.doseClass.unknown': 'unknown',
} as const satisfies Record<`stopCriteria.doseClass.${RuleDoseClass}`, string>;

const whatIfTypesEn = {
  'whatIf.types.caesarean': 'Caesarean section',
  'whatIf.types.induction-or-planned-birth': 'Induction / planned birth',
  'whatIf.types.other-surgery': 'Other surgery',
  'whatIf.types.oocyte-retrieval': 'Oocyte retrieval',
} as const satisfies Record<`whatIf.types.${PlannedEventClass}`, string>;

export const stopCriteriaEn = {
  ...doseClassEn,
  ...whatIfTypesEn,
  'stopCriteria.heading': 'Scheduled procedures and delivery',
  'stopCriteria.incomplete': 'Planned events could not be read completely: {problems}',
  'stopCriteria.empty': 'No scheduled surgery or delivery found in the record',
  'stopCriteria.enteredHere': 'Entered here, not in the record.',
  'stopCriteria.dateUnknown': 'Date unknown: {why}',
  'stopCriteria.dateOnlyAnchor': '{date} (date only; counts from {from})',
  'stopCriteria.noCountdown': 'No countdown: the event has no usable date',
  'stopCriteria.dateOnlyNote': 'Date only: counts from 00:00 that day in {zone}.',
  'stopCriteria.assumedOffset': 'The record gives this time without a UTC offset: it is read in the facility time zone ({zone}).',
  'stopCriteria.sourceRecords': 'Source records',
  'stopCriteria.sourceRecordsCount': 'Source records ({n})',
  'stopCriteria.doseClassUsed': 'Dose class:',
  'stopCriteria.doseClassBasis': 'basis',
  'stopCriteria.differences': 'Source and guideline differ',
  'stopCriteria.lastDoseNone': 'none found',
  'stopCriteria.deliveryFacts': 'Delivery facts:',
  'stopCriteria.after': 'After the event ({n})',
  'stopCriteria.notes': 'Guideline notes ({n})',
  'stopCriteria.remove': 'Remove this entered event',
  'stopCriteria.deadline.prefix': 'Last dose no later than',
  'stopCriteria.ordersRead': '{n, plural, one {Order read} other {Orders read (#)}}',
  'stopCriteria.lateDoses': '{n, plural, one {# dose recorded after this deadline} other {# doses recorded after this deadline}}',
  'stopCriteria.doseKind.administered': 'administered',
  'stopCriteria.doseKind.reported': 'reported',
  'stopCriteria.doseKind.dispensed': 'dispensed',
  'stopCriteria.edd.heading': 'Estimated delivery date',
  'stopCriteria.edd.infoOnly': 'Information, no countdown',
  'stopCriteria.edd.text': 'Estimated date of delivery {date}',
  'stopCriteria.edd.ga': 'Gestational age today: {weeks}+{days} weeks',
  'stopCriteria.edd.gaUnknown': 'Gestational age today: unknown',
  'stopCriteria.edd.datedBy': 'Dated by: {source}',
  'stopCriteria.edd.datingNotRecorded': 'Dating source not recorded',
  'stopCriteria.edd.noCountdown':
    'No planned caesarean section or induction with a date was found. Spontaneous labour is not a planned event, so no countdown or deadline is shown.',
  'whatIf.title': 'Add a theatre slot not in the record',
  'whatIf.hint': 'For this session only; it is not saved and not written to the record. Times are read in {zone}; without a time the date counts from 00:00 that day.',
  'whatIf.type': 'Event type',
  'whatIf.date': 'Date',
  'whatIf.time': 'Time (optional)',
  'whatIf.label': 'Label (optional)',
  'whatIf.labelPlaceholder': 'e.g. Elective caesarean, list 2',
  'whatIf.readBack': 'Slot as read:',
  'whatIf.readBackDateOnly': '{date} (date only: from 00:00)',
  'whatIf.submit': 'Add and show the stop criteria',
} as const;
