// @ts-check
/**
 * The sandbox's own configuration: the origins it answers on (an allowed-hosts list: 127.0.0.1 and localhost on its
 * own port, the public URL's host when it has one, plus `allowedHosts`, e.g. from SANDBOX_ALLOWED_HOSTS), its fixed
 * issuer (on the public URL when given, e.g. a proxy in front of it), the client's registered
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
 * The origin of a public base URL (`http(s)://host[:port]`, nothing after the host but an optional `/`).
 * @param {string} value
 * @returns {string}
 */
export function publicOrigin(value) {
  let u;
  try {
    u = new URL(value.trim());
  } catch {
    throw new Error(`public URL "${value}" is not a URL (expected http://host:port)`);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== '')) {
    throw new Error(`public URL "${value}" must be an origin only: http(s)://host[:port], no path, query or credentials`);
  }
  return u.origin;
}

/**
 * @param {{ url: string, port: number, allowedHosts?: string[], facilityTimeZone?: string, publicUrl?: string }} args
 *   url: the origin it listens on; publicUrl: the origin clients reach it through (a proxy or tunnel in front of it),
 *   which becomes the canonical origin: the issuer, the FHIR base and every endpoint and link it writes name it, and
 *   its host is allowed (default: url); facilityTimeZone: declared for the sandbox's own (development) server entries
 *   when set
 */
export function createSandboxConfig({ url, port, allowedHosts = [], facilityTimeZone, publicUrl }) {
  const canonical = publicUrl ? publicOrigin(publicUrl) : url;
  const origins = [...new Set([canonical, url, `http://127.0.0.1:${port}`, `http://localhost:${port}`, ...allowedHosts.map((h) => `http://${h.trim()}`)])];
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
    url: canonical,
    origins,
    issuer: `${canonical}/fhir`,
    audiences: origins.map((o) => `${o}/fhir`),
    redirectUris: origins.flatMap((o) => [`${o}/app/`, `${o}/app/index.html`]),
    devLaunchConfig,
    appCsp,
    /**
     * The origin to write into the links of an answer to a request with this Host header: null when the Host is not
     * allowed; with a public URL always that (a proxy may forward its own Host or the upstream's), else the allowed
     * origin the Host names.
     * @param {string | undefined} host @returns {string | null}
     */
    originFor: (host) => {
      const allowed = host ? (hosts.get(host.toLowerCase()) ?? null) : null;
      return allowed && publicUrl ? canonical : allowed;
    },
  };
}
