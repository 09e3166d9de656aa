/**
 * The patient banner (name, date of birth, age, sex, identifier) and the compact print-only header. The banner is
 * hidden when the EHR said need_patient_banner: false (it shows its own); the print header is always rendered, so a
 * printout always says whose record it is.
 */
import { useEffect, useState } from 'react';
import { useAppContext } from '../app/AppContext';
import { useDocumentStyleSheet } from '../common/documentStyleSheet';
import { useMessages } from '../messages/MessagesProvider';
import { usePatient } from '../record/recordQuery';
import { printHeaderLine, summarisePatient, type PatientSummary } from './patientBannerViewModel';

function usePatientSummary() {
  const { clock } = useAppContext();
  const m = useMessages();
  const state = usePatient();
  const summary: PatientSummary | undefined = state.status === 'ready' ? summarisePatient(state.patient, clock.now(), m) : undefined;
  return { state, summary };
}

function BirthDate({ s }: { s: PatientSummary }) {
  return s.birthDateIso ? <time dateTime={s.birthDateIso}>{s.birthDate}</time> : <>{s.birthDate}</>;
}

function IdentifierText({ s }: { s: PatientSummary }) {
  const m = useMessages();
  if (!s.identifier) return <>{m.t('common.unknown')}</>;
  return (
    <>
      {s.identifier.value} <span className="banner-system">({s.identifier.system})</span>
    </>
  );
}

/** The on-screen banner, plus the print header. */
export function PatientBanner() {
  const { needPatientBanner } = useAppContext();
  const m = useMessages();
  const { state, summary } = usePatientSummary();
  return (
    <>
      <PrintHeader summary={summary} />
      {needPatientBanner && (
        <section className="patient-banner no-print" aria-label={m.t('patientBanner.label')}>
          {state.status === 'loading' && (
            <p role="status" className="banner-loading">
              {m.t('patientBanner.loading')}
            </p>
          )}
          {state.status === 'error' && (
            <p role="alert" className="banner-error">
              {m.t('patientBanner.error', { reason: m.reason(state.reason) })}
            </p>
          )}
          {summary && (
            <>
              <p className="banner-name" data-record-text="">{summary.name}</p>
              <dl className="banner-fields">
                <div>
                  <dt>{m.t('patientBanner.dateOfBirth')}</dt>
                  <dd>
                    <BirthDate s={summary} />
                  </dd>
                </div>
                <div>
                  <dt>{m.t('patientBanner.age')}</dt>
                  <dd>{summary.age}</dd>
                </div>
                <div>
                  <dt>{m.t('patientBanner.sex')}</dt>
                  <dd>{summary.sex}</dd>
                </div>
                <div>
                  <dt>{summary.identifier?.label ?? m.t('patientBanner.mrn')}</dt>
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

/**
 * A CSS string literal that record text cannot end: every character other than letters, digits, spaces and plain
 * punctuation is written as a CSS hex escape (quotes, backslashes, and the form feed, which CSS counts as a newline).
 */
const cssString = (s: string) => `"${s.replace(/[^\p{L}\p{N} .,:;'()/+-]/gu, (c) => `\\${(c.codePointAt(0) ?? 0xfffd).toString(16)} `)}"`;

/** The @page rule that repeats `line` in the top margin box of every printed A4 page. */
export const printPageCss = (line: string) => `@media print { @page { size: A4; margin: 16mm 11mm 14mm; @top-left { content: ${cssString(line)}; font-size: 8.5pt; } } }`;

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
  const m = useMessages();
  const printedAt = m.instant(usePrintTime());
  const line = printHeaderLine(summary, printedAt, m);
  const unknown = m.t('common.unknown');
  // Applied through the CSSOM: the Content-Security-Policy blocks a <style> element (no 'unsafe-inline').
  useDocumentStyleSheet(printPageCss(line));
  return (
    <div className="print-only print-header" data-testid="print-header">
      <strong>{summary?.name ?? unknown}</strong>
      {` · ${m.t('patientBanner.dateOfBirth')} `}
      {summary ? <BirthDate s={summary} /> : unknown}
      {' · '}
      {`${summary?.identifier?.label ?? m.t('patientBanner.mrn')} `}
      {summary ? <IdentifierText s={summary} /> : unknown}
      {` · ${m.t('patientBanner.printed', { printedAt })}`}
    </div>
  );
}
