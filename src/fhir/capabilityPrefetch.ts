/**
 * The app page reads the FHIR server's CapabilityStatement while fhirclient exchanges the code for a token, so the
 * record load does not wait one more round trip for it. The statement is public (no token is sent) and not patient
 * data; the server is the one of the launch this tab stored (the launch page checked it against smart-config.json).
 * It goes into the session's capability cache, where the record loader finds it. Its own small chunk: the app's first
 * render does not wait for it.
 */
import { FHIRCLIENT_SMART_KEY } from './smart';

/**
 * sessionCapabilityCache's storage key prefix (capabilities.ts), repeated rather than imported: importing that module
 * here moves it out of the app's entry into a shared chunk and costs initial JS. capabilityPrefetch.test.ts checks
 * that the record loader's cache finds what is written here.
 */
const STORAGE_PREFIX = 'lmwh-monitor.capability:';

/** The FHIR server of the launch fhirclient stored in this tab, or undefined. */
export function storedLaunchServer(storage: Pick<Storage, 'getItem'>): string | undefined {
  try {
    const keyText = storage.getItem(FHIRCLIENT_SMART_KEY);
    const key = keyText ? (JSON.parse(keyText) as unknown) : undefined;
    const state = typeof key === 'string' ? (JSON.parse(storage.getItem(key) ?? 'null') as { serverUrl?: unknown } | null) : null;
    return typeof state?.serverUrl === 'string' && /^https?:\/\//.test(state.serverUrl) ? state.serverUrl : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads and caches the statement of the stored launch's server unless the session has it already. Never throws:
 * whatever fails here, the record loader reads the statement itself and says why when it cannot.
 */
export async function prefetchLaunchCapability(storage: Pick<Storage, 'getItem' | 'setItem'>, fetchImpl: typeof fetch = fetch): Promise<void> {
  const server = storedLaunchServer(storage);
  if (!server) return;
  try {
    if (storage.getItem(STORAGE_PREFIX + server)) return;
    const res = await fetchImpl(`${server.replace(/\/+$/, '')}/metadata`, { headers: { accept: 'application/fhir+json' }, credentials: 'omit' });
    if (!res.ok) return;
    const json = (await res.json()) as { resourceType?: unknown } | null;
    if (json?.resourceType === 'CapabilityStatement') storage.setItem(STORAGE_PREFIX + server, JSON.stringify(json));
  } catch {
    // Unreachable, not JSON, or a full storage: left to the record loader.
  }
}
