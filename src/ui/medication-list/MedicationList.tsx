/**
 * The anticoagulant orders (table "Anticoagulant orders"), the last recorded dose per drug, other relevant orders
 * (estradiol, aspirin) and the weights the dose per kg uses. "No LMWH order found in the record" is said only when the
 * order searches were complete; otherwise the absence of an order is stated as not known. Provenance on every row.
 */
import { legacyReasonText } from '../../domain/reasons';
import type { ClinicalRecord, OrderView, OtherOrderView } from '../../domain/record';
import { drugName } from '../../domain/record';
import type { QueryGroup } from '../../domain/input';
import type { DoseAmount, DoseClassResult, DosePerKg, LastDose, LmwhOrder, RecordedDose } from '../../domain/medication';
import type { Known } from '../../domain/types';
import { formatDate, formatDateTime, formatMoment, formatSpan } from '../../domain/time';
import { Provenance } from '../common/Provenance';
import { KnownValue, UnknownValue } from '../common/UnknownValue';
import './medication-list.css';

const round2 = (v: number): string => String(Number(v.toFixed(2)));

export function doseText(d: DoseAmount): string {
  return `${d.value} ${d.unit}${d.perKg ? '/kg' : ''}`;
}

function Recognition({ order }: { order: LmwhOrder }) {
  const r = order.recognition;
  if (r.recognisedBy === 'text') return <span className="med-recognised med-recognised--text">recognised by text ({r.matched})</span>;
  return (
    <span className="med-recognised">
      recognised by {r.matched}
      {r.codeStatus ? ` (code ${r.codeStatus.toUpperCase()})` : ''}
    </span>
  );
}

function DoseCell({ order }: { order: LmwhOrder }) {
  if (!order.dose.known) return <UnknownValue reason={order.dose.reason} />;
  const d = order.dose.value;
  const notes = [d.original !== doseText(d) ? `as written: ${d.original}` : undefined, d.fromVolume ? `from ${d.fromVolume.ml} mL at ${d.fromVolume.concentration}` : undefined, d.unitNote, d.entry].filter(Boolean);
  return (
    <>
      {doseText(d)}
      {order.asNeeded && ' as needed'}
      {notes.length > 0 && <span className="med-note"> ({notes.join('; ')})</span>}
    </>
  );
}

function FrequencyCell({ order }: { order: LmwhOrder }) {
  if (!order.frequency.known) return <UnknownValue reason={order.frequency.reason} />;
  const f = order.frequency.value;
  return (
    <>
      every {round2(f.intervalHours)} h<span className="med-note"> ({[`as written: ${f.original}`, f.note].filter(Boolean).join('; ')})</span>
    </>
  );
}

function RouteCell({ order }: { order: LmwhOrder }) {
  if (!order.route.known) return <UnknownValue reason={order.route.reason} />;
  const r = order.route.value;
  return (
    <>
      {r.kind}
      {r.recognisedBy === 'text' && <span className="med-note"> (recognised by text: {r.original})</span>}
    </>
  );
}

function PeriodCell({ order, zone }: { order: LmwhOrder; zone: string }) {
  return (
    <>
      <span className="med-period-start">
        From{' '}
        {order.start.known ? (
          <>
            {formatMoment(order.start.value.moment, zone)}
            {order.start.value.from === 'authoredOn' && <span className="med-note"> (date the order was written: no start given)</span>}
          </>
        ) : (
          <UnknownValue reason={order.start.reason} />
        )}
      </span>
      <br />
      <span className="med-period-end">
        {order.end.known ? (
          <>
            to {order.end.value.moment ? formatMoment(order.end.value.moment, zone) : formatDateTime(order.end.value.ms, zone)}
            <span className="med-note"> ({order.end.value.note})</span>
          </>
        ) : (
          <>
            end unknown<span className="med-note"> ({legacyReasonText(order.end.reason)})</span>
          </>
        )}
      </span>
    </>
  );
}

function StatusCell({ order }: { order: LmwhOrder }) {
  const status = order.status.known ? order.status.value : undefined;
  return (
    <>
      {order.status.known ? status : <UnknownValue reason={order.status.reason} />}
      {status === 'on-hold' && <span className="med-mark med-mark--hold">On hold</span>}
      {!order.isOrder && (
        <span className="med-mark med-mark--plan">
          Not an order: {order.notAnOrderReason ?? (order.intent.known ? `intent ${order.intent.value}` : legacyReasonText(order.intent.reason))}
        </span>
      )}
    </>
  );
}

