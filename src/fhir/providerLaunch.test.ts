import { describe, expect, it } from 'vitest';
import { completeLaunch, isProviderLaunch, LaunchError } from './client';
import { validateSmartConfig } from './smart';
import { reasonText } from '../../test/support/reasonText';

const APP = 'http://localhost:8080/app/';
const ready = (tokenResponse: Record<string, unknown>, fhirUser: string | null = null) => async () => ({
  state: { serverUrl: 'http://localhost:8080/fhir', tokenResponse: { access_token: 't', ...tokenResponse } },
  refresh: async () => undefined,
  getFhirUser: () => fhirUser,
});
const launch = (r: ReturnType<typeof ready>) => completeLaunch({ pageHref: `${APP}?code=c&state=s`, storage: { getItem: () => null }, ready: r });

describe('a launch without a patient in context', () => {
  it('with user-level scopes opens the worklist', async () => {
    const out = await launch(ready({ scope: 'launch openid fhirUser user/MedicationRequest.rs user/Patient.rs' }));
    expect(out.kind === 'ready' && out.session.worklist).toBe(true);
    expect(out.kind === 'ready' && out.session.patientId).toBe('');
  });

  it('by a practitioner (fhirUser in the id_token) opens the worklist', async () => {
    const out = await launch(ready({ scope: 'launch openid fhirUser' }, 'http://localhost:8080/fhir/Practitioner/dr-1'));
    expect(out.kind === 'ready' && out.session.worklist).toBe(true);
  });

  it('by a patient-level grant with no practitioner is still refused with a readable message', async () => {
    const err = await launch(ready({ scope: 'launch patient/*.rs' }, 'Patient/p1')).catch((e: unknown) => e);
    expect(reasonText((err as LaunchError).reason)).toMatch(/which patient/);
  });

  it("carries the server's patientBatch setting from the launch configuration into the worklist session", async () => {
    const config = validateSmartConfig({
      defaults: { clientId: 'a', scopeStyle: 'v2' },
      servers: [{ id: 's', label: 'S', issMatch: { exact: 'http://localhost:8080/fhir' }, clientId: 'c', scopeStyle: 'v2', patientBatch: false }],
    });
    if (!config.ok) throw new Error(config.errors.join());
    const out = await completeLaunch({ pageHref: `${APP}?code=c&state=s`, storage: { getItem: () => null }, ready: ready({ scope: 'launch user/*.rs' }), launchConfig: Promise.resolve(config.config) });
    expect(out.kind === 'ready' && out.session.patientBatch).toBe(false);
  });

  it('a patient launch is not a worklist launch even when user scopes were granted', async () => {
    const out = await launch(ready({ patient: 'p1', scope: 'user/*.rs' }));
    expect(out.kind === 'ready' && out.session.worklist).toBeUndefined();
    expect(isProviderLaunch('patient/*.rs', 'RelatedPerson/r1')).toBe(false);
  });
});
