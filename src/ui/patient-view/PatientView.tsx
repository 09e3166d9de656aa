/**
 * The patient view, in the order a clinician reads it: stop-now alerts, the summary (gestation today, dating, active
 * LMWH, next planned event), what could not be read, the D-dimer timeline, the stop criteria beside each planned
 * event, the coagulation panel, the medications, indications and cautions found in the record, copy to note, and
 * the records left out. Loading and error states are explicit; nothing shows a default in place of data. The patient
 * dose calendar (its own chunk) opens in place of the record view from a button beside the "as read on" line.
 */
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { isQuietRecord } from './quietRecord';
import { FhirHttpError, FhirNetworkError } from '../../fhir/errors';
import { useMessages } from '../messages/MessagesProvider';
import type { MessageKey } from '../messages/catalogue';
import { formatInstant } from '../format/displayTime';
import { useClinicalRecord } from '../record/useClinicalRecord';
import { DataAvailability } from '../record/DataAvailability';
import { SectionGate, SECTION_GROUPS } from '../record/SectionGate';
import type { QueryGroup } from '../../domain/input';
import { StopNowBanner } from '../stop-now/StopNowBanner';
import { PlanStrip } from '../plan-strip/PlanStrip';
import { useAppContext } from '../app/AppContext';
import { resolveFacilityZone } from '../../domain/facilityZone';
import { PatientSummary } from '../summary/PatientSummary';
import { Timeline } from '../timeline/Timeline';
import { IvfCyclePanel } from '../ivf-cycle/IvfCyclePanel';
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
import './print.css';

/** The patient's dose calendar: its own chunk, loaded when it is opened. */
const LazyDoseCalendar = lazy(() => import('../dose-calendar/DoseCalendar').then((mod) => ({ default: mod.DoseCalendar })));

// Below the fold and collapsed: its own chunk, fetched after the view renders.
const AboutEvidence = lazy(() => import('../evidence/AboutEvidence'));

/** The catalogue key (and status) for an error while reading the record (no URLs, no patient data). */
export function recordErrorMessage(error: unknown): { key: MessageKey; status?: number } {
  if (error instanceof FhirHttpError) {
    if (error.status === 403) return { key: 'patientView.error.forbidden' };
    if (error.status === 404) return { key: 'patientView.error.notFound' };
    return { key: 'patientView.error.http', status: error.status };
  }
  if (error instanceof FhirNetworkError) return { key: 'patientView.error.network' };
  return { key: 'patientView.error.other' };
}

const SKELETON_TITLES = ['patientView.skeleton.summary', 'patientView.skeleton.ddimer', 'patientView.skeleton.events', 'patientView.skeleton.coag'] as const;

function Skeleton() {
  const m = useMessages();
  return (
    <div className="patient-view__loading" aria-busy="true">
      <p role="status">{m.t('patientView.loading')}</p>
      {SKELETON_TITLES.map((key) => m.t(key)).map((title) => (
        <section key={title} className="skeleton-block" aria-hidden="true">
          <div className="skeleton-line skeleton-line--title" />
          <div className="skeleton-line" />
          <div className="skeleton-line skeleton-line--short" />
        </section>
      ))}
    </div>
  );
}

interface LoadedProps {
  record: ClinicalRecord;
  loadingGroups: readonly QueryGroup[];
  sessionExpired: boolean;
  retryGroup: (group: QueryGroup) => void;
}

/**
 * The dose calendar in place of the record view while it is open (the what-if events, held above, are kept); closing
 * it puts the focus back on the control that opened it.
 */
function useDoseCalendar() {
  const [state, setState] = useState<'never-opened' | 'open' | 'closed'>('never-opened');
  return { open: state === 'open', returned: state === 'closed', show: () => setState('open'), close: () => setState('closed') };
}

/** The control that opens the calendar; it takes the focus back when the calendar closes. */
function DoseCalendarButton({ onOpen, takeFocus }: { onOpen: () => void; takeFocus: boolean }) {
  const m = useMessages();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);
  return (
    <button type="button" className="button no-print" ref={ref} onClick={onOpen}>
      {m.t('doseCalendar.open')}
    </button>
  );
}

function Loaded(props: LoadedProps) {
  const whatIf = useWhatIfEvents();
  const calendar = useDoseCalendar();
  const m = useMessages();
  if (calendar.open) {
    return (
      <Suspense fallback={<p aria-busy="true">{m.t('patientView.loading')}</p>}>
        <LazyDoseCalendar record={props.record} onClose={calendar.close} />
      </Suspense>
    );
  }
  return <RecordSections {...props} whatIf={whatIf} calendar={calendar} />;
}

/** A record with nothing to act on keeps its sections one click away, so the first screen holds the whole answer. */
function QuietFold({ quiet, children }: { quiet: boolean; children: ReactNode }) {
  const m = useMessages();
  if (!quiet) return <>{children}</>;
  return (
    <details className="patient-view__quiet">
      <summary>{m.t('patientView.quiet.summary')}</summary>
      {children}
    </details>
  );
}

