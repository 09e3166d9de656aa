/**
 * What the server says it offers, from its CapabilityStatement (`metadata`): which types can be searched, which
 * search parameters and `_include`s each type takes. An absent or unreadable statement means "not known": then every
 * search is tried and no `_include` is sent. The statement is not patient data; it is cached per server URL for the
 * browser tab's session (memory and sessionStorage) so a relaunch or reload does not read its ~20 kB again.
 */
import { isFatal, type FhirRequester } from './failures';

export interface CapabilityCache {
  get(serverUrl: string): fhir4.CapabilityStatement | undefined;
  set(serverUrl: string, statement: fhir4.CapabilityStatement): void;
}

const STORAGE_PREFIX = 'lmwh-monitor.capability:';

/** A cache in memory, backed by the given sessionStorage when there is one (a full or refused storage is ignored). */
export function sessionCapabilityCache(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): CapabilityCache {
  const memory = new Map<string, fhir4.CapabilityStatement>();
  return {
    get(serverUrl) {
      const hit = memory.get(serverUrl);
      if (hit) return hit;
      try {
        const parsed = asStatement(JSON.parse(storage?.getItem(STORAGE_PREFIX + serverUrl) ?? 'null'));
        if (parsed) memory.set(serverUrl, parsed);
        return parsed;
      } catch {
        return undefined;
      }
    },
    set(serverUrl, statement) {
      memory.set(serverUrl, statement);
      try {
        storage?.setItem(STORAGE_PREFIX + serverUrl, JSON.stringify(statement));
      } catch {
        // Quota or privacy mode: the memory copy is enough for this page.
      }
    },
  };
}

function asStatement(json: unknown): fhir4.CapabilityStatement | undefined {
  return typeof json === 'object' && json !== null && (json as { resourceType?: unknown }).resourceType === 'CapabilityStatement'
    ? (json as fhir4.CapabilityStatement)
    : undefined;
}

/** Reads (or takes from the cache) the statement; a failed read is "not known", a fatal error propagates. */
export async function readCapabilityStatement(requester: FhirRequester, cache: CapabilityCache | undefined): Promise<fhir4.CapabilityStatement | undefined> {
  const cached = cache?.get(requester.serverUrl);
  if (cached) return cached;
  try {
    const statement = asStatement(await requester.get('metadata', { priority: 0 }));
    if (statement) cache?.set(requester.serverUrl, statement);
    return statement;
  } catch (error) {
    if (isFatal(error)) throw error;
    return undefined;
  }
}

export interface ServerCapabilities {
  /** False only when the statement lists the server's types and this one is missing or cannot be searched. */
  offersSearch(type: string): boolean;
  /** True/false when the statement lists the type's search parameters; undefined when it does not say. */
  offersParam(type: string, param: string): boolean | undefined;
  /** The `_include` is advertised for the type (`*` counts). */
  offersInclude(type: string, include: string): boolean;
}

export function describeCapabilities(statement: fhir4.CapabilityStatement | undefined): ServerCapabilities {
  const resources = (statement?.rest ?? []).filter((r) => r.mode === 'server').flatMap((r) => r.resource ?? []);
  const byType = new Map<string, fhir4.CapabilityStatementRestResource>(resources.map((r) => [r.type, r]));
  return {
    offersSearch(type) {
      if (byType.size === 0) return true;
      const r = byType.get(type);
      if (!r) return false;
      return !r.interaction || r.interaction.length === 0 || r.interaction.some((i) => i.code === 'search-type');
    },
    offersParam(type, param) {
      const params = byType.get(type)?.searchParam;
      if (!params || params.length === 0) return undefined;
      return params.some((p) => p.name === param);
    },
    offersInclude(type, include) {
      return (byType.get(type)?.searchInclude ?? []).some((i) => i === '*' || i === include);
    },
  };
}