function DoseClassCell({ dc, weight }: { dc: DoseClassResult; weight: OrderView['classWeight'] }) {
  if (dc.class === 'unknown') return <UnknownValue reason={dc.reason} />;
  return (
    <>
      <strong className="med-class">{dc.class[0]!.toUpperCase() + dc.class.slice(1)}</strong>
      <span className="med-note">
        {' '}
        ({dc.basis}. Basis: {dc.source}; {dc.verification.toUpperCase()}
        {weight ? `; weight used: ${weight.label}, ${weight.weight.kg} kg` : ''})
      </span>
    </>
  );
}

function PerKg({ label, value, zone }: { label: string; value: Known<DosePerKg>; zone: string }) {
  return (
    <span className="med-perkg">
      {label}:{' '}
      <KnownValue
        value={value}
        format={(v) =>
          `${round2(v.perDose.value)} ${v.perDose.unit} per dose${v.perDay.known ? `, ${round2(v.perDay.value.value)} ${v.perDay.value.unit}` : ''} (weight ${v.weight.kg} kg on ${formatDate(v.weight.ms, zone)})`
        }
      />
      {value.known && !value.value.perDay.known && <UnknownValue label="; per day unknown" reason={value.value.perDay.reason} />}
    </span>
  );
}

function ActiveCell({ view }: { view: OrderView }) {
  const a = view.activeNow;
  if (a.state === 'unknown') return <UnknownValue reason={a.reason} />;
  return (
    <>
      {a.state === 'active' ? 'Active now' : 'Not active now'}
      <span className="med-note"> ({a.reason})</span>
    </>
  );
}

