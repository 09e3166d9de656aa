/**
 * The facility time zone the app shows times in: the EHR's declared zone (smart-config `facilityTimeZone` for the
 * launch's server), then the user's remembered choice, then the browser's (resolveFacilityZone). The choice is
 * remembered in localStorage as the zone name only: no patient data.
 */
import { useCallback, useState } from 'react';
import { resolveFacilityZone, type FacilityZone } from '../../domain/facilityZone';
import { defaultZone, isValidZone } from '../../domain/time';

export const FACILITY_ZONE_STORAGE_KEY = 'lmwh-monitor.facility-zone';

type ZoneStore = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStore(): ZoneStore | undefined {
  try {
    // Only the zone name is ever written here (see rememberZone).
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The remembered choice, or undefined (nothing stored, storage refused, or not a zone). */
export function storedZone(store: ZoneStore | undefined = defaultStore()): string | undefined {
  try {
    const z = store?.getItem(FACILITY_ZONE_STORAGE_KEY) ?? undefined;
    return z && isValidZone(z) ? z : undefined;
  } catch {
    return undefined;
  }
}

function rememberZone(zone: string, store: ZoneStore | undefined = defaultStore()): void {
  try {
    store?.setItem(FACILITY_ZONE_STORAGE_KEY, zone);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this page only.
  }
}

/** The zone the app starts with (also the key the worklist is started under before the app renders). */
export function initialFacilityZone(configZone: string | undefined, initialZone?: string): FacilityZone {
  return resolveFacilityZone({ configZone: configZone ?? null, userChoice: initialZone ?? storedZone() ?? null, browserZone: defaultZone() });
}

/**
 * The zone in use and a setter for the user's choice. `initialZone` (tests, embedding) stands in for the user's
 * stored choice. A choice made here overrides the EHR's zone for this session, labelled as the user's.
 */
export function useFacilityZoneSetting(configZone: string | undefined, initialZone?: string): [FacilityZone, (zone: string) => void] {
  const [zone, setZone] = useState<FacilityZone>(() => initialFacilityZone(configZone, initialZone));
  const choose = useCallback((next: string) => {
    if (!isValidZone(next)) return;
    rememberZone(next);
    setZone({ zone: next, from: 'user', rejected: [] });
  }, []);
  return [zone, choose];
}
