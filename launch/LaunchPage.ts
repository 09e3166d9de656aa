/**
 * The SMART launch page. It does one thing: decide (src/fhir/smart.ts) and call FHIR.oauth2.authorize.
 * - EHR launch (iss + launch) or iss-only standalone launch: only to a configured server, otherwise a clear refusal
 *   page naming the server, with no redirect and no request to it.
 * - No iss: a small form to pick a FHIR server (configured presets, or a typed address that the user must
 *   explicitly trust).
 *
 * Plain DOM, no framework: the page only redirects, so it loads fhirclient and this file and nothing else (the
 * JavaScript budget of the launch page is 30 kB gzip; React alone is about 60 kB).
 */
import type { fhirclient } from 'fhirclient/lib/types';
import type { Locale } from '../src/ui/messages/catalogue';
import type { LaunchKey } from '../src/ui/messages/en/launch';
import { CONFIG_NAMES, configFailureText, configProblemText, fillLaunchText, launchText } from '../src/ui/messages/launchText';
import { decideLaunch, decideStandalone, findServer, isPlaceholderClientId, parseHttpUrl, SmartConfigError, type LaunchDecision, type SmartConfig } from '../src/fhir/smart';

export interface LaunchPageProps {
  pageHref: string;
  loadConfig: () => Promise<SmartConfig>;
  /** FHIR.oauth2.authorize (redirects the page). */
  authorize: (options: fhirclient.AuthorizeParams) => Promise<unknown>;
  /** The reader's language; English by default. */
  locale?: Locale;
}

export const SMART_LAUNCHER_R4 = 'https://launch.smarthealthit.org/v/r4/fhir';
/** Names and addresses quoted in messages: the same in every language. */
const UNSUPPORTED_PARAMETERS = 'fhirServiceUrl, patientId, clientId, encounterId';
const CONFIG_FILE = 'smart-config.json';
const EXAMPLE_ADDRESS = 'https://fhir.example.org/r4';

type Child = Node | string | null | undefined | false;

