/**
 * The compact summary at the top: gestation today with its dating source, the active LMWH order(s), and the next
 * planned event with its countdown. Each fact with Provenance; unknowns and absences stated with the reason.
 */
import { legacyReasonText } from '../../domain/reasons';
import type { ClinicalRecord } from '../../domain/record';
import { describeOrder } from '../../domain/record';
import type { QueryGroup } from '../../domain/input';
import type { EventCard } from '../../domain/rules';
import { formatDate, toIsoInZone } from '../../domain/time';
import { Provenance } from '../common/Provenance';
import { UnknownValue } from '../common/UnknownValue';
import { PERF_MARKS, useMarkOnce } from '../common/perfMarks';
import './summary.css';

function groupProblem(record: ClinicalRecord, groups: QueryGroup[]): string | undefined {
  const bad = groups.map((g) => ({ g, r: record.groups[g] })).filter(({ r }) => !r || r.status !== 'complete');
  if (bad.length === 0) return undefined;
  return bad.map(({ g, r }) => (r ? `${g}: ${r.status}${r.reason ? ` (${r.reason})` : ''}` : `${g}: not read`)).join('; ');
}

function Gestation({ record }: { record: ClinicalRecord }) {
  const ga = record.gaToday;
  const status = record.pregnancy.latestStatus;
  const problem = groupProblem(record, ['observations-pregnancy']);
  return (
    <>
      {ga.known ? (
        <>
          <strong>
            {ga.value.text}, {ga.value.trimester} trimester
          </strong>{' '}
          <span className="summary-note">({ga.value.basis})</span> <Provenance sources={ga.value.source ?? []} label="Dating source" />
        </>
      ) : (
        <>
          {/* "Not pregnant" only when the record says so; otherwise the absence of a found pregnancy is stated as such. */}
          <strong>{status?.status === 'not-pregnant' ? 'Not pregnant / no current pregnancy' : 'No current pregnancy found in the record'}</strong>{' '}
          <span className="summary-note">({legacyReasonText(ga.reason)})</span>
        </>
      )}
      {!ga.known && status && (
        <div className="summary-note">
          <span className="summary-status">
            Pregnancy status {status.recordedMs !== undefined ? `recorded ${formatDate(status.recordedMs, record.zone)}` : '(undated)'}:{' '}
            {status.status === 'not-pregnant' ? 'not pregnant' : status.status === 'pregnant' ? 'pregnant' : 'unknown'}
          </span>{' '}
          <Provenance sources={status.source} />
        </div>
      )}
      {problem && <div className="summary-warning">Pregnancy records could not be read completely: {problem}</div>}
    </>
  );
}

function ActiveLmwh({ record }: { record: ClinicalRecord }) {
  const { orders, complete, incompleteReason } = record.medication;
  const reason = incompleteReason ?? 'reason not given';
  if (orders.length === 0) {
    return complete ? (
      <strong>No LMWH order found in the record</strong>
    ) : (
      <UnknownValue label="Medication orders could not be read completely" reason={`${reason} — absence of an order is not known`} />
    );
  }
  const active = orders.filter((o) => o.order.isOrder && o.activeNow.state === 'active');
  const unclear = orders.filter((o) => o.activeNow.state === 'unknown');
  return (
    <>
      {active.length === 0 && (
        <strong>
          No active LMWH order ({orders.length} order{orders.length === 1 ? '' : 's'} in the record, none active now)
        </strong>
      )}
      <ul className="summary-list">
        {active.map((o, i) => (
          <li key={`a-${o.order.id ?? i}`}>
            <strong>{describeOrder(o.order)}</strong>
            {o.doseClass.class !== 'unknown' && <span className="summary-note"> ({o.doseClass.class})</span>} <Provenance sources={o.order.source} />
          </li>
        ))}
        {unclear.map((o, i) => (
          <li key={`u-${o.order.id ?? i}`}>
            {describeOrder(o.order)}: <UnknownValue label="whether active now is unknown" reason={o.activeNow.reason} /> <Provenance sources={o.order.source} />
          </li>
        ))}
      </ul>
      {!complete && <div className="summary-warning">Medication orders could not be read completely: {reason} — further orders may be missing</div>}
    </>
  );
}

/** The soonest planned event with a date at or after now. */
export function nextPlannedEvent(cards: EventCard[]): EventCard | undefined {
  return cards
    .filter((c) => c.anchorMs !== null && c.countdownMs !== null && c.countdownMs >= 0)
    .sort((a, b) => (a.anchorMs ?? 0) - (b.anchorMs ?? 0))[0];
}

function NextEvent({ record }: { record: ClinicalRecord }) {
  const cards = record.rules.cards;
  const next = nextPlannedEvent(cards);
  const undated = cards.filter((c) => c.anchorMs === null);
  const problem = groupProblem(record, ['procedures', 'service-requests', 'appointments']);
  return (
    <>
      {next ? (
        <>
          <strong>{next.event.label}</strong>, <time dateTime={toIsoInZone(next.anchorMs!, record.zone)}>{next.anchorText}</time>, <strong>{next.countdownText}</strong>{' '}
          {next.enteredHereNote && <span className="summary-note">({next.enteredHereNote}) </span>}
          <Provenance sources={next.event.sources} />
        </>
      ) : (
        // Where the searches were incomplete, "none found" would claim more than is known.
        <strong>
          {problem
            ? 'Not known: the planned-event searches were incomplete'
            : cards.length === 0
              ? 'No planned event found in the record'
              : 'No upcoming planned event with a date in the record'}
        </strong>
      )}
      {undated.length > 0 && (
        <div className="summary-note">
          Planned without a date: {undated.map((c) => c.event.label).join(', ')} <Provenance sources={undated.flatMap((c) => c.event.sources)} />
        </div>
      )}
      {problem && <div className="summary-warning">Planned events could not be read completely: {problem} — an event missing here may be planned</div>}
    </>
  );
}

export interface PatientSummaryProps {
  record: ClinicalRecord;
}

export function PatientSummary({ record }: PatientSummaryProps) {
  useMarkOnce(PERF_MARKS.firstScreen);
  return (
    <section className="patient-summary" aria-label="Summary">
      <dl className="summary-fields">
        <div>
          <dt>Gestation today</dt>
          <dd>
            <Gestation record={record} />
          </dd>
        </div>
        <div>
          <dt>Active LMWH</dt>
          <dd>
            <ActiveLmwh record={record} />
          </dd>
        </div>
        <div>
          <dt>Next planned event</dt>
          <dd>
            <NextEvent record={record} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
