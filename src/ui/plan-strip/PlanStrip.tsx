/**
 * The plan strip at the top of the patient view: the 30-second answers (is she on LMWH, what dose, the last dose,
 * the next planned event and its last-dose deadlines on the injection schedule, the red flags, the zone used).
 * Renders the view model only (planStripViewModel.ts), one small component per line.
 */
import { Provenance } from '../common/Provenance';
import { PERF_MARKS, useMarkOnce } from '../common/perfMarks';
import { useMessages } from '../messages/MessagesProvider';
import type { ClinicalRecord } from '../../domain/record';
import type { FacilityZone } from '../../domain/facilityZone';
import { buildPlanStripView, type PlanDeadlineView, type PlanFlagView, type PlanStripView } from './planStripViewModel';
import './plan-strip.css';

function Deadline({ d, label }: { d: PlanDeadlineView; label: string }) {
  return (
    <li className={`plan-strip__deadline plan-strip__deadline--${d.role}`} data-rule-id={d.ruleId}>
      <span className={`plan-strip__status ${d.status.cls}`}>
        <span aria-hidden="true">{d.status.icon}</span> {d.status.text}
      </span>{' '}
      <span className="plan-strip__source">{d.source.label}</span>:{' '}
      {d.deadline ? (
        <>
          {label} <time dateTime={d.deadline.iso}>{d.deadline.text}</time>
        </>
      ) : (
        // Without an instant there is no "no later than": the reason stands alone (e.g. the source gives no interval).
        <span>{d.noDeadline}</span>
      )}
      {d.onSchedule && <span className="plan-strip__schedule">; {d.onSchedule}</span>}
      {d.omits && <span className="plan-strip__omits">; {d.omits}</span>}
    </li>
  );
}

function Flag({ f }: { f: PlanFlagView }) {
  return (
    <li className="plan-strip__flag" data-flag={f.code}>
      <strong>{f.title}</strong>: {f.text} <span className="plan-strip__reference">{f.references.join('; ')}</span> <Provenance sources={f.sources} />
    </li>
  );
}

/** Drug, dose, frequency and dose class with its basis, the order's state and reasons; or "No LMWH order found". */
function OrderLine({ order, noOrder }: { order: PlanStripView['order']; noOrder: PlanStripView['noOrder'] }) {
  if (!order) {
    return (
      <div className="plan-strip__order">
        <strong className="plan-strip__no-order">{noOrder}</strong>
      </div>
    );
  }
  return (
    <div className="plan-strip__order">
      <strong>
        {order.drug} {order.dose}, {order.frequency}
      </strong>{' '}
      · {order.doseClass} <span className="plan-strip__basis">({order.doseClassBasis})</span>
      {order.stateNote && <span className="plan-strip__note"> · {order.stateNote}</span>} <Provenance sources={order.source} />
      {order.reasons.map((r) => (
        <span key={r.text} className="plan-strip__reason">
          {' '}
          · {r.text} {r.source && <Provenance sources={r.source} />}
        </span>
      ))}
    </div>
  );
}

/** The last recorded dose and the next planned event, each with its time and source. */
function DoseAndEvent({ v }: { v: PlanStripView }) {
  return (
    <>
      <div className="plan-strip__last-dose">
        {v.lastDose.iso ? <time dateTime={v.lastDose.iso}>{v.lastDose.text}</time> : v.lastDose.text} {v.lastDose.source && <Provenance sources={v.lastDose.source} />}
      </div>
      {v.next && (
        <div className="plan-strip__next">
          {v.next.iso ? <time dateTime={v.next.iso}>{v.next.text}</time> : v.next.text} <Provenance sources={v.next.sources} />
        </div>
      )}
    </>
  );
}

/** Each rule's last-dose deadline for the next event, on the injection schedule, and which rule is stricter. */
function Deadlines({ v }: { v: PlanStripView }) {
  const m = useMessages();
  return (
    <>
      {v.noDeadline && <p className="plan-strip__no-deadline">{v.noDeadline}</p>}
      {v.deadlines.length > 0 && (
        <ul className="plan-strip__deadlines">
          {v.deadlines.map((d) => (
            <Deadline key={d.ruleId} d={d} label={m.t('planStrip.deadline')} />
          ))}
        </ul>
      )}
      {v.comparisons.length > 0 && <p className="plan-strip__comparison">{v.comparisons.join(' ')}</p>}
    </>
  );
}

function Flags({ v }: { v: PlanStripView }) {
  const m = useMessages();
  return (
    <div className="plan-strip__flags" aria-label={m.t('planStrip.flags')}>
      {v.flags.length > 0 ? (
        <ul>
          {v.flags.map((f) => (
            <Flag key={f.code} f={f} />
          ))}
        </ul>
      ) : (
        <p>{v.noFlags}</p>
      )}
      {v.unknownFlags && <p className="plan-strip__unknown">{v.unknownFlags}</p>}
      {v.readingFlags && (
        <p className="plan-strip__reading" role="status">
          {v.readingFlags}
        </p>
      )}
    </div>
  );
}

export function PlanStrip({ record, facilityZone }: { record: ClinicalRecord; facilityZone: FacilityZone }) {
  const m = useMessages();
  const v = buildPlanStripView({ plan: record.plan, cards: record.rules.cards, facilityZone }, m);
  useMarkOnce(PERF_MARKS.firstScreen);
  return (
    <section className="plan-strip" aria-labelledby="plan-strip-heading" data-testid="plan-strip">
      <h2 id="plan-strip-heading" className="plan-strip__title">
        {m.t('planStrip.title')}
      </h2>
      <OrderLine order={v.order} noOrder={v.noOrder} />
      <DoseAndEvent v={v} />
      <Deadlines v={v} />
      <Flags v={v} />
      <p className="plan-strip__zone">{v.zone}</p>
    </section>
  );
}
