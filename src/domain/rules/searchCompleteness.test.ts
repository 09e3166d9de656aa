import { describe, expect, it } from 'vitest';
import { FINDING_GROUPS, plannedEventSearch, searchesRead } from './searchCompleteness';
import { reason } from '../reasons';

describe('plannedEventSearch', () => {
  const ok = { status: 'complete' as const };
  it('is complete only when procedures, service requests, appointments and encounters were all read', () => {
    expect(plannedEventSearch({ procedures: ok, 'service-requests': ok, appointments: ok, encounters: ok })).toEqual({ complete: true, problems: [] });
  });
  it('an Appointment search the server refused is named with its reason', () => {
    const r = plannedEventSearch({ procedures: ok, 'service-requests': ok, appointments: { status: 'unavailable', reason: reason('fhir.refused', { type: 'Appointment', status: 403, scopesMissing: false }) }, encounters: ok });
    expect(r).toEqual({ complete: false, problems: [{ group: 'appointments', status: 'unavailable', reason: reason('fhir.refused', { type: 'Appointment', status: 403, scopesMissing: false }) }] });
  });
  it('a group that was never read is not taken as complete', () => {
    expect(plannedEventSearch({ procedures: ok, 'service-requests': ok, appointments: ok }).problems).toEqual([{ group: 'encounters', status: 'not-read' }]);
  });
});

describe('searchesRead', () => {
  it('names every finding search that was not complete', () => {
    const groups = Object.fromEntries(FINDING_GROUPS.map((g) => [g, { status: 'complete' as const }]));
    expect(searchesRead(groups, FINDING_GROUPS)).toEqual({ complete: true, problems: [] });
    const r = searchesRead({ ...groups, conditions: { status: 'incomplete', reason: reason('fhir.page-failed', { page: 3, type: 'Condition', why: 'test' }) } }, FINDING_GROUPS);
    expect(r).toEqual({ complete: false, problems: [{ group: 'conditions', status: 'incomplete', reason: reason('fhir.page-failed', { page: 3, type: 'Condition', why: 'test' }) }] });
  });
});
