// @ts-check
/**
 * The sandbox's own configuration: the origins it answers on (an allowed-hosts list: 127.0.0.1 and localhost on its
 * own port, plus `allowedHosts`, e.g. from SANDBOX_ALLOWED_HOSTS), its fixed issuer, the client's registered
 * redirect URIs, the development launch configuration it gives the app, and the app's Content-Security-Policy.
 * Nothing here is derived from a request's Host header; a request whose Host is not allowed is refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LAUNCH_CONFIG = path.resolve(HERE, '../../public/smart-config.json');

/** @param {string} s */
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * FHIR origins named by a launch configuration (exact entries, and the literal host of `^https://host/...` regexes).
 * @param {any} config
 * @returns {string[]}
 */
export function configOrigins(config) {
  /** @type {string[]} */
  const out = [];
  for (const s of config.servers ?? []) {
    if (s.developmentOnly) continue;
    if (typeof s.issMatch?.exact === 'string') out.push(new URL(s.issMatch.exact).origin);
    const m = typeof s.issMatch?.regex === 'string' ? /^\^(https:\/\/(?:[a-z0-9-]|\\\.)+)\//i.exec(s.issMatch.regex) : null;
    if (m?.[1]) out.push(m[1].replace(/\\\./g, '.'));
  }
  return [...new Set(out)];
}

/**
 * @param {{ url: string, port: number, allowedHosts?: string[], facilityTimeZone?: string }} args url: the canonical origin
 *   (the one printed); facilityTimeZone: declared for the sandbox's own (development) server entries when set
 */
export function createSandboxConfig({ url, port, allowedHosts = [], facilityTimeZone }) {
  const origins = [...new Set([url, `http://127.0.0.1:${port}`, `http://localhost:${port}`, ...allowedHosts.map((h) => `http://${h.trim()}`)])];
  const hosts = new Map(origins.map((o) => [new URL(o).host, o]));
  const launchConfig = JSON.parse(readFileSync(LAUNCH_CONFIG, 'utf8'));
  const ownIss = `^(${origins.map(escapeRegex).join('|')})/fhir/?$`;
  // The development entries (loopback) are narrowed to exactly this sandbox's issuers.
  const devLaunchConfig = {
    ...launchConfig,
    servers: (launchConfig.servers ?? []).map((/** @type {any} */ s) => (s.developmentOnly ? { ...s, issMatch: { regex: ownIss }, ...(facilityTimeZone ? { facilityTimeZone } : {}) } : s)),
  };
  const connect = ["'self'", ...origins, ...configOrigins(launchConfig)];
  const appCsp = [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
    `connect-src ${[...new Set(connect)].join(' ')}`, "frame-ancestors 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'",
  ].join('; ');
  return {
    url,
    origins,
    issuer: `${url}/fhir`,
    audiences: origins.map((o) => `${o}/fhir`),
    redirectUris: origins.flatMap((o) => [`${o}/app/`, `${o}/app/index.html`]),
    devLaunchConfig,
    appCsp,
    /** @param {string | undefined} host the Host header @returns {string | null} the allowed origin it names */
    originFor: (host) => (host ? (hosts.get(host.toLowerCase()) ?? null) : null),
  };
}
