/**
 * The patient view renders each part as soon as its own data is in, names a part that failed with a way to read it
 * again alone, and keeps what was read when the session ends mid-load.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, type LaunchedSession } from '../app/App';
import { FhirHttpError, SessionExpiredError } from '../../fhir/errors';
import type { FhirRequester } from '../../fhir/client';
import { parseScopes } from '../../fhir/scopes';
import { fixedClock } from '../../domain/time';

const NOW = Date.UTC(2026, 10, 25, 9, 0);
const patient: fhir4.Patient = { resourceType: 'Patient', id: 'p1', name: [{ given: ['Olivia'], family: 'Marchetti' }], birthDate: '1995-04-03', gender: 'female' };
const emptySearch: fhir4.Bundle = { resourceType: 'Bundle', type: 'searchset', entry: [] };

/** Answers the Patient read and empty searches; `encounter` decides the Encounter search. */
function server(encounter: () => Promise<unknown>): FhirRequester['get'] {
  return async (url: string) => {
    if (/^Patient\/p1$/.test(url)) return patient;
    if (url === 'metadata') throw new FhirHttpError(404, 'no metadata');
    if (url.startsWith('Encounter?')) return encounter();
    return emptySearch;
  };
}

function session(get: FhirRequester['get']): LaunchedSession & { requester: { get: ReturnType<typeof vi.fn> } } {
  return {
    requester: { serverUrl: 'http://localhost:8080/fhir', get: vi.fn(get) },
    patientId: 'p1',
    needPatientBanner: true,
    grantedScopes: parseScopes('launch patient/*.rs'),
  };
}

describe('progressive patient view', () => {
  it('shows the medications while the Encounter search is still out, and the planned-event parts once it is in', async () => {
    let release: (v: unknown) => void = () => undefined;
    const pending = new Promise((r) => (release = r));
    render(<App session={session(server(() => pending))} clock={fixedClock(NOW)} initialZone="Europe/London" />);
    // The first render waits for the unit library (loaded lazily), hence the longer wait.
    expect(await screen.findByRole('heading', { name: 'Anticoagulant medication' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText('Still reading from the EHR: Encounters.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('region', { name: 'Scheduled procedures and delivery' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('heading', { name: 'Scheduled procedures and delivery' })).not.toBeInTheDocument();
    release(emptySearch);
    expect(await screen.findByRole('heading', { name: 'Scheduled procedures and delivery' })).toBeInTheDocument();
    expect(screen.queryByText(/Still reading from the EHR/)).not.toBeInTheDocument();
  });

  it('a failed part is named with a Try again that reads only that part', async () => {
    let fail = true;
    const s = session(
      server(async () => {
        if (fail) throw new FhirHttpError(500, 'boom');
        return emptySearch;
      }),
    );
    render(<App session={s} clock={fixedClock(NOW)} initialZone="Europe/London" />);
    const problems = await screen.findByRole('region', { name: 'Part of the record could not be read' }, { timeout: 10_000 });
    expect(within(problems).getByText('Encounters')).toBeInTheDocument();
    expect(problems).toHaveTextContent('the server failed on the Encounter search (500)');
    const before = s.requester.get.mock.calls.length;
    fail = false;
    await userEvent.click(within(problems).getByRole('button', { name: 'Try again: Encounters' }));
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: 'Part of the record could not be read' })).not.toBeInTheDocument());
    const again = s.requester.get.mock.calls.slice(before).map(([u]) => String(u));
    expect(again.filter((u) => u !== 'metadata')).toEqual([expect.stringMatching(/^Encounter\?/)]);
  });

  it('the request timeout configured for the server names a search that never answers, with that timeout', async () => {
    const s = { ...session(server(() => new Promise(() => undefined))), requestTimeoutMs: 1_000 };
    render(<App session={s} clock={fixedClock(NOW)} initialZone="Europe/London" />);
    const problems = await screen.findByRole('region', { name: 'Part of the record could not be read' }, { timeout: 10_000 });
    expect(problems).toHaveTextContent('no answer to the Encounter search within 1 s');
    expect(within(problems).getByRole('button', { name: 'Try again: Encounters' })).toBeInTheDocument();
  });

  it('a session that ends mid-load keeps what was read on screen and says to relaunch', async () => {
    render(<App session={session(server(() => Promise.reject(new SessionExpiredError())))} clock={fixedClock(NOW)} initialZone="Europe/London" />);
    expect(await screen.findByText(/Your session has expired: relaunch LMWH Monitor from the EHR/, undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Patient' })).getByText('Olivia Marchetti')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your session has ended' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Try again:/ })).not.toBeInTheDocument();
  });
});
