import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, type LaunchedSession } from '../app/App';
import { loadPatientView, preloadViewsWhenIdle } from '../app/lazyViews';
import type { FhirRequester } from '../../fhir/client';
import { parseScopes } from '../../fhir/scopes';
import { fixedClock } from '../../domain/time';

// The patient view's download is started through this; spied on to see when the worklist asks for it.
vi.mock('../app/lazyViews', async (importOriginal) => ({ ...(await importOriginal<typeof import('../app/lazyViews')>()), preloadViewsWhenIdle: vi.fn() }));

const NOW = Date.UTC(2026, 10, 25, 9, 0);
const patient: fhir4.Patient = { resourceType: 'Patient', id: 'p1', name: [{ given: ['Olivia'], family: 'Marchetti' }], birthDate: '1995-04-03', gender: 'female' };
const order: fhir4.MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'mr1',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '854235' }], text: 'Enoxaparin 40 mg/0.4 mL' },
  dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 40, unit: 'mg' } }] }],
};
const bundle = (resources: fhir4.Resource[]): fhir4.Bundle => ({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })) });

/** One patient on enoxaparin: found by the cohort search, her record read by the loader. */
const get: FhirRequester['get'] = async (url) => {
  if (/(^|\/)Patient\/p1$/.test(url)) return patient;
  if (/(^|\/)metadata$/.test(url)) return { resourceType: 'CapabilityStatement' };
  if (/^MedicationRequest\?/.test(url)) return bundle([order]);
  return bundle([]);
};

function worklistSession(serverGet: FhirRequester['get'] = get): LaunchedSession {
  return {
    requester: { serverUrl: 'http://localhost:8080/fhir', get: vi.fn(serverGet) },
    patientId: '',
    worklist: true,
    needPatientBanner: true,
    grantedScopes: parseScopes('launch openid fhirUser user/*.rs'),
  };
}

beforeAll(async () => {
  await loadPatientView();
});

describe('worklist launch', () => {
  it('a provider launch shows the worklist; a row opens her view in the app and "Back to worklist" returns to the table', async () => {
    const user = userEvent.setup();
    render(<App session={worklistSession()} clock={fixedClock(NOW)} initialZone="Europe/London" />);
    const table = await screen.findByRole('table', { name: /LMWH worklist/ }, { timeout: 10_000 });
    await screen.findByText('1 of 1 loaded', undefined, { timeout: 10_000 });
    expect(table.textContent).toContain('Enoxaparin 40 mg every 24 h');
    // The list has loaded: the patient view's code is fetched now, so opening her is quick.
    expect(preloadViewsWhenIdle).toHaveBeenCalledTimes(1);
    await user.click(within(table).getByRole('button', { name: 'Olivia Marchetti' }));
    const banner = await screen.findByRole('region', { name: 'Patient' });
    expect(await within(banner).findByText('Olivia Marchetti')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /LMWH worklist/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back to worklist' }));
    expect(await screen.findByRole('table', { name: /LMWH worklist/ })).toBeInTheDocument();
    expect(screen.getByText('1 of 1 loaded')).toBeInTheDocument();
  });

  it('while the list is still loading, the patient view is fetched only once a row is pointed at', async () => {
    vi.mocked(preloadViewsWhenIdle).mockClear();
    const user = userEvent.setup();
    const second: fhir4.MedicationRequest = { ...order, id: 'mr2', subject: { reference: 'Patient/p2' } };
    // p2's record never arrives: the list stays loading after Olivia's row is shown.
    const slow: FhirRequester['get'] = async (url) => {
      if (/(^|\/)Patient\/p2$/.test(url)) return new Promise(() => undefined);
      if (/^MedicationRequest\?status=active&code=/.test(url)) return bundle([order, second]);
      return get(url);
    };
    render(<App session={worklistSession(slow)} clock={fixedClock(NOW)} initialZone="Europe/London" />);
    const table = await screen.findByRole('table', { name: /LMWH worklist/ }, { timeout: 10_000 });
    const name = await within(table).findByRole('button', { name: 'Olivia Marchetti' }, { timeout: 10_000 });
    expect(screen.getByText('1 of 2 loaded')).toBeInTheDocument();
    expect(preloadViewsWhenIdle).not.toHaveBeenCalled();
    await user.hover(name);
    expect(preloadViewsWhenIdle).toHaveBeenCalledTimes(1);
    await user.tab();
    await user.hover(table);
    expect(preloadViewsWhenIdle).toHaveBeenCalledTimes(1);
  });
});
