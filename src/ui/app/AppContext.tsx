/**
 * What every component of a launched session needs, provided once by App: the FHIR requester (the only way to read
 * data), the patient in context, the EHR's banner preference, the granted scopes (display only), the facility time
 * zone setting (React state only: never stored) and the clock.
 */
import { createContext, useContext } from 'react';
import type { FhirRequester } from '../../fhir/client';
import type { ParsedScopes } from '../../fhir/scopes';
import type { Clock } from '../../domain/time';

export interface AppContextValue {
  requester: FhirRequester;
  patientId: string;
  /** False when the EHR's token response said need_patient_banner: false (it shows its own banner). */
  needPatientBanner: boolean;
  grantedScopes: ParsedScopes;
  /** SMART appContext of the launch, as the token response gave it (see launchFocus.ts). */
  appContext?: string;
  /** Per-server request timeout from smart-config.json (ms); absent: the record loader's default. */
  requestTimeoutMs?: number;
  /** Whether the server takes several patients per search (smart-config.json); absent: the worklist probes it. */
  patientBatch?: boolean;
  /** IANA zone every date and deadline is shown in. */
  facilityZone: string;
  /** Where the facility zone came from (EHR configuration, the user's choice, the browser); absent: the browser's. */
  facilityZoneFrom?: import('../../domain/facilityZone').FacilityZoneFrom;
  setFacilityZone: (zone: string) => void;
  clock: Clock;
}

export const AppContext = createContext<AppContextValue | null>(null);

/** The launched session's context; throws when used outside App (a programming error, not a runtime state). */
export function useAppContext(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useAppContext must be used inside <App>');
  return ctx;
}
