/** The app header and section placeholders (src/ui/app/App.tsx, src/ui/record/SectionGate.tsx). Keys `app.*`. */
export const appEn = {
  'app.name': 'LMWH Monitor',
  'app.facilityZone': 'Facility time zone',
  'app.reload': 'Reload record',
  'app.grantedAccess': 'Access granted by the EHR',
  'app.grantedAccessHint': 'As the EHR reported it; the app still asks for every record type and shows what the server answers.',
  'app.sectionReading': '{title}: still reading from the EHR…',
  'app.scopes.line': '{type}: {access, select, full {read} restricted {read (only {queries})} other {not in the granted scopes}}',
  'app.scopes.or': ' or ',
  'app.scopes.refresh-offline': 'Refresh: {scopes} granted',
  'app.scopes.refresh-online': 'Refresh: {scopes} granted',
  'app.scopes.refresh-none': 'Refresh: not granted (the session ends when the access token expires)',
  'app.scopes.ehr-launch': 'Launched from the EHR ({scopes})',
  'app.scopes.standalone-picker': 'Standalone launch with a patient picker ({scopes})',
  'app.scopes.user-identity': 'User identity: {scopes}',
  'app.scopes.other-scopes': 'Other scopes: {scopes}',
} as const;