/** A tiny element builder: attributes (strings, booleans, or on* handlers) and children (text is escaped by the DOM). */
function h(tag: string, attrs: Record<string, string | boolean | EventListener | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

const code = (text: string) => h('code', {}, text);

/** The page's language, set once per render (the page is rendered once per load). */
let pageLocale: Locale = 'en';
/** A message as text. */
const say = (key: LaunchKey, params: Record<string, string> = {}): string => launchText(pageLocale, key, params);
/** A message as children, placeholders filled with text or nodes (server addresses in <code>). */
const sayWith = (key: LaunchKey, params: Record<string, Child>): Child[] => fillLaunchText<Child>(pageLocale, key, params);

function screen(root: HTMLElement, ...children: Child[]): void {
  root.replaceChildren(h('main', { class: 'screen' }, ...children));
}

/** Renders the launch page into `root` and runs the launch. Resolves once the first decision has been shown. */
export async function renderLaunchPage(root: HTMLElement, { pageHref, loadConfig, authorize, locale = 'en' }: LaunchPageProps): Promise<void> {
  pageLocale = locale;
  screen(root, h('h1', {}, say('launch.launching')), h('p', { role: 'status' }, say('launch.readingConfig')));

  let started = false;
  function startAuthorize(label: string, iss: string, options: fhirclient.AuthorizeParams): void {
    if (started) return;
    started = true;
    screen(
      root,
      h('h1', {}, say('launch.launching')),
      h('p', { role: 'status', class: 'screen-status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), say('launch.connecting', { label })),
    );
    authorize(options).catch(() => {
      started = false;
      screen(
        root,
        h('h1', {}, say('launch.connectFailed.title')),
        h('p', { role: 'alert', class: 'screen-error' }, ...sayWith('launch.connectFailed.text', { label, iss: code(iss) })),
      );
    });
  }

  let config: SmartConfig;
  try {
    config = await loadConfig();
  } catch (e: unknown) {
    const message = e instanceof SmartConfigError ? configFailureText(pageLocale, e.failure) : say('launch.configFailed');
    const details = e instanceof SmartConfigError ? e.details.map((d) => configProblemText(pageLocale, d)) : [];
    screen(
      root,
      h('h1', {}, say('launch.cannotLaunch')),
      h('p', { role: 'alert', class: 'screen-error' }, message),
      details.length > 0 && h('ul', {}, ...details.map((d) => h('li', {}, d))),
    );
    return;
  }

  const decision = decideLaunch(pageHref, config);
  if (decision.kind === 'authorize') startAuthorize(decision.server.label, decision.server.iss, decision.options);
  else if (decision.kind === 'refuse') renderRefused(root, decision);
  else renderPicker(root, config, pageHref, startAuthorize);
}

function renderRefused(root: HTMLElement, decision: Extract<LaunchDecision, { kind: 'refuse' }>): void {
  let text: Child[];
  switch (decision.reason) {
    case 'unconfigured-iss':
      text = sayWith('launch.refused.unconfiguredIss', { iss: code(decision.iss ?? '') });
      break;
    case 'placeholder-client-id':
      text = sayWith('launch.refused.placeholderClientId', { label: decision.label ?? '', iss: code(decision.iss ?? '') });
      break;
    case 'invalid-iss':
      text = sayWith('launch.refused.invalidIss', { iss: code(decision.iss ?? '') });
      break;
    case 'missing-iss':
      text = [say('launch.refused.missingIss')];
      break;
    case 'unsupported-parameter':
      text = [say('launch.refused.unsupportedParameter', { parameters: UNSUPPORTED_PARAMETERS })];
      break;
  }
  screen(
    root,
    h('h1', {}, say('launch.refused.title')),
    h('p', { role: 'alert', class: 'screen-error' }, ...text),
    h('p', {}, say('launch.refused.advice', { file: CONFIG_FILE })),
  );
}

/** The standalone form: configured presets, or a typed server that must be explicitly trusted. */
function renderPicker(
  root: HTMLElement,
  config: SmartConfig,
  pageHref: string,
  onAuthorize: (label: string, iss: string, options: fhirclient.AuthorizeParams) => void,
): void {
  const presets: { label: string; iss: string }[] = [];
  const local = `${new URL(pageHref).origin}/fhir`;
  const localEntry = findServer(config, local);
  if (localEntry && !isPlaceholderClientId(localEntry.clientId)) presets.push({ label: localEntry.label, iss: local });
  const launcher = findServer(config, SMART_LAUNCHER_R4);
  if (launcher && !isPlaceholderClientId(launcher.clientId)) presets.push({ label: launcher.label, iss: SMART_LAUNCHER_R4 });

  let choice = presets[0]?.iss ?? 'other';

  const address = h('input', { type: 'url', id: 'server-address', placeholder: EXAMPLE_ADDRESS }) as HTMLInputElement;
  const addressField = h('div', { class: 'field' }, h('label', { for: 'server-address' }, say('launch.picker.address')), address);
  const trustBox = h('input', { type: 'checkbox', id: 'trust-server' }) as HTMLInputElement;
  const trustText = h('p', {});
  const trust = h('div', { class: 'trust' }, trustText, h('div', { class: 'option' }, trustBox, h('label', { for: 'trust-server' }, say('launch.picker.trust'))));
  const errorSlot = h('div', {});

  const radio = (value: string, id: string, ...label: Child[]) => {
    const input = h('input', { type: 'radio', id, name: 'server', value, checked: choice === value }) as HTMLInputElement;
    input.addEventListener('change', () => {
      choice = value;
      update();
    });
    return h('div', { class: 'option' }, input, h('label', { for: id }, ...label));
  };

  const fieldset = h(
    'fieldset',
    {},
    h('legend', {}, say('launch.picker.server')),
    ...presets.map((p) => radio(p.iss, `server-${p.iss}`, `${p.label} `, code(p.iss))),
    radio('other', 'server-other', say('launch.picker.other')),
    addressField,
  );

  function setError(message: string | null): void {
    errorSlot.replaceChildren(...(message ? [h('p', { role: 'alert', id: 'launch-error', class: 'screen-error' }, message)] : []));
    if (message) address.setAttribute('aria-describedby', 'launch-error');
    else address.removeAttribute('aria-describedby');
  }

  /** Shows the address field only for "another server", and the trust box only for a typed unlisted server. */
  function update(): void {
    addressField.hidden = choice !== 'other';
    const typed = address.value.trim();
    const typedUnknown = choice === 'other' && !!parseHttpUrl(address.value) && !findServer(config, typed);
    trust.hidden = !typedUnknown;
    if (typedUnknown) {
      trustText.replaceChildren(...(sayWith('launch.picker.unlisted', { address: code(typed), clientId: code(config.defaults.clientId) }) as (Node | string)[]));
    }
  }

  address.addEventListener('input', () => {
    trustBox.checked = false;
    update();
  });

  const form = h(
    'form',
    { class: 'launch-form', novalidate: true },
    fieldset,
    trust,
    errorSlot,
    h('button', { type: 'submit' }, say('launch.picker.submit')),
  ) as HTMLFormElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (choice === 'other' && address.value.trim() === '') {
      setError(say('launch.picker.enterAddress'));
      return;
    }
    const serverUrl = choice === 'other' ? address.value : choice;
    const d = decideStandalone(serverUrl, config, trustBox.checked, pageHref);
    if (d.kind === 'invalid') setError(say(`launch.picker.${d.problem}`, { label: d.label ?? '', https: CONFIG_NAMES.https! }));
    else if (d.kind === 'needs-trust') setError(say('launch.picker.needsTrust'));
    else {
      setError(null);
      onAuthorize(d.server.label, d.server.iss, d.options);
    }
  });

  update();
  screen(
    root,
    h('h1', {}, say('launch.picker.title')),
    h('p', {}, say('launch.picker.intro')),
    form,
  );
}