function OrdersTable({ record }: { record: ClinicalRecord }) {
  return (
    <div className="med-table-wrap">
      <table className="med-table">
        <caption>Anticoagulant orders</caption>
        <thead>
          <tr>
            <th scope="col">Drug</th>
            <th scope="col">Dose</th>
            <th scope="col">Frequency</th>
            <th scope="col">Route</th>
            <th scope="col">Period</th>
            <th scope="col">Status</th>
            <th scope="col">Dose class</th>
            <th scope="col">Dose per kg</th>
            <th scope="col">Active now</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {record.medication.orders.map((v, i) => (
            <tr key={`${v.order.id ?? 'order'}-${i}`} className={v.order.isOrder ? undefined : 'med-row--plan'}>
              <th scope="row">
                {drugName(v.order.drug)}
                {v.order.drugClass === 'fondaparinux' && <span className="med-note"> (related anticoagulant, not LMWH)</span>}
                <br />
                <Recognition order={v.order} />
              </th>
              <td>
                <DoseCell order={v.order} />
              </td>
              <td>
                <FrequencyCell order={v.order} />
              </td>
              <td>
                <RouteCell order={v.order} />
              </td>
              <td>
                <PeriodCell order={v.order} zone={record.zone} />
              </td>
              <td>
                <StatusCell order={v.order} />
              </td>
              <td>
                <DoseClassCell dc={v.doseClass} weight={v.classWeight} />
              </td>
              <td>
                <PerKg label="Booking weight" value={v.perKgBooking} zone={record.zone} />
                <br />
                <PerKg label="Latest weight" value={v.perKgLatest} zone={record.zone} />
              </td>
              <td>
                <ActiveCell view={v} />
              </td>
              <td>
                <Provenance sources={v.order.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function groupProblem(record: ClinicalRecord, groups: QueryGroup[]): string | undefined {
  const bad = groups.map((g) => ({ g, r: record.groups[g] })).filter(({ r }) => !r || r.status !== 'complete');
  if (bad.length === 0) return undefined;
  return bad.map(({ g, r }) => (r ? `${g}: ${r.status}${r.reason ? ` (${r.reason})` : ''}` : `${g}: not read`)).join('; ');
}

function doseLine(d: RecordedDose, record: ClinicalRecord): string {
  const amount = d.dose.known ? `${doseText(d.dose.value)} ` : '';
  if (!d.time.known) return `${amount}${d.label}, time unknown (${d.time.reason})`;
  const ms = d.time.value.ms;
  const ago = ms <= record.nowMs ? `${formatSpan(record.nowMs - ms)} ago` : `in ${formatSpan(ms - record.nowMs)}`;
  return `${amount}${d.label} ${formatMoment(d.time.value.moment, record.zone)} (${ago})`;
}

function LastDoses({ record }: { record: ClinicalRecord }) {
  const problem = groupProblem(record, ['medication-administrations', 'medication-statements', 'medication-dispenses']);
  const list: LastDose[] = record.medication.lastDoses;
  const untimed = record.medication.doses.filter((d) => !d.time.known).length;
  return (
    <>
      {problem && <p className="med-banner">Dose records could not be read completely: {problem} — a dose missing here may have been given.</p>}
      {list.length === 0 ? (
        <p className="med-empty">
          {problem ? 'No recorded dose could be read' : 'No recorded dose (administration, patient report or dispensing) with a time found in the record'}
          {untimed > 0 ? ` (${untimed} recorded dose(s) without a time)` : ''}
        </p>
      ) : (
        <ul className="med-list">
          {list.map((l) => (
            <li key={l.drug}>
              <strong>{drugName(l.drug)}</strong>: last {doseLine(l.dose, record)} <Provenance sources={l.source} />
              {Object.values(l.latestByKind)
                .filter((d): d is RecordedDose => !!d && d !== l.dose)
                .map((d) => (
                  <div key={d.kind} className="med-note">
                    Latest {d.label}: {doseLine(d, record)} <Provenance sources={d.source} />
                  </div>
                ))}
              {l.withoutTime > 0 && <div className="med-note">{l.withoutTime} recorded dose(s) of this drug have no time and are not used.</div>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function OtherOrders({ record }: { record: ClinicalRecord }) {
  const list: OtherOrderView[] = record.medication.other;
  if (list.length === 0) {
    return <p className="med-empty">{record.medication.complete ? 'No estradiol or aspirin order found in the record' : 'Estradiol or aspirin orders could not be read completely: absence is not known'}</p>;
  }
  return (
    <ul className="med-list">
      {list.map((o, i) => (
        <li key={`${o.source.id ?? 'other'}-${i}`}>
          <strong>{o.recognition.drug === 'estradiol' ? 'Estradiol' : 'Aspirin'}</strong>: {o.description} · status {o.status}
          {o.active ? ' · active now' : ' · not active now'}
          {o.startMs !== undefined && ` · from ${formatDate(o.startMs, record.zone)}`}{' '}
          <span className="med-note">{o.recognition.recognisedBy === 'text' ? `(recognised by text: ${o.recognition.matched})` : `(recognised by ${o.recognition.matched})`}</span> <Provenance sources={o.source} />
        </li>
      ))}
    </ul>
  );
}

function Weights({ record }: { record: ClinicalRecord }) {
  const { booking, latest } = record.weights;
  return (
    <dl className="med-weights">
      <dt>Booking weight</dt>
      <dd>
        {booking.known ? (
          <>
            {round2(booking.value.weight.kg)} kg on {formatMoment(booking.value.weight.moment, record.zone)}
            <span className="med-note"> ({booking.value.daysAfterPregnancyStart} days after the start of pregnancy{booking.value.weight.note ? `; ${booking.value.weight.note}` : ''})</span>{' '}
            <Provenance sources={booking.value.weight.source} />
          </>
        ) : (
          <UnknownValue reason={booking.reason} />
        )}
      </dd>
      <dt>Latest weight</dt>
      <dd>
        {latest ? (
          <>
            {round2(latest.kg)} kg on {formatMoment(latest.moment, record.zone)}
            {latest.note && <span className="med-note"> ({latest.note})</span>} <Provenance sources={latest.source} />
          </>
        ) : (
          <UnknownValue reason="no body weight in the record" />
        )}
      </dd>
    </dl>
  );
}

export interface MedicationListProps {
  record: ClinicalRecord;
}

export function MedicationList({ record }: MedicationListProps) {
  const { orders, complete, incompleteReason } = record.medication;
  const reason = incompleteReason ?? 'reason not given';
  return (
    <section className="medication-list" aria-labelledby="medication-list-heading">
      <h2 id="medication-list-heading">Anticoagulant medication</h2>
      {orders.length === 0 ? (
        complete ? (
          <p className="med-empty med-empty--orders">No LMWH order found in the record</p>
        ) : (
          <p className="med-banner" role="status">
            Medication orders could not be read completely: {reason} — absence of an order is not known
          </p>
        )
      ) : (
        <>
          {!complete && (
            <p className="med-banner" role="status">
              Medication orders could not be read completely: {reason} — further orders may be missing
            </p>
          )}
          <OrdersTable record={record} />
        </>
      )}
      <h3>Last recorded dose</h3>
      <LastDoses record={record} />
      <h3>Other relevant orders</h3>
      <OtherOrders record={record} />
      <h3>Weights</h3>
      <Weights record={record} />
    </section>
  );
}
