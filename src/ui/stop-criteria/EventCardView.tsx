/**
 * One planned event as a card: when, where the date came from, the countdown, the dose class the guideline intervals
 * use, one line per stop rule (the source's and each guideline's, never merged) with its deadline and status, the
 * differences, restart information and notes, and on delivery cards the delivery facts. Information only: the
 * wording attributes advice, it never orders.
 */
import { forwardRef } from 'react';
import type { DeadlineLine, EventCard, OrderReading, RuleDose } from '../../domain/rules';
import { formatDateTime, toIsoInZone } from '../../domain/time';
import { Provenance } from '../common/Provenance';
import { InfoLineList, SourceLabel, StatusBadge } from './RuleLines';

const VERDICT: Record<OrderReading['verdict'], string> = { ends: 'ends in time', 'runs-past': 'runs past', unknown: 'unknown' };
const DEADLINE_PREFIX = 'Last dose no later than ';

function DoseList({ doses, zone }: { doses: RuleDose[]; zone: string }) {
  return (
    <ul>
      {doses.map((d, i) => (
        <li key={`${d.source.id ?? i}-${d.atMs}`}>
          {d.drug}, {d.kind}, <time dateTime={toIsoInZone(d.atMs, zone)}>{formatDateTime(d.atMs, zone)}</time> <Provenance sources={d.source} />
        </li>
      ))}
    </ul>
  );
}

