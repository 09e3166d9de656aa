/** The estimated delivery date without a planned delivery: information only, no countdown (and why). */
import type { EddInfoCard } from '../../domain/rules';
import { toIsoInZone } from '../../domain/time';
import { Provenance } from '../common/Provenance';
import { InfoLineList } from './RuleLines';

export function EddCardView({ card, zone }: { card: EddInfoCard; zone: string }) {
  return (
    <article className="event-card event-card--edd" aria-labelledby="edd-card-heading">
      <header className="event-card__header">
        <h3 id="edd-card-heading">Estimated delivery date</h3>
        <p className="event-card__info-only">Information, no countdown</p>
      </header>
      <div className="event-card__when">
        <time dateTime={toIsoInZone(card.eddMs, zone).slice(0, 10)}>{card.eddText}</time>{' '}
        {card.eddSource ? <Provenance sources={card.eddSource} /> : null}
      </div>
      <p>{card.gaText}</p>
      <p>Dated by: {card.datingSource}</p>
      <p className="event-card__no-countdown">{card.noCountdownReason}</p>
      <InfoLineList lines={card.lines} />
    </article>
  );
}
