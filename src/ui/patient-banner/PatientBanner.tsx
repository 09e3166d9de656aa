/**
 * The patient banner (name, date of birth, age, sex, identifier) and the compact print-only header. The banner is
 * hidden when the EHR said need_patient_banner: false (it shows its own); the print header is always rendered, so a
 * printout always says whose record it is.
 */
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../domain/time';
import { useAppContext } from '../app/AppContext';
import { usePatient } from '../record/useClinicalRecord';
import { summarisePatient, UNKNOWN, type PatientSummary } from './patientBannerViewModel';

function usePatientSummary() {
  const { facilityZone, clock } = useAppContext();
  const state = usePatient();
  const summary: PatientSummary | undefined = state.status === 'ready' ? summarisePatient(state.patient, clock.now(), facilityZone) : undefined;
  return { state, summary };
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
  const { state, summary } = usePatientSummary();
  return (
    <>
      <PrintHeader summary={summary} />
      {needPatientBanner && (
        <section className="patient-banner no-print" aria-label="Patient">
          {state.status === 'loading' && (
            <p role="status" className="banner-loading">
              Loading patient details…
            </p>
          )}
          {state.status === 'error' && (
            <p role="alert" className="banner-error">
              Patient details could not be loaded: {state.reason}.
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

/** The line printed at the top of every page: whose record, and when it was printed. */
export function printHeaderLine(summary: PatientSummary | undefined, printedAt: string): string {
  const id = summary?.identifier ? `${summary.identifier.label} ${summary.identifier.value}` : `MRN ${UNKNOWN}`;
  return `${summary?.name ?? UNKNOWN} · Date of birth ${summary?.birthDate ?? UNKNOWN} · ${id} · Printed ${printedAt}`;
}

/**
 * A CSS string literal that record text cannot end: every character other than letters, digits, spaces and plain
 * punctuation is written as a CSS hex escape (quotes, backslashes, and the form feed, which CSS counts as a newline).
 */
const cssString = (s: string) => `"${s.replace(/[^\p{L}\p{N} .,:;'()/+-]/gu, (c) => `\\${(c.codePointAt(0) ?? 0xfffd).toString(16)} `)}"`;

/** The print time, refreshed when the browser is about to print (from the injected clock). */
function usePrintTime(): number {
  const { clock } = useAppContext();
  const [at, setAt] = useState(() => clock.now());
  useEffect(() => {
    const update = () => setAt(clock.now());
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, [clock]);
  return at;
}

/**
 * Print-only: name, date of birth, identifier and print time. Hidden on screen (class print-only). The same line is
 * put in the page's top margin box (CSS @page @top-left, supported by Chromium), so it repeats on every A4 page.
 */
export function PrintHeader({ summary }: { summary: PatientSummary | undefined }) {
  const { facilityZone } = useAppContext();
  const printedAt = formatDateTime(usePrintTime(), facilityZone);
  const line = printHeaderLine(summary, printedAt);
  return (
    <div className="print-only print-header" data-testid="print-header">
      <style>{`@media print { @page { size: A4; margin: 16mm 11mm 14mm; @top-left { content: ${cssString(line)}; font-size: 8.5pt; } } }`}</style>
      <strong>{summary?.name ?? UNKNOWN}</strong>
      {' · Date of birth '}
      {summary ? <BirthDate s={summary} /> : UNKNOWN}
      {' · '}
      {summary?.identifier ? `${summary.identifier.label} ` : 'MRN '}
      {summary ? <IdentifierText s={summary} /> : UNKNOWN}
      {` · Printed ${printedAt}`}
    </div>
  );
}
