import { beforeAll, describe, expect, it, vi } from 'vitest';
import { reason } from '../../domain/reasons';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, type LaunchedSession } from './App';
import { AppRoot } from './AppRoot';
import { loadPatientView } from './lazyViews';
import { FhirHttpError, SessionExpiredError } from '../../fhir/errors';
import { LaunchError, type FhirRequester, type LaunchOutcome } from '../../fhir/client';
import { parseScopes } from '../../fhir/scopes';
import { fixedClock } from '../../domain/time';

const NOW = Date.UTC(2026, 10, 25, 9, 0);
const APP = 'http://localhost:8080/app/';
const patient: fhir4.Patient = { resourceType: 'Patient', id: 'p1', name: [{ given: ['Olivia'], family: 'Marchetti' }], birthDate: '1995-04-03', gender: 'female' };

const emptySearch: fhir4.Bundle = { resourceType: 'Bundle', type: 'searchset', entry: [] };
const capability = { resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'], date: '2026-01-01' };

/** A tiny fake FHIR server: the Patient read answers `readPatient`, metadata a CapabilityStatement, searches nothing. */
function fakeServer(readPatient: () => Promise<unknown>): FhirRequester['get'] {
  return async (url: string) => {
    if (/(^|\/)Patient\/p1$/.test(url)) return readPatient();
    if (/(^|\/)metadata$/.test(url)) return capability;
    return emptySearch;
  };
}
const patientCalls = (get: ReturnType<typeof vi.fn>) => get.mock.calls.filter(([u]) => /Patient\/p1$/.test(String(u))).length;

function session(get: FhirRequester['get'], extra: Partial<LaunchedSession> = {}): LaunchedSession {
  return {
    requester: { serverUrl: 'http://localhost:8080/fhir', get: vi.fn(get) },
    patientId: 'p1',
    needPatientBanner: true,
    grantedScopes: parseScopes('launch openid fhirUser online_access patient/Patient.rs patient/Observation.rs'),
    ...extra,
  };
}

// The patient view is its own chunk in the app (fetched from the start); here it is loaded once up front so the
// tests' waits are about the record, not about transforming the view's modules.
beforeAll(async () => {
  await loadPatientView();
});

describe('App', () => {
  it('renders the banner and the main view for the launched patient', async () => {
    render(<App session={session(fakeServer(async () => patient))} clock={fixedClock(NOW)} initialZone="Europe/London" />);
    const banner = screen.getByRole('region', { name: 'Patient' });
    expect(await within(banner).findByText('Olivia Marchetti')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'LMWH Monitor' })).toBeInTheDocument();
    // The record view, once read: an empty record says what is missing rather than showing defaults.
    expect(await screen.findByRole('heading', { name: 'Scheduled procedures and delivery' })).toBeInTheDocument();
    expect(screen.getAllByText(/No D-dimer result/).length).toBeGreaterThan(0);
  });

  it('a SessionExpiredError from a query replaces the app with the relaunch message', async () => {
    render(
      <App
        session={session(async () => {
          throw new SessionExpiredError();
        })}
        clock={fixedClock(NOW)}
      />,
    );
    expect(await screen.findByRole('heading', { name: 'Your session has ended' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your session has ended: relaunch LMWH Monitor from the EHR.');
    expect(screen.queryByRole('region', { name: 'Patient' })).not.toBeInTheDocument();
  });

  it('a 404 is not retried and does not end the session', async () => {
    const get = vi.fn(
      fakeServer(async () => {
        throw new FhirHttpError(404, 'The FHIR server answered 404 to the Patient read.');
      }),
    );
    render(<App session={session(get)} clock={fixedClock(NOW)} />);
    const banner = screen.getByRole('region', { name: 'Patient' });
    expect(await within(banner).findByRole('alert')).toHaveTextContent('404');
    await screen.findByRole('heading', { name: 'Scheduled procedures and delivery' });
    // Read once, by the record loader (the banner shows it from the record); not retried.
    expect(patientCalls(get)).toBe(1);
    expect(screen.queryByText('Your session has ended')).not.toBeInTheDocument();
  });

  it('the one Reload record control in the toolbar reads the patient again', async () => {
    const get = vi.fn(fakeServer(async () => patient));
    render(<App session={session(get)} clock={fixedClock(NOW)} />);
    await within(screen.getByRole('region', { name: 'Patient' })).findByText('Olivia Marchetti');
    await screen.findByRole('heading', { name: 'Scheduled procedures and delivery' });
    const before = patientCalls(get);
    // One reload control on the page (the toolbar's), not one in the header and another in the patient view.
    expect(screen.getAllByRole('button', { name: /Reload|Reading/ })).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Reload record' }));
    await vi.waitFor(() => expect(patientCalls(get)).toBeGreaterThan(before));
  });

  it('the facility time zone is a setting, defaulting to the given zone, changed in React state', async () => {
    render(<App session={session(fakeServer(async () => patient))} clock={fixedClock(NOW)} initialZone="Europe/London" />);
    const select = screen.getByLabelText('Facility time zone');
    expect(select).toHaveValue('Europe/London');
    expect(screen.getByText('UTC', { selector: '.setting-note' })).toBeInTheDocument(); // London's offset in November
    await userEvent.selectOptions(select, 'America/New_York');
    expect(select).toHaveValue('America/New_York');
    expect(screen.getByText('UTC-05:00', { selector: '.setting-note' })).toBeInTheDocument();
  });

  it('shows what access the EHR reported, for display only', async () => {
    render(<App session={session(fakeServer(async () => patient))} clock={fixedClock(NOW)} />);
    await userEvent.click(screen.getByText('Access granted by the EHR'));
    expect(screen.getByText('Observation: read')).toBeInTheDocument();
    expect(screen.getByText('Procedure: not in the granted scopes')).toBeInTheDocument();
    expect(screen.getByText('Refresh: online_access granted')).toBeInTheDocument();
  });
});

describe('AppRoot', () => {
  const never = new Promise<LaunchOutcome>(() => undefined);

  it('shows an accessible launching status while the launch completes', () => {
    render(<AppRoot launch={never} appPageHref={APP} />);
    expect(screen.getByRole('status')).toHaveTextContent('Connecting to the EHR');
  });

  it('opened directly: explains how to launch, with a link to the launch page', async () => {
    render(<AppRoot launch={Promise.resolve({ kind: 'no-launch' })} appPageHref={`${APP}?x=1`} />);
    expect(await screen.findByRole('heading', { name: 'LMWH Monitor has to be launched' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Choose a FHIR server and a patient' })).toHaveAttribute('href', 'http://localhost:8080/app/launch/');
    expect(screen.getByText('http://localhost:8080/app/launch/')).toBeInTheDocument();
  });

  it('a launch error is shown as a message, without a stack', async () => {
    const err = new LaunchError(reason('launch.no-patient'));
    render(<AppRoot launch={Promise.reject(err)} appPageHref={APP} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The EHR did not say which patient LMWH Monitor was opened for.');
    expect(document.body.textContent).not.toMatch(/at .*\(|LaunchError/);
  });

  it('a completed launch renders the app with the granted scopes parsed', async () => {
    const s = session(fakeServer(async () => patient));
    const outcome: LaunchOutcome = {
      kind: 'ready',
      session: { requester: s.requester, patientId: 'p1', needPatientBanner: true, grantedScope: 'launch patient/*.read' },
    };
    render(<AppRoot launch={Promise.resolve(outcome)} appPageHref={APP} clock={fixedClock(NOW)} />);
    expect(await within(await screen.findByRole('region', { name: 'Patient' })).findByText('Olivia Marchetti')).toBeInTheDocument();
    await userEvent.click(screen.getByText('Access granted by the EHR'));
    expect(screen.getByText('Procedure: read')).toBeInTheDocument();
  });
});
