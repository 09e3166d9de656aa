/**
 * The facility's time zone, in order of precedence: the EHR's declared zone (smart-config `facilityTimeZone`, matched
 * on the launch's issuer), then the user's remembered choice, then the browser's. Wall-clock times in the record
 * (an 08:30 caesarean written without an offset) are read in this zone, so it must not silently be the browser's when
 * the EHR says otherwise. Pure: the caller passes the three candidates.
 */
import { isValidZone } from './time';

export type FacilityZoneFrom = 'ehr-config' | 'user' | 'browser' | 'fallback-utc';

export interface FacilityZone {
  zone: string;
  from: FacilityZoneFrom;
  /** Candidates that were given but are not zones Intl knows (so they were passed over). */
  rejected: { from: Exclude<FacilityZoneFrom, 'fallback-utc'>; value: string }[];
}

export interface FacilityZoneCandidates {
  configZone?: string | null;
  userChoice?: string | null;
  browserZone?: string | null;
}

/** The zone to use and where it came from; UTC (labelled) only when no candidate is a valid zone. */
export function resolveFacilityZone({ configZone, userChoice, browserZone }: FacilityZoneCandidates): FacilityZone {
  const rejected: FacilityZone['rejected'] = [];
  const ordered: [Exclude<FacilityZoneFrom, 'fallback-utc'>, string | null | undefined][] = [
    ['ehr-config', configZone],
    ['user', userChoice],
    ['browser', browserZone],
  ];
  for (const [from, value] of ordered) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    const zone = value.trim();
    if (isValidZone(zone)) return { zone, from, rejected };
    rejected.push({ from, value });
  }
  return { zone: 'UTC', from: 'fallback-utc', rejected };
}
