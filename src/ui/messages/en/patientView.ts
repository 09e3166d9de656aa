/** The patient view's chrome: title, loading, errors, the "as read on" line (src/ui/patient-view). */
export const patientViewEn = {
  'patientView.title': 'LMWH Monitor',
  'patientView.loading': 'Reading the clinical record from the EHR…',
  'patientView.skeleton.summary': 'Summary',
  'patientView.skeleton.ddimer': 'D-dimer across the pregnancy',
  'patientView.skeleton.events': 'Scheduled procedures and delivery',
  'patientView.skeleton.coag': 'Coagulation panel',
  'patientView.readOn': 'Record as read on',
  'patientView.zone': '; times shown in {zone}.',
  'patientView.reading': 'Reading…',
  'patientView.reload': 'Reload record',
  'patientView.retry': 'Try again',
  'patientView.error.forbidden': 'The EHR refused access to this patient’s record (403).',
  'patientView.error.notFound': 'The EHR did not find this patient (404).',
  'patientView.error.http': 'The EHR answered with an error ({status}).',
  'patientView.error.network': 'The EHR could not be reached. Check the connection and try again.',
  'patientView.error.other': 'The record could not be read.',
} as const;
