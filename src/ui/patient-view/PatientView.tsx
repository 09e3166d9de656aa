/**
 * The patient view, in the order a clinician reads it: stop-now alerts, the summary (gestation today, dating, active
 * LMWH, next planned event), what could not be read, the D-dimer timeline, the stop criteria beside each planned
 * event, the coagulation panel, the medications, indications and cautions found in the record, copy to note, and
 * the records left out. Loading and error states are explicit; nothing shows a default in place of data.
 */
import type { ReactNode } from 'react';
import { FhirHttpError, FhirNetworkError } from '../../fhir/errors';
import { formatDateTime } from '../../domain/time';
import { INFORMATION_ONLY_NOTE } from '../../domain/rules';
import { useClinicalRecord } from '../record/useClinicalRecord';
import { DataAvailability } from '../record/DataAvailability';
import { StopNowBanner } from '../stop-now/StopNowBanner';
import { PatientSummary } from '../summary/PatientSummary';
import { Timeline } from '../timeline/Timeline';
import { StopCriteriaSection } from '../stop-criteria/StopCriteriaSection';
import { useWhatIfCards, useWhatIfEvents } from '../stop-criteria/useWhatIfEvents';
import { CoagPanel } from '../coag-panel/CoagPanel';
import { MedicationList } from '../medication-list/MedicationList';
import { IndicationsPanel } from '../indications/IndicationsPanel';
import { CautionsPanel } from '../cautions/CautionsPanel';
import { CopyToNote } from '../copy-to-note/CopyToNote';
import { ExclusionsReport } from '../exclusions/ExclusionsReport';
import { useLaunchFocus } from '../app/launchFocus';
import type { ClinicalRecord } from '../../domain/record';
import './patient-view.css';

/** Words for an error while reading the record (no URLs, no patient data). */
export function describeRecordError(error: unknown): string {
  if (error instanceof FhirHttpError) {
    if (error.status === 403) return 'The EHR refused access to this patient\u2019s record (403).';
    if (error.status === 404) return 'The EHR did not find this patient (404).';
    return `The EHR answered with an error (${error.status}).`;
  }
  if (error instanceof FhirNetworkError) return 'The EHR could not be reached. Check the connection and try again.';
  return 'The record could not be read.';
}

function Skeleton() {
  return (
    <div className="patient-view__loading" aria-busy="true">
      <p role="status">Reading the clinical record from the EHR…</p>
      {['Summary', 'D-dimer across the pregnancy', 'Scheduled procedures and delivery', 'Coagulation panel'].map((title) => (
        <section key={title} className="skeleton-block" aria-hidden="true">
          <div className="skeleton-line skeleton-line--title" />
          <div className="skeleton-line" />
          <div className="skeleton-line skeleton-line--short" />
        </section>
      ))}
    </div>
  );
}

function Loaded({ record, reload, isReloading }: { record: ClinicalRecord; reload: () => void; isReloading: boolean }) {
  const whatIf = useWhatIfEvents();
  const whatIfCards = useWhatIfCards(whatIf.events, record.rules.context);
  useLaunchFocus(record, whatIf);
  return (
    <>
      <StopNowBanner record={record} />
      <div className="patient-view__asof">
        <span>
          Record as read on <time dateTime={new Date(record.nowMs).toISOString()}>{formatDateTime(record.nowMs, record.zone)}</time>; times shown in{' '}
          {record.zone}.
        </span>
        <button type="button" className="button no-print" onClick={reload} disabled={isReloading}>
          {isReloading ? 'Reading…' : 'Reload record'}
        </button>
      </div>
      <PatientSummary record={record} />
      <DataAvailability record={record} />
      <Timeline record={record} />
      <StopCriteriaSection record={record} whatIf={whatIf} />
      <CoagPanel record={record} />
      <MedicationList record={record} />
      <IndicationsPanel record={record} />
      <CautionsPanel record={record} />
      <CopyToNote record={record} extraCards={whatIfCards} />
      <ExclusionsReport exclusions={record.exclusions} dropped={record.dropped} />
    </>
  );
}

export function PatientView(): ReactNode {
  const state = useClinicalRecord();
  return (
    <section className="patient-view" aria-labelledby="patient-view-heading">
      <h1 id="patient-view-heading">LMWH Monitor</h1>
      <p className="information-only">{INFORMATION_ONLY_NOTE}</p>
      {state.status === 'loading' && <Skeleton />}
      {state.status === 'error' && (
        <div className="patient-view__error" role="alert">
          <p>{describeRecordError(state.error)}</p>
          <button type="button" className="button" onClick={state.retry}>
            Try again
          </button>
        </div>
      )}
      {state.status === 'ready' && <Loaded record={state.record} reload={state.reload} isReloading={state.isReloading} />}
    </section>
  );
}
