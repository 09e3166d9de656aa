/**
 * Launch page entry (<app>/launch/): reads ../smart-config.json at run time (a deployer edits it without a rebuild),
 * then LaunchPage decides and calls FHIR.oauth2.authorize.
 */
import { createRoot } from 'react-dom/client';
import FHIR from 'fhirclient';
import { loadSmartConfig } from '../src/fhir/smart';
import { LaunchPage } from './LaunchPage';
import { applyDocumentLang, initialLocale } from '../src/ui/messages/locale';
import '../src/ui/styles/app.css';

// The launch page is in the reader's language too (its words follow once they come from the catalogue).
applyDocumentLang(initialLocale());

const pageHref = window.location.href;
const configUrl = new URL('../smart-config.json', pageHref);
const loadConfig = () => loadSmartConfig(configUrl);
const authorize = (options: Parameters<typeof FHIR.oauth2.authorize>[0]) => FHIR.oauth2.authorize(options);

createRoot(document.getElementById('root')!).render(<LaunchPage pageHref={pageHref} loadConfig={loadConfig} authorize={authorize} />);
