import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { App, createAppQueryClient, type LaunchedSession } from '../app/App';
import { loadPatientView } from '../app/lazyViews';
import type { FhirRequester } from '../../fhir/client';
import { parseScopes } from '../../fhir/scopes';
import { fixedClock } from '../../domain/time';

const NOW = Date.UTC(2026, 10, 25, 9, 0);
const patient: fhir4.Patient = { resourceType: 'Patient', id: 'p1', name: [{ given: ['Olivia'], family: 'Marchetti' }], birthDate: '1995-04-03', gender: 'female' };
const capability = { resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'], date: '2026-01-01' };

function ddimer(unit: string, value: number): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id: 'dd1',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '48065-7', display: 'Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2026-11-20T08:40:00Z',
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}

/** A fake FHIR server whose Observation searches answer one D-dimer result; everything else is empty. */
function session(observation: fhir4.Observation): LaunchedSession {
  const get: FhirRequester['get'] = async (url: string) => {
    if (/(^|\/)Patient\/p1$/.test(url)) return patient;
    if (/(^|\/)metadata$/.test(url)) return capability;
    const entry = /(^|\/)Observation\?/.test(url) ? [{ resource: observation, search: { mode: 'match' } }] : [];
    return { resourceType: 'Bundle', type: 'searchset', entry };
  };
  return {
    requester: { serverUrl: 'http://localhost:8080/fhir', get: vi.fn(get) },
    patientId: 'p1',
    needPatientBanner: true,
    grantedScopes: parseScopes('launch openid fhirUser online_access patient/*.rs'),
  };
}

beforeAll(async () => {
  await loadPatientView();
});

describe('UCUM is loaded only when a unit needs it', () => {
  it('a D-dimer in mg/L is read with the built-in unit table: the record shows and UCUM is never fetched', async () => {
    const client = createAppQueryClient();
    render(<App session={session(ddimer('mg/L', 0.62))} clock={fixedClock(NOW)} initialZone="Europe/London" queryClient={client} />);
    expect(await screen.findByRole('region', { name: 'Summary' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getAllByText('620 ng/mL FEU').length).toBeGreaterThan(0);
    expect(client.getQueryState(['ucum'])?.fetchStatus ?? 'idle').toBe('idle');
    expect(client.getQueryState(['ucum'])?.status ?? 'pending').toBe('pending');
  });

  it('a D-dimer in ug/dL (outside the table) loads UCUM and is converted by it', async () => {
    const client = createAppQueryClient();
    render(<App session={session(ddimer('ug/dL', 62))} clock={fixedClock(NOW)} initialZone="Europe/London" queryClient={client} />);
    expect(await screen.findByRole('region', { name: 'Summary' }, { timeout: 10_000 })).toBeInTheDocument();
    await waitFor(() => expect(client.getQueryState(['ucum'])?.status).toBe('success'));
    expect(screen.getAllByText('620 ng/mL FEU').length).toBeGreaterThan(0);
  });
});
