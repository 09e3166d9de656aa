import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AppContext, type AppContextValue } from '../app/AppContext';
import { PatientBanner, printPageCss } from './PatientBanner';
import { FhirHttpError } from '../../fhir/errors';
import type { FhirRequester } from '../../fhir/client';
import { parseScopes } from '../../fhir/scopes';
import { fixedClock } from '../../domain/time';

const NOW = Date.UTC(2026, 10, 25, 9, 0);
const olivia: fhir4.Patient = {
  resourceType: 'Patient',
  id: 'third-trimester',
  identifier: [{ system: 'https://lmwh-monitor.example/fhir/sid/mrn', value: 'DEMO-1002' }],
  name: [{ use: 'official', family: 'Marchetti', given: ['Olivia', 'Rose'] }],
  gender: 'female',
  birthDate: '1995-04-03',
};

function requesterFor(get: FhirRequester['get']): FhirRequester {
  return { serverUrl: 'http://localhost:1/fhir', get: vi.fn(get) };
}

function renderBanner(requester: FhirRequester, needPatientBanner = true) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const value: AppContextValue = {
    requester,
    patientId: 'third-trimester',
    needPatientBanner,
    grantedScopes: parseScopes('launch patient/*.rs'),
    facilityZone: 'Europe/London',
    setFacilityZone: () => undefined,
    clock: fixedClock(NOW),
  };
  return render(
    <QueryClientProvider client={qc}>
      <AppContext.Provider value={value}>
        <PatientBanner />
      </AppContext.Provider>
    </QueryClientProvider>,
  );
}

describe('PatientBanner', () => {
  it('shows name, date of birth written out, age, sex and the MRN with its system', async () => {
    const requester = requesterFor(async () => olivia);
    renderBanner(requester);
    const banner = screen.getByRole('region', { name: 'Patient' });
    expect(await within(banner).findByText('Olivia Rose Marchetti')).toBeInTheDocument();
    expect(within(banner).getByText('3 Apr 1995')).toHaveAttribute('datetime', '1995-04-03');
    expect(within(banner).getByText('31 years')).toBeInTheDocument();
    expect(within(banner).getByText('Female')).toBeInTheDocument();
    expect(within(banner).getByText('MRN')).toBeInTheDocument();
    expect(within(banner).getByText(/DEMO-1002/)).toBeInTheDocument();
    expect(within(banner).getByText('(https://lmwh-monitor.example/fhir/sid/mrn)')).toBeInTheDocument();
    expect(requester.get).toHaveBeenCalledWith('Patient/third-trimester', expect.objectContaining({ signal: expect.any(AbortSignal) }));
  });

  it('a name carrying CSS (a form feed, quotes, braces) stays inside the print header\'s CSS string', () => {
    const hostile = { ...olivia, name: [{ family: 'Q\f"\\} } } main { display: none } @media print {', given: ['Ada'] }] };
    const css = printPageCss(`${hostile.name?.[0]?.given?.[0]} ${hostile.name?.[0]?.family}`);
    const literal = /content: "(.*)"; font-size: 8\.5pt; \} \} \}$/s.exec(css)?.[1];
    expect(literal).toBeDefined();
    expect(literal).not.toMatch(/["\f\n\r{}<>@]/); // nothing that can end the string or open a rule
    expect(literal).toMatch(/^Ada Q\\c \\22 \\5c \\7d /); // written as CSS escapes instead
  });

  it('never shows a numeric date like 03/04', async () => {
    renderBanner(requesterFor(async () => olivia));
    await within(screen.getByRole('region', { name: 'Patient' })).findByText('Olivia Rose Marchetti');
    expect(document.body.textContent).not.toMatch(/\d{2}\/\d{2}/);
  });

  it('a Patient with only an id shows Unknown for every field, never a blank', async () => {
    renderBanner(requesterFor(async () => ({ resourceType: 'Patient', id: 'third-trimester' })));
    const banner = screen.getByRole('region', { name: 'Patient' });
    await within(banner).findAllByText('Unknown');
    // name, date of birth, age, sex, identifier
    expect(within(banner).getAllByText('Unknown')).toHaveLength(5);
  });

  it('shows a loading status, then the patient', async () => {
    let resolve: (p: unknown) => void = () => undefined;
    const patientRead = new Promise((r) => (resolve = r));
    renderBanner(requesterFor((url) => (url.startsWith('Patient/') ? patientRead : Promise.resolve({ resourceType: 'Bundle', type: 'searchset' }))));
    expect(screen.getByRole('status')).toHaveTextContent('Loading patient details');
    resolve(olivia);
    expect(await within(screen.getByRole('region', { name: 'Patient' })).findByText('Olivia Rose Marchetti')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('a 403 from the EHR is shown as an error, not as an empty banner', async () => {
    renderBanner(
      requesterFor(async () => {
        throw new FhirHttpError(403, 'The FHIR server answered 403 to the Patient read.');
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Patient details could not be loaded: the server refused Patient (403).');
  });

  it('a Patient read answered with another patient is an error, never that patient\'s name', async () => {
    renderBanner(requesterFor(async () => ({ ...olivia, id: 'someone-else' })));
    expect(await screen.findByRole('alert')).toHaveTextContent('Patient details could not be loaded: the server answered the Patient read with a different patient.');
    expect(screen.queryByText('Olivia Rose Marchetti')).not.toBeInTheDocument();
  });

  it('need_patient_banner false: no banner, but the print header still names the patient', async () => {
    renderBanner(
      requesterFor(async () => olivia),
      false,
    );
    const print = screen.getByTestId('print-header');
    await within(print).findByText('Olivia Rose Marchetti');
    expect(screen.queryByRole('region', { name: 'Patient' })).not.toBeInTheDocument();
    expect(print).toHaveClass('print-only');
    expect(print).toHaveTextContent('Olivia Rose Marchetti · Date of birth 3 Apr 1995 · MRN DEMO-1002');
  });
});
