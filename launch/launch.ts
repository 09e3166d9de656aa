/**
 * Launch page entry (<app>/launch/): reads ../smart-config.json at run time (a deployer edits it without a rebuild),
 * then the launch page decides and calls FHIR.oauth2.authorize.
 */
import FHIR from 'fhirclient';
import { loadSmartConfig } from '../src/fhir/smart';
import { renderLaunchPage } from './LaunchPage';
import { applyDocumentLang, initialLocale } from '../src/ui/messages/locale';
import '../src/ui/styles/app.css';

// The launch page is in the reader's language too.
const locale = initialLocale();
applyDocumentLang(locale);

const pageHref = window.location.href;
const configUrl = new URL('../smart-config.json', pageHref);

void renderLaunchPage(document.getElementById('root')!, {
  pageHref,
  loadConfig: () => loadSmartConfig(configUrl),
  authorize: (options) => FHIR.oauth2.authorize(options),
  locale,
});
