/**
 * Reading FHIR references relative to the launch's FHIR server. The requester sends the bearer token to whatever URL
 * it is given, so anything that would be fetched must first be shown to live on the server's own origin.
 */

export type ParsedReference =
  | { kind: 'local'; resourceType: string; id: string }
  | { kind: 'foreign'; resourceType: string; id: string }
  | { kind: 'contained'; id: string }
  | { kind: 'urn'; value: string }
  | { kind: 'unreadable' };

const TYPE_ID = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const TAIL = /\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** The origin of a base URL, or undefined when it is not an absolute http(s) URL. */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** True when `url` is an absolute or relative URL that resolves to the same origin as the FHIR server. */
export function isOnServerOrigin(url: string, serverUrl: string): boolean {
  const origin = originOf(serverUrl);
  if (!origin) return false;
  try {
    return new URL(url, withSlash(serverUrl)).origin === origin;
  } catch {
    return false;
  }
}

/** Resolves a possibly relative URL (e.g. a `next` link) against the FHIR base. */
export function absoluteUrl(url: string, serverUrl: string): string {
  return new URL(url, withSlash(serverUrl)).href;
}

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * Parses Reference.reference. `Patient/1`, `Patient/1/_history/2`, an absolute URL on the server's origin ending in
 * `/Patient/1` (local); an absolute URL elsewhere (foreign: never fetched); `#id` (contained); `urn:uuid:...` (urn).
 */
export function parseReference(reference: string | undefined, serverUrl: string): ParsedReference {
  if (!reference) return { kind: 'unreadable' };
  if (reference.startsWith('#')) return reference.length > 1 ? { kind: 'contained', id: reference.slice(1) } : { kind: 'unreadable' };
  if (reference.startsWith('urn:')) return { kind: 'urn', value: reference };
  const rel = TYPE_ID.exec(reference);
  if (rel) return { kind: 'local', resourceType: rel[1]!, id: rel[2]! };
  if (/^https?:\/\//i.test(reference)) {
    let path: string;
    try {
      path = new URL(reference).pathname;
    } catch {
      return { kind: 'unreadable' };
    }
    const tail = TAIL.exec(path);
    if (!tail) return { kind: 'unreadable' };
    const kind = isOnServerOrigin(reference, serverUrl) ? 'local' : 'foreign';
    return { kind, resourceType: tail[1]!, id: tail[2]! };
  }
  return { kind: 'unreadable' };
}
