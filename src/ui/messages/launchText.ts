/**
 * The launch page's words: the launch section of the catalogue in the reader's language, with `{name}` placeholders
 * filled by text or by DOM nodes (a server address in <code>). Not FormatJS: the launch page's JavaScript budget is
 * 30 kB gzip, and its messages have no plurals or selects.
 */
import type { Locale } from './catalogue';
import type { ConfigProblem, SmartConfigFailure } from '../../fhir/smart';
import { REQUEST_TIMEOUT_RANGE_MS } from '../../fhir/smart';
import { launchEn, type LaunchKey } from './en/launch';
import { launchRu } from './ru/launch';

const LAUNCH: Record<Locale, Record<LaunchKey, string>> = { en: launchEn, ru: launchRu };

/** The message split at its placeholders, each filled from `params` (a missing one is left as written). */
export function fillLaunchText<T>(locale: Locale, key: LaunchKey, params: Record<string, T> = {}): (string | T)[] {
  const parts = (LAUNCH[locale] ?? launchEn)[key].split(/\{(\w+)\}/);
  return parts.map((p, i) => (i % 2 === 0 ? p : p in params ? (params[p] as T) : `{${p}}`)).filter((p) => p !== '');
}

/** The message as one string (placeholders filled with text). */
export const launchText = (locale: Locale, key: LaunchKey, params: Record<string, string> = {}): string => fillLaunchText(locale, key, params).join('');

/** The names of smart-config.json's fields and values, written as in the file in every language. */
export const CONFIG_NAMES: Record<string, string> = {
  json: 'JSON',
  defaults: 'defaults',
  servers: 'servers',
  id: 'id',
  label: 'label',
  clientId: 'clientId',
  scopeStyle: 'scopeStyle',
  v1: '"v1"',
  v2: '"v2"',
  requestTimeoutMs: 'requestTimeoutMs',
  facilityTimeZone: 'facilityTimeZone',
  patientBatch: 'patientBatch',
  iana: 'IANA',
  zoneExample: '"Europe/London"',
  issMatch: 'issMatch',
  exact: 'issMatch.exact',
  regex: 'issMatch.regex',
  exactKey: '"exact"',
  regexKey: '"regex"',
  https: 'https://',
};

/** Why the launch configuration cannot be used, as the launch page says it. */
export const configFailureText = (locale: Locale, f: SmartConfigFailure): string =>
  f.kind === 'http' ? launchText(locale, 'launch.config.http', { status: String(f.status) }) : launchText(locale, f.kind === 'invalid' ? 'launch.config.invalid' : 'launch.config.unreadable');

/** One problem of smart-config.json in words, naming the server entry it is in. */
export function configProblemText(locale: Locale, p: ConfigProblem): string {
  const server = !p.server ? '' : 'id' in p.server ? launchText(locale, 'launch.config.serverId', { id: p.server.id }) : launchText(locale, 'launch.config.serverIndex', { index: String(p.server.index) });
  const { min, max } = REQUEST_TIMEOUT_RANGE_MS;
  return launchText(locale, `launch.config.${p.code}`, { ...CONFIG_NAMES, server, min: String(min), max: String(max) });
}
