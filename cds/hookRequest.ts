/**
 * Validation of a CDS Hooks 2.0 request for `order-sign` and `appointment-book`: what the decision needs, read
 * defensively (the body comes from outside). Returns the proposals (draft orders or proposed appointments) and the
 * data sources offered (prefetch, FHIR server with authorization).
 */
import type { SupportedHook } from './definition';

export interface FhirAuthorization {
  accessToken: string;
  tokenType: string;
  scope: string;
  patient?: string;
}

export interface HookRequest {
  hook: SupportedHook;
  hookInstance: string;
  patientId: string;
  userId: string | undefined;
  /** Draft orders (order-sign) or proposed appointments (appointment-book), as FHIR resources. */
  proposals: fhir4.Resource[];
  fhirServer: string | undefined;
  fhirAuthorization: FhirAuthorization | undefined;
  prefetch: Record<string, unknown> | undefined;
}

export type Parsed = { ok: true; request: HookRequest } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function bundleResources(v: unknown, name: string): fhir4.Resource[] | string {
  if (!isObject(v) || v.resourceType !== 'Bundle') return `context.${name} must be a FHIR Bundle`;
  const entries = Array.isArray(v.entry) ? v.entry : [];
  const out: fhir4.Resource[] = [];
  for (const e of entries) {
    if (isObject(e) && isObject(e.resource) && nonEmpty(e.resource.resourceType)) out.push(e.resource as unknown as fhir4.Resource);
    else return `context.${name} has an entry without a resource`;
  }
  return out;
}

/** Patient ids a proposal names (ServiceRequest.subject, Appointment.participant.actor), from `Patient/<id>` references. */
function patientIdsOf(r: fhir4.Resource): string[] {
  const refs: unknown[] =
    r.resourceType === 'Appointment'
      ? ((r as fhir4.Appointment).participant ?? []).map((p) => p.actor?.reference)
      : [(r as { subject?: { reference?: unknown } }).subject?.reference];
  return refs.flatMap((ref) => {
    const m = typeof ref === 'string' ? /(?:^|\/)Patient\/([^/]+)$/.exec(ref) : null;
    return m ? [m[1]!] : [];
  });
}

/** Parses the body for the hook the service answers. */
export function parseHookRequest(body: unknown, expectedHook: SupportedHook): Parsed {
  if (!isObject(body)) return { ok: false, error: 'the body must be a JSON object' };
  if (body.hook !== expectedHook) return { ok: false, error: `hook must be "${expectedHook}"` };
  if (!nonEmpty(body.hookInstance)) return { ok: false, error: 'hookInstance is required' };
  const ctx = body.context;
  if (!isObject(ctx)) return { ok: false, error: 'context is required' };
  if (!nonEmpty(ctx.patientId)) return { ok: false, error: 'context.patientId is required' };
  const field = expectedHook === 'order-sign' ? 'draftOrders' : 'appointments';
  const proposals = bundleResources(ctx[field], field);
  if (typeof proposals === 'string') return { ok: false, error: proposals };

  // A proposal that names another patient than context.patientId is a client error, not something to decide on.
  const other = proposals.find((r) => {
    const ids = patientIdsOf(r);
    return ids.length > 0 && !ids.includes(ctx.patientId as string);
  });
  if (other) return { ok: false, error: `context.${field} has a ${other.resourceType} for another patient` };

  let fhirServer: string | undefined;
  if (body.fhirServer !== undefined) {
    if (!nonEmpty(body.fhirServer) || !/^https?:\/\//i.test(body.fhirServer)) return { ok: false, error: 'fhirServer must be an http(s) URL' };
    fhirServer = body.fhirServer;
  }
  let fhirAuthorization: FhirAuthorization | undefined;
  if (body.fhirAuthorization !== undefined && body.fhirAuthorization !== null) {
    const a = body.fhirAuthorization;
    if (!isObject(a) || !nonEmpty(a.access_token) || a.token_type !== 'Bearer') {
      return { ok: false, error: 'fhirAuthorization needs access_token and token_type "Bearer"' };
    }
    if (!fhirServer) return { ok: false, error: 'fhirAuthorization is given without fhirServer' };
    fhirAuthorization = { accessToken: a.access_token, tokenType: a.token_type, scope: typeof a.scope === 'string' ? a.scope : '', ...(nonEmpty(a.patient) ? { patient: a.patient } : {}) };
  }
  let prefetch: Record<string, unknown> | undefined;
  if (body.prefetch !== undefined && body.prefetch !== null) {
    if (!isObject(body.prefetch)) return { ok: false, error: 'prefetch must be an object' };
    prefetch = body.prefetch;
  }
  return {
    ok: true,
    request: {
      hook: expectedHook,
      hookInstance: body.hookInstance,
      patientId: ctx.patientId,
      userId: nonEmpty(ctx.userId) ? ctx.userId : undefined,
      proposals,
      fhirServer,
      fhirAuthorization,
      prefetch,
    },
  };
}