function DeadlineRow({ line, zone }: { line: DeadlineLine; zone: string }) {
  const timeText = line.deadlineText.startsWith(DEADLINE_PREFIX) ? line.deadlineText.slice(DEADLINE_PREFIX.length) : line.deadlineMs !== null ? formatDateTime(line.deadlineMs, zone) : '';
  return (
    <li className={`deadline deadline--${line.source.kind}`} data-rule-id={line.ruleId}>
      <div className="deadline__head">
        <SourceLabel source={line.source} />
        <span className="deadline__rule-id">
          {line.ruleId} v{line.ruleVersion}
        </span>
      </div>
      <p className="deadline__wording">{line.wording}</p>
      {line.intervalReason && <p className="deadline__interval">{line.intervalReason}</p>}
      {line.deadlineMs !== null && line.deadlineIsoInZone !== null ? (
        <p className="deadline__time">
          Last dose no later than <time dateTime={line.deadlineIsoInZone}>{timeText}</time>
        </p>
      ) : (
        <p className="deadline__time deadline__time--none">{line.deadlineText}</p>
      )}
      {line.dateOnlyNote && <p className="deadline__date-only">{line.dateOnlyNote}</p>}
      <p className="deadline__status">
        <StatusBadge status={line.status} /> <span className="deadline__status-reason">{line.statusReason}</span>
      </p>
      {line.orders.length > 0 && (
        <div className="deadline__orders">
          <span className="deadline__sub">Orders read for this line:</span>
          <ul>
            {line.orders.map((r, i) => (
              <li key={`${r.order.id}-${i}`}>
                {r.order.description} ({r.order.status}): <strong>{VERDICT[r.verdict]}</strong>, {r.reason} <Provenance sources={r.order.source} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {line.dosesAfterDeadline.length > 0 && (
        <div className="deadline__late-doses" role="note">
          <strong>
            <span aria-hidden="true">▲ </span>
            {line.dosesAfterDeadline.length === 1 ? '1 dose recorded after this deadline' : `${line.dosesAfterDeadline.length} doses recorded after this deadline`}
          </strong>
          <DoseList doses={line.dosesAfterDeadline} zone={zone} />
        </div>
      )}
    </li>
  );
}

function DeliveryFactsView({ card }: { card: EventCard }) {
  const d = card.delivery;
  if (!d) return null;
  return (
    <div className="event-card__delivery">
      <h4>Delivery facts from the record</h4>
      <ul>
        <li>
          {d.platelets} {d.plateletsSource && <Provenance sources={d.plateletsSource} />}
        </li>
        <li>
          {d.aspirin} {d.aspirinSources.length > 0 && <Provenance sources={d.aspirinSources} />}
        </li>
        <li>
          {d.heparinAllergyOrHit} {d.allergySources.length > 0 && <Provenance sources={d.allergySources} />}
        </li>
      </ul>
    </div>
  );
}

export interface EventCardViewProps {
  card: EventCard;
  zone: string;
  /** Shown on what-if cards: removes the card from this session. */
  onRemove?: () => void;
}

export const EventCardView = forwardRef<HTMLElement, EventCardViewProps>(function EventCardView({ card, zone, onRemove }, ref) {
  const e = card.event;
  const headingId = `event-card-${e.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const dateOnly = e.when?.precision === 'day';
  return (
    <article ref={ref} tabIndex={-1} className={`event-card${e.enteredHere ? ' event-card--entered-here' : ''}`} aria-labelledby={headingId} data-event-id={e.id}>
      <header className="event-card__header">
        <h3 id={headingId}>{e.label}</h3>
        {card.enteredHereNote && <p className="event-card__entered-here">{card.enteredHereNote}</p>}
      </header>
      <p className="event-card__when">
        {card.anchorMs !== null ? <time dateTime={toIsoInZone(card.anchorMs, zone)}>{card.anchorText}</time> : card.anchorText}
        {card.countdownMs !== null && <span className="event-card__countdown"> ({card.countdownText})</span>}
      </p>
      {card.countdownMs === null && <p className="event-card__no-date">{card.countdownText}</p>}
      {dateOnly && card.anchorMs !== null && <p className="event-card__date-only">Date only: counts from 00:00 that day in {zone}.</p>}
      {!dateOnly && !e.enteredHere && e.when?.offset === 'assumed' && card.anchorMs !== null && (
        <p className="event-card__date-only">The record gives this time without a UTC offset: it is read in the facility time zone ({e.when.zone}).</p>
      )}
      <div className="event-card__sources">
        {e.sources.length > 0 ? <Provenance sources={e.sources} label={`Source records (${e.sources.length})`} /> : <Provenance sources={[]} label="Source records" />}
      </div>
      {!card.applies ? (
        <p className="event-card__not-applicable">{card.notApplicableReason ?? 'No stop rule here applies to this kind of event.'}</p>
      ) : (
        <>
          <p className="event-card__dose-class">
            Dose class used for the guideline intervals: <strong>{card.doseClass}</strong>. {card.doseClassReason}
          </p>
          <h4>Stop before the event</h4>
          <ul className="deadlines">
            {card.deadlines.map((l, i) => (
              <DeadlineRow key={`${l.ruleId}-${i}`} line={l} zone={zone} />
            ))}
          </ul>
          {card.differences.length > 0 && (
            <div className="event-card__differences">
              <h4>Where the source and the guidelines differ</h4>
              <ul>
                {card.differences.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="event-card__last-dose">
            Last recorded LMWH dose:{' '}
            {card.lastDose ? (
              <>
                {card.lastDose.drug}, {card.lastDose.kind}, <time dateTime={toIsoInZone(card.lastDose.atMs, zone)}>{formatDateTime(card.lastDose.atMs, zone)}</time>{' '}
                <Provenance sources={card.lastDose.source} />
              </>
            ) : (
              'none found'
            )}
          </div>
          <DeliveryFactsView card={card} />
          {card.restart.length > 0 && (
            <div className="event-card__restart">
              <h4>After the event</h4>
              <InfoLineList lines={card.restart} />
            </div>
          )}
          {card.notes.length > 0 && (
            <div className="event-card__notes">
              <h4>Notes</h4>
              <InfoLineList lines={card.notes} />
            </div>
          )}
        </>
      )}
      {onRemove && (
        <button type="button" className="event-card__remove no-print" onClick={onRemove}>
          Remove this entered event<span className="visually-hidden">: {e.label}</span>
        </button>
      )}
    </article>
  );
});
