/**
 * The compact summary at the top: renders the summary view model (summaryViewModel.ts). Each fact with Provenance;
 * unknowns and absences stated with the reason.
 */
import { useMemo } from 'react';
import { Provenance } from '../common/Provenance';
import { UnknownValue } from '../common/UnknownValue';
import { useMessages } from '../messages/MessagesProvider';
import { createMessages } from '../messages/translator';
import { buildSummaryView, type SummarySlice, type SummaryView } from './summaryViewModel';
import './summary.css';

export { nextPlannedEvent } from './summaryViewModel';

function Gestation({ g }: { g: SummaryView['gestation'] }) {
  return (
    <>
      <strong>{g.headline}</strong> <span className="summary-note">({g.note})</span> {g.sources && <Provenance sources={g.sources} label={g.sourcesLabel} />}
      {g.status && (
        <div className="summary-note">
          <span className="summary-status">{g.status.text}</span> <Provenance sources={g.status.sources} />
        </div>
      )}
      {g.ivf && g.ivf.length > 0 && (
        <ul className="summary-list">
          {g.ivf.map((f) => (
            <li key={f.key}>
              {f.text} {f.sources.length > 0 && <Provenance sources={f.sources} />}
            </li>
          ))}
        </ul>
      )}
      {g.review && (
        <div className="summary-warning" role="note">
          <strong>{g.review.text}</strong> {g.review.sources.length > 0 && <Provenance sources={g.review.sources} />}
        </div>
      )}
      {g.warning && <div className="summary-warning">{g.warning}</div>}
    </>
  );
}

function ActiveLmwh({ l }: { l: SummaryView['lmwh'] }) {
  if (l.unknown) return <UnknownValue label={l.unknown.label} reasonText={l.unknown.reason} />;
  return (
    <>
      {l.headline && <strong>{l.headline}</strong>}
      {(l.active.length > 0 || l.unclear.length > 0) && (
        <ul className="summary-list">
          {l.active.map((o) => (
            <li key={o.key}>
              <strong>{o.text}</strong>
              {o.doseClass && <span className="summary-note"> ({o.doseClass})</span>} <Provenance sources={o.sources} />
            </li>
          ))}
          {l.unclear.map((o) => (
            <li key={o.key}>
              {o.text}: <UnknownValue label={o.label} reasonText={o.reason} /> <Provenance sources={o.sources} />
            </li>
          ))}
        </ul>
      )}
      {l.warning && <div className="summary-warning">{l.warning}</div>}
    </>
  );
}

function NextEvent({ n }: { n: SummaryView['next'] }) {
  return (
    <>
      {n.event ? (
        <>
          <strong>{n.event.label}</strong>, <time dateTime={n.event.iso}>{n.event.when}</time>, <strong>{n.event.countdown}</strong>{' '}
          {n.event.note && <span className="summary-note">({n.event.note}) </span>}
          <Provenance sources={n.event.sources} />
        </>
      ) : (
        <strong>{n.none}</strong>
      )}
      {n.undated && (
        <div className="summary-note">
          {n.undated.text} <Provenance sources={n.undated.sources} />
        </div>
      )}
      {n.warning && <div className="summary-warning">{n.warning}</div>}
    </>
  );
}

export interface PatientSummaryProps {
  /** Gestation, pregnancy status, medication, rule cards and search statuses (a ClinicalRecord fits). */
  record: SummarySlice;
}

export function PatientSummary({ record }: PatientSummaryProps) {
  const outer = useMessages();
  // Instants in the record's facility zone (the provider's zone in the app; tests may render without one).
  const m = useMemo(() => (outer.zone === record.zone ? outer : createMessages({ locale: outer.locale, zone: record.zone })), [outer, record.zone]);
  const view = useMemo(() => buildSummaryView(record, m), [record, m]);
  // The bench's "first screen" mark: the summary is the first thing with data on screen.
  return (
    <section className="patient-summary" aria-label={view.label}>
      <dl className="summary-fields">
        <div>
          <dt>{view.terms.gestation}</dt>
          <dd>
            <Gestation g={view.gestation} />
          </dd>
        </div>
        <div>
          <dt>{view.terms.lmwh}</dt>
          <dd>
            <ActiveLmwh l={view.lmwh} />
          </dd>
        </div>
        <div>
          <dt>{view.terms.next}</dt>
          <dd>
            <NextEvent n={view.next} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
