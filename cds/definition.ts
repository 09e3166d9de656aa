/**
 * The service's discovery entry and prefetch templates. The templates are the app's own searches
 * (src/fhir/queries.ts `buildSearches`) for the groups the decision needs, with the patient id as a prefetch token,
 * so the service reads the same records the patient view reads. The Appointment search has no date range here
 * (prefetch templates are static); the app's range only narrows it.
 */
import { buildSearches } from '../src/fhir/queries';
import type { QueryGroup } from '../src/domain/input';
import { SERVICE_TEXT } from './cardText';

export const SERVICE_ID = 'lmwh-stop-window';
export const HOOKS = ['order-sign', 'appointment-book'] as const;
export type SupportedHook = (typeof HOOKS)[number];

const TOKEN = '{{context.patientId}}';
const PLACEHOLDER = 'PREFETCH_PATIENT_ID';

/** Prefetch key -> the query group it fills. */
export const PREFETCH_GROUPS: Record<string, QueryGroup> = {
  patient: 'patient',
  medicationRequests: 'medication-requests',
  medicationAdministrations: 'medication-administrations',
  procedures: 'procedures',
  serviceRequests: 'service-requests',
  appointments: 'appointments',
  weights: 'observations-weight',
};

function templates(): Record<string, string> {
  const searches = buildSearches(PLACEHOLDER, { now: 0, includeMedication: true, includeReportResults: false, maxCodesPerSearch: 50 });
  const pathOf = (group: QueryGroup): string => {
    const s = searches.find((x) => x.group === group);
    if (!s) throw new Error(`no search for ${group}`);
    // The Appointment date range depends on "now"; a static template cannot carry it.
    const path = group === 'appointments' ? s.path.replace(/&date=[^&]*/g, '') : s.path;
    return path.split(PLACEHOLDER).join(TOKEN);
  };
  const out: Record<string, string> = { patient: `Patient/${TOKEN}` };
  for (const [key, group] of Object.entries(PREFETCH_GROUPS)) if (key !== 'patient') out[key] = pathOf(group);
  return out;
}

export const PREFETCH: Record<string, string> = templates();

export interface ServiceDefinition {
  hook: SupportedHook;
  id: string;
  title: string;
  description: string;
  prefetch: Record<string, string>;
  usageRequirements?: string;
}

/** GET /cds-services: one service per hook, each with the same id would clash, so the id names the hook. */
export function discovery(): { services: ServiceDefinition[] } {
  return {
    services: HOOKS.map((hook) => ({
      hook,
      id: hook === 'order-sign' ? SERVICE_ID : `${SERVICE_ID}-booking`,
      title: SERVICE_TEXT.title,
      description: SERVICE_TEXT.description,
      prefetch: PREFETCH,
    })),
  };
}

/**
 * Service id -> the hooks it answers. Discovery lists one hook per entry (the specification's shape), so the
 * appointment-book entry has its own id; `lmwh-stop-window` itself answers both hooks for EHRs configured by hand.
 */
export function hooksOfService(id: string): SupportedHook[] {
  if (id === SERVICE_ID) return [...HOOKS];
  return discovery().services.filter((s) => s.id === id).map((s) => s.hook);
}
