/** The patient banner and the print header (src/ui/patient-banner). Keys `patientBanner.*`. */
export const patientBannerEn = {
  'patientBanner.label': 'Patient',
  'patientBanner.loading': 'Loading patient details…',
  'patientBanner.error': 'Patient details could not be loaded: {reason}.',
  'patientBanner.dateOfBirth': 'Date of birth',
  'patientBanner.age': 'Age',
  'patientBanner.sex': 'Sex',
  'patientBanner.sex.female': 'Female',
  'patientBanner.sex.male': 'Male',
  'patientBanner.sex.other': 'Other',
  'patientBanner.age.years': '{n, plural, one {# year} other {# years}}',
  'patientBanner.mrn': 'MRN',
  'patientBanner.identifier': 'Identifier',
  'patientBanner.systemNotStated': 'system not stated',
  'patientBanner.printed': 'Printed {printedAt}',
  'patientBanner.printLine': '{name} · Date of birth {birthDate} · {idLabel} {idValue} · Printed {printedAt}',
} as const;
