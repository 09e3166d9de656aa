/** The data-availability banner (src/ui/record/DataAvailability.tsx) and the names of the query groups. */
import type { QueryGroup } from '../../../domain/input';

const groupsEn = {
  'availability.group.patient': 'Patient details',
  'availability.group.observations-ddimer': 'D-dimer results',
  'availability.group.observations-coagulation': 'Coagulation and safety labs',
  'availability.group.observations-weight': 'Body weight',
  'availability.group.observations-pregnancy': 'Pregnancy dating',
  'availability.group.observations-findings': 'Thrombophilia work-up',
  'availability.group.diagnostic-reports': 'Lab reports',
  'availability.group.medication-requests': 'Medication orders',
  'availability.group.medication-administrations': 'Doses given',
  'availability.group.medication-statements': 'Medications reported',
  'availability.group.medication-dispenses': 'Medications dispensed',
  'availability.group.medications': 'Medication details',
  'availability.group.procedures': 'Procedures',
  'availability.group.service-requests': 'Service requests (planned procedures)',
  'availability.group.appointments': 'Appointments',
  'availability.group.encounters': 'Encounters',
  'availability.group.conditions': 'Conditions',
  'availability.group.allergies': 'Allergies',
} as const satisfies Record<`availability.group.${QueryGroup}`, string>;

export const availabilityEn = {
  ...groupsEn,
  'availability.headingProblems': 'Part of the record could not be read',
  'availability.headingNotes': 'Notes on the record',
  'availability.intro': 'What is shown below may be incomplete. A missing item here means "not known", not "none".',
  'availability.status': '{status, select, unavailable {not available} other {incomplete}}',
  'availability.statusBecause': '{status, select, unavailable {not available} other {incomplete}} ({reason})',
  'availability.warnings': 'Messages from the EHR ({n})',
  'availability.warning': '{group}: {text}',
  'availability.dropped':
    '{n, plural, one {# record was} other {# records were}} left out because they do not belong to this patient (see "Records left out").',
  'availability.stillReading': 'Still reading from the EHR: {parts}.',
  'availability.headingReading': 'Reading the record',
  'availability.retry': 'Try again',
  'availability.retryPart': 'Try again: {part}',
} as const;
