/**
 * The launch page (launch/LaunchPage.ts). Keys `launch.*`. Plain `{name}` placeholders only, no plurals or selects:
 * the launch page fills them with `fillLaunchText` (src/ui/messages/launchText.ts) instead of FormatJS, which would
 * not fit its 30 kB JavaScript budget. The keys are part of the app catalogue too, so the parity checks cover them.
 */
export const launchEn = {
  'launch.launching': 'Launching LMWH Monitor',
  'launch.readingConfig': 'Reading the launch configuration…',
  'launch.connecting': ' Connecting to {label}…',
  'launch.connectFailed.title': 'LMWH Monitor could not connect',
  'launch.connectFailed.text': 'The SMART configuration of {label} ({iss}) could not be read, so the sign-in could not start. Check the network connection and relaunch LMWH Monitor.',
  'launch.configFailed': 'The launch configuration could not be loaded.',
  'launch.cannotLaunch': 'LMWH Monitor cannot launch',
  'launch.refused.title': 'Launch refused',
  'launch.refused.unconfiguredIss': 'This launch asked LMWH Monitor to connect to the FHIR server {iss}, which is not one of the servers it is configured for. Nothing was sent to that server.',
  'launch.refused.placeholderClientId': "{label} ({iss}) is listed, but its client id has not been set up in LMWH Monitor's configuration yet.",
  'launch.refused.invalidIss': "The launch link's FHIR server address is not a web address: {iss}.",
  'launch.refused.missingIss': 'The launch link has a launch code but no FHIR server address (iss).',
  'launch.refused.unsupportedParameter': 'The launch link contains parameters LMWH Monitor does not accept ({parameters}).',
  'launch.refused.advice': 'If this link came from your EHR, ask the team that deploys LMWH Monitor to add the server to its launch configuration ({file}). Otherwise, close this page.',
  'launch.picker.title': 'Launch LMWH Monitor',
  'launch.picker.intro': 'Standalone launch: choose the FHIR server. It will ask you to sign in and to pick a patient.',
  'launch.picker.server': 'FHIR server',
  'launch.picker.other': 'Another FHIR server',
  'launch.picker.address': 'Server address',
  'launch.picker.trust': 'I trust this server',
  'launch.picker.unlisted': "{address} is not in LMWH Monitor's configuration. The app will use its default client id ({clientId}) and send you to that server's sign-in page. Only continue if you know this server.",
  'launch.picker.submit': 'Launch',
  'launch.picker.enterAddress': 'Enter the FHIR server address.',
  'launch.picker.needsTrust': 'This server is not in LMWH Monitor\'s configuration. Tick "I trust this server" to continue.',
} as const;

export type LaunchKey = keyof typeof launchEn;
