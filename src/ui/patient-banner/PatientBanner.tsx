/**
 * The patient banner (name, date of birth, age, sex, identifier) and the compact print-only header. The banner is
 * hidden when the EHR said need_patient_banner: false (it shows its own); the print header is always rendered, so a
 * printout always says whose record it is.
 */
import { useQuery } from '@tanstack/react-query';
import { useAppContext } from '../app/AppContext';
import { FhirHttpError } from '../../fhir/errors';
import { patientQueryOptions } from './patientQuery';
import { summarisePatient, UNKNOWN, type PatientSummary } from './patientSummary';

function usePatientSummary() {
  const { requester, patientId, facilityZone, clock } = useAppContext();
  const q = useQuery(patientQueryOptions(requester, patientId));
  const summary: PatientSummary | undefined = q.data ? summarisePatient(q.data, clock.now(), facilityZone) : undefined;
  return { q, summary };
}

function errorText(error: unknown): string {
  if (error instanceof FhirHttpError) return `Patient details could not be loaded: ${error.message}`;
  return 'Patient details could not be loaded.';
}

function BirthDate({ s }: { s: PatientSummary }) {
  return s.birthDateIso ? <time dateTime={s.birthDateIso}>{s.birthDate}</time> : <>{s.birthDate}</>;
}

function IdentifierText({ s }: { s: PatientSummary }) {
  if (!s.identifier) return <>{UNKNOWN}</>;
  return (
    <>
      {s.identifier.value} <span className="banner-system">({s.identifier.system})</span>
    </>
  );
}

/** The on-screen banner, plus the print header. */
export function PatientBanner() {
  const { needPatientBanner } = useAppContext();
  const { q, summary } = usePatientSummary();
  return (
    <>
      <PrintHeader summary={summary} />
      {needPatientBanner && (
        <section className="patient-banner no-print" aria-label="Patient">
          {q.isPending && (
            <p role="status" className="banner-loading">
              Loading patient details…
            </p>
          )}
          {q.isError && (
            <p role="alert" className="banner-error">
              {errorText(q.error)}
            </p>
          )}
          {summary && (
            <>
              <p className="banner-name">{summary.name}</p>
              <dl className="banner-fields">
                <div>
                  <dt>Date of birth</dt>
                  <dd>
                    <BirthDate s={summary} />
                  </dd>
                </div>
                <div>
                  <dt>Age</dt>
                  <dd>{summary.age}</dd>
                </div>
                <div>
                  <dt>Sex</dt>
                  <dd>{summary.sex}</dd>
                </div>
                <div>
                  <dt>{summary.identifier?.label ?? 'MRN'}</dt>
                  <dd>
                    <IdentifierText s={summary} />
                  </dd>
                </div>
              </dl>
            </>
          )}
        </section>
      )}
    </>
  );
}

/** Print-only: name, date of birth, identifier. Hidden on screen by the stylesheet (class print-only). */
export function PrintHeader({ summary }: { summary: PatientSummary | undefined }) {
  return (
    <div className="print-only print-header" data-testid="print-header">
      <strong>{summary?.name ?? UNKNOWN}</strong>
      {' · Date of birth '}
      {summary ? <BirthDate s={summary} /> : UNKNOWN}
      {' · '}
      {summary?.identifier ? `${summary.identifier.label} ` : 'MRN '}
      {summary ? <IdentifierText s={summary} /> : UNKNOWN}
    </div>
  );
}
