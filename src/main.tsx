/**
 * App page entry: completes the SMART launch (FHIR.oauth2.ready) once, then renders the app or the page that says
 * what happened (opened directly, launch error). fhirclient keeps its launch state (with the token) in this tab's
 * sessionStorage; nothing is written to localStorage and no patient data goes into the URL or the console.
 */
import { createRoot } from 'react-dom/client';
import FHIR from 'fhirclient';
import { completeLaunch, launchLooksLikeWorklist } from './fhir/client';
import { loadSmartConfig } from './fhir/smart';
import { AppRoot } from './ui/app/AppRoot';
import { loadWorklist, preloadViews } from './ui/app/lazyViews';
import { loadFullCatalogue } from './ui/messages/catalogueRegistry';
import './ui/styles/app.css';

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

const storage = sessionStorageOrUndefined();
// The CapabilityStatement is read while the token is exchanged; the record loader finds it in this tab's session.
const capabilityPrefetch = storage ? import('./fhir/capabilityPrefetch').then((m) => m.prefetchLaunchCapability(storage)) : undefined;
const launchConfig = loadSmartConfig(new URL('smart-config.json', window.location.href));
launchConfig.catch(() => undefined); // unreadable: the defaults apply (completeLaunch)
const launch = completeLaunch({
  pageHref: window.location.href,
  storage,
  ready: () => FHIR.oauth2.ready(),
  launchConfig,
  ...(capabilityPrefetch ? { capabilityPrefetch } : {}),
});
// What the launch will show starts downloading once the token request is on its way (fhirclient sends it a few
// microtasks after ready(); a task later is after it), so the view chunks never hold the connections the token waits
// for: the worklist's code on a launch that asked for user-level scopes (the patient view follows once the list has
// loaded), else the patient view and chart, in parallel with the FHIR data and never after it.
setTimeout(() => {
  loadFullCatalogue().catch(() => undefined);
  if (launchLooksLikeWorklist(window.location.href, storage)) loadWorklist().catch(() => undefined);
  else preloadViews();
}, 0);
// AppRoot attaches its handlers after the first render; mark the promise handled now so a failed launch is never
// reported as an unhandled rejection (AppRoot shows it).
launch.catch(() => undefined);

createRoot(document.getElementById('root')!).render(<AppRoot launch={launch} appPageHref={window.location.href} />);
