import { describe, expect, it } from 'vitest';
import { resolveFacilityZone } from './facilityZone';

describe('facility time zone', () => {
  it('a London EHR config wins over a New York browser, so an 08:30 caesarean stays 08:30 London time', () => {
    expect(resolveFacilityZone({ configZone: 'Europe/London', userChoice: 'Asia/Tokyo', browserZone: 'America/New_York' })).toEqual({
      zone: 'Europe/London',
      from: 'ehr-config',
      rejected: [],
    });
  });

  it("without an EHR zone the user's remembered choice is used", () => {
    expect(resolveFacilityZone({ userChoice: 'Europe/Berlin', browserZone: 'America/New_York' })).toMatchObject({ zone: 'Europe/Berlin', from: 'user' });
  });

  it("without an EHR zone or a user choice the browser's zone is used", () => {
    expect(resolveFacilityZone({ configZone: null, userChoice: '', browserZone: 'America/New_York' })).toMatchObject({ zone: 'America/New_York', from: 'browser' });
  });

  it('an EHR zone that is not a real zone is passed over and reported, not used', () => {
    const r = resolveFacilityZone({ configZone: 'Mars/Olympus', browserZone: 'Europe/Paris' });
    expect(r).toEqual({ zone: 'Europe/Paris', from: 'browser', rejected: [{ from: 'ehr-config', value: 'Mars/Olympus' }] });
  });

  it('with no valid candidate at all the zone is UTC, labelled as a fallback', () => {
    expect(resolveFacilityZone({ configZone: 'nope', userChoice: undefined, browserZone: 'also nope' })).toEqual({
      zone: 'UTC',
      from: 'fallback-utc',
      rejected: [
        { from: 'ehr-config', value: 'nope' },
        { from: 'browser', value: 'also nope' },
      ],
    });
  });

  it('surrounding spaces in a configured zone are trimmed', () => {
    expect(resolveFacilityZone({ configZone: ' Europe/London ' })).toMatchObject({ zone: 'Europe/London', from: 'ehr-config' });
  });
});
