/**
 * One planned event as a card: when, where the date came from, the countdown, the dose class the guideline intervals
 * use, one line per stop rule (the source's and each guideline's, never merged) with its deadline and status, the
 * differences, restart information and notes, and on delivery cards the delivery facts. Information only: the
 * wording attributes advice, it never orders. Renders `buildEventCardView`'s words.
 */
import { forwardRef } from 'react';
import type { EventCard } from '../../domain/rules';
import { Provenance } from '../common/Provenance';
import { useMessages } from '../messages/MessagesProvider';
import { InfoLineList, SourceLabelFromView, StatusBadgeFromView } from './RuleLines';
import { buildEventCardView, type DeadlineRowView, type DeliveryFactView, type DoseView, type EventCardViewModel } from './stopCriteriaViewModel';

function DoseItem({ dose }: { dose: DoseView }) {
  return (
    <>
      {dose.drug}, {dose.kind}, <time dateTime={dose.at.iso}>{dose.at.text}</time> <Provenance sources={dose.source} />
    </>
  );
}

function DeadlineRow({ row }: { row: DeadlineRowView }) {
  const m = useMessages();
  return (
    <li className={`deadline deadline--${row.sourceKind}`} data-rule-id={row.ruleId}>
      <div className="deadline__head">
        <SourceLabelFromView view={row.source} /> <span className="deadline__wording">{row.wording}</span>
      </div>
      {row.intervalReason && <p className="deadline__interval">{row.intervalReason}</p>}
      {row.deadline ? (
        <p className="deadline__time">
          {m.t('stopCriteria.deadline.prefix')} <time dateTime={row.deadline.iso}>{row.deadline.text}</time>
        </p>
      ) : (
        <p className="deadline__time deadline__time--none">{row.noDeadline}</p>
      )}
      {row.dateOnlyNote && <p className="deadline__date-only">{row.dateOnlyNote}</p>}
      {/* A div, not a p: the orders' source disclosure (details) cannot sit inside a paragraph. */}
      <div className="deadline__status">
        <StatusBadgeFromView view={row.status} /> <span className="deadline__status-reason">{row.statusReason}</span>
        {row.orders.length > 0 && (
          <>
            {' '}
            <Provenance sources={row.orders.map((o) => o.source)} label={m.t('stopCriteria.ordersRead', { n: row.orders.length })} />
          </>
        )}
      </div>
      {row.lateDoses && (
        <div className="deadline__late-doses" role="note">
          <strong>
            <span aria-hidden="true">▲ </span>
            {row.lateDoses.title}
          </strong>
          <ul>
            {row.lateDoses.doses.map((d) => (
              <li key={d.key}>
                <DoseItem dose={d} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

function DeliveryFactsView({ facts }: { facts: DeliveryFactView[] | undefined }) {
  const m = useMessages();
  if (!facts) return null;
  return (
    <div className="event-card__delivery">
      <h4>{m.t('stopCriteria.deliveryFacts')}</h4>
      <ul>
        {facts.map((f, i) => (
          <li key={i}>
            {f.text} {f.sources.length > 0 && <Provenance sources={f.sources} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface EventCardViewProps {
  card: EventCard;
  /** Shown on what-if cards: removes the card from this session. */
  onRemove?: () => void;
}

export const EventCardView = forwardRef<HTMLElement, EventCardViewProps>(function EventCardView({ card, onRemove }, ref) {
  const m = useMessages();
  const v = buildEventCardView(card, m);
  return (
    <article ref={ref} tabIndex={-1} className={`event-card${v.enteredHere ? ' event-card--entered-here' : ''}`} aria-labelledby={v.headingId} data-event-id={card.event.id}>
      <header className="event-card__header">
        <h3 id={v.headingId}>{v.label}</h3>
        {v.enteredHereNote && <p className="event-card__entered-here">{v.enteredHereNote}</p>}
      </header>
      <p className="event-card__when">
        {v.when.iso !== undefined ? <time dateTime={v.when.iso}>{v.when.text}</time> : v.when.text}
        {v.countdown !== undefined && <span className="event-card__countdown"> ({v.countdown})</span>}
      </p>
      {v.noCountdown && <p className="event-card__no-date">{v.noCountdown}</p>}
      {v.timeNote && <p className="event-card__date-only">{v.timeNote}</p>}
      <div className="event-card__sources">
        <Provenance sources={v.sources} label={v.sourcesLabel} />
      </div>
      {v.noLmwhOrder !== undefined && <p className="event-card__no-lmwh">{v.noLmwhOrder}</p>}
      {v.notApplicable !== undefined ? <p className="event-card__not-applicable">{v.notApplicable}</p> : <CardBody card={card} v={v} />}
      {onRemove && (
        <button type="button" className="event-card__remove no-print" onClick={onRemove}>
          {m.t('stopCriteria.remove')}
          <span className="visually-hidden">: {v.label}</span>
        </button>
      )}
    </article>
  );
});

function CardBody({ card, v }: { card: EventCard; v: EventCardViewModel }) {
  const m = useMessages();
  return (
    <>
      <div className="event-card__dose-class">
        {m.t('stopCriteria.doseClassUsed')} <strong>{v.doseClass}</strong>{' '}
        <details className="event-card__why">
          <summary>{m.t('stopCriteria.doseClassBasis')}</summary>
          {v.doseClassReason}
        </details>
      </div>
      <ul className="deadlines">
        {v.deadlines.map((row, i) => (
          <DeadlineRow key={`${row.ruleId}-${i}`} row={row} />
        ))}
      </ul>
      {v.differences.length > 0 && (
        <div className="event-card__differences">
          <h4>{m.t('stopCriteria.differences')}</h4>
          <ul>
            {v.differences.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
      )}
      <DeliveryFactsView facts={v.delivery} />
      {/* Guideline information without a computed time: one click away, so the deadlines above stay the answer. */}
      {card.restart.length > 0 && (
        <details className="event-card__restart">
          <summary>{m.t('stopCriteria.after', { n: card.restart.length })}</summary>
          <InfoLineList lines={card.restart} />
        </details>
      )}
      {card.notes.length > 0 && (
        <details className="event-card__notes">
          <summary>{m.t('stopCriteria.notes', { n: card.notes.length })}</summary>
          <InfoLineList lines={card.notes} />
        </details>
      )}
    </>
  );
}
