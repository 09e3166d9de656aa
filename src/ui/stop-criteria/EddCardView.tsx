/** The estimated delivery date without a planned delivery: information only, no countdown (and why). */
import type { EddInfoCard } from '../../domain/rules';
import { Provenance } from '../common/Provenance';
import { useMessages } from '../messages/MessagesProvider';
import { InfoLineList } from './RuleLines';
import { buildEddCardView } from './stopCriteriaViewModel';

export function EddCardView({ card }: { card: EddInfoCard }) {
  const m = useMessages();
  const v = buildEddCardView(card, m);
  return (
    <article className="event-card event-card--edd" aria-labelledby="edd-card-heading">
      <header className="event-card__header">
        <h3 id="edd-card-heading">{m.t('stopCriteria.edd.heading')}</h3>
        <p className="event-card__info-only">{m.t('stopCriteria.edd.infoOnly')}</p>
      </header>
      <div className="event-card__when">
        <time dateTime={v.edd.iso}>{v.eddText}</time> {v.eddSource ? <Provenance sources={v.eddSource} /> : null}
      </div>
      <p>{v.gaText}</p>
      <p>{v.datedBy}</p>
      <p className="event-card__no-countdown">{v.noCountdownReason}</p>
      <InfoLineList lines={card.lines} />
    </article>
  );
}
