/** The app header and section placeholders (src/ui/app/App.tsx, src/ui/record/SectionGate.tsx). Keys `app.*`. */
export const appEn = {
  'app.name': 'LMWH Monitor',
  'app.facilityZone': 'Facility time zone',
  'app.reload': 'Reload record',
  'app.grantedAccess': 'Access granted by the EHR',
  'app.grantedAccessHint': 'As the EHR reported it; the app still asks for every record type and shows what the server answers.',
  'app.sectionReading': '{title}: still reading from the EHR…',
} as const;
