/**
 * The anticoagulant orders, the last recorded dose per drug, other relevant orders (estradiol, aspirin) and the
 * weights the dose per kg uses. Renders the view model (medicationListViewModel.ts); provenance on every row.
 */
import { useMemo } from 'react';
import { Provenance } from '../common/Provenance';
import { UnknownValue } from '../common/UnknownValue';
import { useMessages } from '../messages/MessagesProvider';
import { createMessages } from '../messages/translator';
import { buildMedicationListView, type MedicationListView, type MedicationSlice, type OrderRowView, type Shown, type WeightView } from './medicationListViewModel';
import './medication-list.css';

function ShownValue({ value }: { value: Shown }) {
  return value.unknown !== undefined ? <UnknownValue reasonText={value.unknown} label={value.label} /> : <>{value.text}</>;
}

/** How a value was read (as written, the basis of a class, why an end is unknown): one click away, not in the cell's words. */
function Note({ text }: { text: string | undefined }) {
  const m = useMessages();
  if (!text) return null;
  return (
    <details className="med-note">
      <summary>{m.t('medication.noteToggle')}</summary>
      {text}
    </details>
  );
}

function DrugCell({ row }: { row: OrderRowView }) {
  return (
    <th scope="row">
      {row.drug}
      {row.drugNote && <span className="med-note"> ({row.drugNote})</span>}
      {/* A text match is a labelled fallback and stays in sight; a code match is in the note. */}
      {row.recognition.byText ? (
        <>
          <br />
          <span className="med-recognised med-recognised--text">{row.recognition.text}</span>
        </>
      ) : (
        <Note text={row.recognition.text} />
      )}
    </th>
  );
}

function PeriodCell({ row }: { row: OrderRowView }) {
  const m = useMessages();
  return (
    <td>
      <span className="med-period-start">
        {m.t('medication.periodFrom')} <ShownValue value={row.start} />
        <Note text={row.start.note} />
      </span>
      <br />
      <span className="med-period-end">
        {row.end.unknown !== undefined ? (
          <>
            {row.end.label}
            <Note text={row.end.unknown} />
          </>
        ) : (
          <>
            {m.t('medication.periodTo')} {row.end.text}
            <Note text={row.end.note} />
          </>
        )}
      </span>
    </td>
  );
}

function PerKgCell({ row }: { row: OrderRowView }) {
  const m = useMessages();
  return (
    <td>
      {row.perKg.map((p, i) => (
        <span key={p.label}>
          {i > 0 && <br />}
          <span className="med-perkg">
            {p.label}: <ShownValue value={p.value} />
            {p.perDayUnknown !== undefined && <UnknownValue label={m.t('medication.perDayUnknown')} reasonText={p.perDayUnknown} />}
          </span>
        </span>
      ))}
    </td>
  );
}

function OrderRow({ row }: { row: OrderRowView }) {
  return (
    <tr className={row.isPlan ? 'med-row--plan' : undefined}>
      <DrugCell row={row} />
      <td>
        <ShownValue value={row.dose} />
        <Note text={row.dose.note} />
      </td>
      <td>
        <ShownValue value={row.frequency} />
        <Note text={row.frequency.note} />
      </td>
      <td>
        <ShownValue value={row.route} />
        <Note text={row.route.note} />
      </td>
      <PeriodCell row={row} />
      <td>
        <ShownValue value={row.status} />
        {row.status.onHold && <span className="med-mark med-mark--hold">{row.status.onHold}</span>}
        {row.status.notAnOrder && <span className="med-mark med-mark--plan">{row.status.notAnOrder}</span>}
      </td>
      <td>
        {row.doseClass.text !== undefined ? <strong className="med-class">{row.doseClass.text}</strong> : <ShownValue value={row.doseClass} />}
        <Note text={row.doseClass.note} />
      </td>
      <PerKgCell row={row} />
      <td>
        <ShownValue value={row.active} />
        <Note text={row.active.note} />
      </td>
      <td>
        <Provenance sources={row.sources} />
      </td>
    </tr>
  );
}

function WeightEntry({ w }: { w: WeightView }) {
  return (
    <>
      <dt>{w.label}</dt>
      <dd>
        <ShownValue value={w.value} />
        <Note text={w.value.note} /> {w.source && <Provenance sources={w.source} />}
      </dd>
    </>
  );
}

function Orders({ view }: { view: MedicationListView }) {
  return (
    <>
      {view.orders.kind === 'none-found' && <p className="med-empty med-empty--orders">{view.orders.text}</p>}
      {view.orders.kind === 'not-known' && (
        <p className="med-banner" role="status">
          {view.orders.text}
        </p>
      )}
      {view.orders.kind === 'table' && (
        <>
          {view.orders.warning && (
            <p className="med-banner" role="status">
              {view.orders.warning}
            </p>
          )}
          <div className="med-table-wrap">
            <table className="med-table">
              <caption>{view.table.caption}</caption>
              <thead>
                <tr>
                  {view.table.headers.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.table.rows.map((row) => (
                  <OrderRow key={row.key} row={row} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

function LastDoses({ lastDoses }: { lastDoses: MedicationListView['lastDoses'] }) {
  return (
    <>
      <h3>{lastDoses.heading}</h3>
      {lastDoses.problem && <p className="med-banner">{lastDoses.problem}</p>}
      {lastDoses.empty !== undefined ? (
        <p className="med-empty">{lastDoses.empty}</p>
      ) : (
        <ul className="med-list">
          {lastDoses.items.map((l) => (
            <li key={l.key}>
              <strong>{l.drug}</strong>: {l.line} <Provenance sources={l.source} />
              {l.others.map((d) => (
                <div key={d.key} className="med-note">
                  {d.text} <Provenance sources={d.source} />
                </div>
              ))}
              {l.withoutTime && <div className="med-note">{l.withoutTime}</div>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function OtherMedicines({ other }: { other: MedicationListView['other'] }) {
  return (
    <>
      <h3>{other.heading}</h3>
      {other.empty !== undefined ? (
        <p className="med-empty">{other.empty}</p>
      ) : (
        <ul className="med-list">
          {other.items.map((o) => (
            <li key={o.key}>
              <strong>{o.name}</strong>: {o.text} <span className="med-note">{o.recognised}</span> <Provenance sources={o.source} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export interface MedicationListProps {
  /** The medication, weights and search statuses of the record (a ClinicalRecord fits). */
  record: MedicationSlice;
}

export function MedicationList({ record }: MedicationListProps) {
  const outer = useMessages();
  // Instants are shown in the record's facility zone (the provider's zone in the app; tests may render without one).
  const m = useMemo(() => (outer.zone === record.zone ? outer : createMessages({ locale: outer.locale, zone: record.zone })), [outer, record.zone]);
  const view = useMemo(() => buildMedicationListView(record, m), [record, m]);
  const { lastDoses, other, weights } = view;
  return (
    <section className="medication-list" aria-labelledby="medication-list-heading">
      <h2 id="medication-list-heading">{view.heading}</h2>
      <Orders view={view} />
      <LastDoses lastDoses={lastDoses} />
      <OtherMedicines other={other} />
      <h3>{weights.heading}</h3>
      <dl className="med-weights">
        <WeightEntry w={weights.booking} />
        <WeightEntry w={weights.latest} />
      </dl>
    </section>
  );
}