function RecordSections({ record, loadingGroups: loading, sessionExpired, retryGroup, whatIf, calendar }: LoadedProps & { whatIf: ReturnType<typeof useWhatIfEvents>; calendar: ReturnType<typeof useDoseCalendar> }) {
  const whatIfCards = useWhatIfCards(whatIf.events, record.rules.context);
  useLaunchFocus(record, whatIf);
  const all = SECTION_GROUPS.all;
  const m = useMessages();
  const app = useAppContext();
  const zoneUsed = app.facilityZoneFrom ? { zone: record.zone, from: app.facilityZoneFrom, rejected: [] } : resolveFacilityZone({ browserZone: record.zone });
  return (
    <>
      {sessionExpired && (
        <p role="alert" className="patient-view__expired">
          {m.t('patientView.sessionExpired')}
        </p>
      )}
      <SectionGate title={m.t('patientView.section.stopNow')} groups={SECTION_GROUPS.firstScreen} loading={loading}>
        <StopNowBanner record={record} />
      </SectionGate>
      <SectionGate title={m.t('planStrip.title')} groups={SECTION_GROUPS.firstScreen} loading={loading}>
        <PlanStrip record={record} facilityZone={zoneUsed} />
      </SectionGate>
      <div className="patient-view__asof">
        <span>
          {m.t('patientView.readOn')} <time dateTime={new Date(record.nowMs).toISOString()}>{formatInstant(record.nowMs, record.zone, m.locale)}</time>
          {m.t('patientView.zone', { zone: record.zone })}
        </span>
        {/* A calendar needs an LMWH order to schedule; without one the button would only open an apology. */}
        {record.plan.order && <DoseCalendarButton onOpen={calendar.show} takeFocus={calendar.returned} />}
      </div>
      <SectionGate title={m.t('patientView.section.summary')} groups={SECTION_GROUPS.summary} loading={loading}>
        <PatientSummary record={record} />
      </SectionGate>
      <DataAvailability record={record} loadingGroups={loading} {...(sessionExpired || loading.length > 0 ? {} : { onRetry: retryGroup })} />
      <IvfCyclePanel record={record} loading={loading} />
      <QuietFold quiet={loading.length === 0 && isQuietRecord(record)}>
        <SectionGate title={m.t('patientView.section.timeline')} groups={SECTION_GROUPS.timeline} loading={loading}>
          <Timeline record={record} />
        </SectionGate>
        <SectionGate title={m.t('patientView.section.stopCriteria')} groups={all} loading={loading}>
          <StopCriteriaSection record={record} whatIf={whatIf} />
        </SectionGate>
        <SectionGate title={m.t('patientView.section.coagulation')} groups={SECTION_GROUPS.coagulation} loading={loading}>
          <CoagPanel record={record} />
        </SectionGate>
        <SectionGate title={m.t('patientView.section.medications')} groups={SECTION_GROUPS.medications} loading={loading}>
          <MedicationList record={record} />
        </SectionGate>
        <SectionGate title={m.t('patientView.section.indications')} groups={all} loading={loading}>
          <IndicationsPanel record={record} />
          <CautionsPanel record={record} />
          <CopyToNote record={record} extraCards={whatIfCards} />
          <ExclusionsReport exclusions={record.exclusions} dropped={record.dropped} />
          <Suspense fallback={null}>
            <AboutEvidence />
          </Suspense>
        </SectionGate>
      </QuietFold>
    </>
  );
}

export function PatientView(): ReactNode {
  const state = useClinicalRecord();
  const m = useMessages();
  const error = state.status === 'error' ? recordErrorMessage(state.error) : undefined;
  return (
    <section className="patient-view" aria-labelledby="patient-view-heading">
      {/* The app header already shows the name: the heading stays for screen readers and the outline, shown once. */}
      <h1 id="patient-view-heading" className="visually-hidden">
        {m.t('patientView.title')}
      </h1>
      <details className="information-only">
        <summary>{m.t('planStrip.disclaimer')}</summary>
        <p>{m.t('copyToNote.informationOnly')}</p>
      </details>
      {/* On paper the disclosure is hidden like every control: the full note prints instead. */}
      <p className="print-only information-only">{m.t('copyToNote.informationOnly')}</p>
      {state.status === 'loading' && <Skeleton />}
      {state.status === 'error' && (
        <div className="patient-view__error" role="alert">
          <p>{error && m.t(error.key, { status: error.status })}</p>
          <button type="button" className="button" onClick={state.retry}>
            {m.t('patientView.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <Loaded
          record={state.record}
          loadingGroups={state.loadingGroups}
          sessionExpired={state.sessionExpired}
          retryGroup={state.retryGroup}
        />
      )}
    </section>
  );
}
