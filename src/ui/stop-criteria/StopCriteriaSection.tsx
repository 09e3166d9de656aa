/**
 * "Scheduled procedures and delivery": one card per planned event in the record (soonest first, undated last), the
 * estimated-delivery information card, and what-if events entered here for this session. Says plainly when nothing
 * was found, and when the planned-event searches were incomplete (then "none found" is never said).
 */
import { useEffect, useRef } from 'react';
import type { ClinicalRecord } from '../../domain/record';
import { plannedEventSearch } from '../../domain/rules/searchCompleteness';
import { useMessages } from '../messages/MessagesProvider';
import { buildStopCriteriaView } from './stopCriteriaViewModel';
import { EddCardView } from './EddCardView';
import { EventCardView } from './EventCardView';
import { useWhatIfCards, useWhatIfEvents, type WhatIfEvents } from './useWhatIfEvents';
import { WhatIfForm } from './WhatIfForm';
import './stop-criteria.css';

export interface StopCriteriaSectionProps {
  record: ClinicalRecord;
  /** What-if state, when the parent shares it (e.g. with Copy to note); otherwise the section keeps its own. */
  whatIf?: WhatIfEvents;
}

/** Focus moves to a new what-if card, or back to the heading when one is removed (after the render that shows it). */
function useFocusAfterRender() {
  const pendingFocus = useRef<string | null>(null);
  const cardRefs = useRef(new Map<string, HTMLElement>());
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    if (target === '#heading') headingRef.current?.focus();
    else cardRefs.current.get(target)?.focus();
  });
  const focusAfterRender = (target: string) => {
    pendingFocus.current = target;
  };
  const registerCard = (id: string, el: HTMLElement | null) => {
    if (el) cardRefs.current.set(id, el);
    else cardRefs.current.delete(id);
  };
  return { focusAfterRender, registerCard, headingRef };
}

export function StopCriteriaSection({ record, whatIf }: StopCriteriaSectionProps) {
  const own = useWhatIfEvents();
  const w = whatIf ?? own;
  const whatIfCards = useWhatIfCards(w.events, record.rules.context);
  const m = useMessages();
  const zone = record.zone;
  const cards = record.rules.cards;
  const view = buildStopCriteriaView({ cardCount: cards.length, search: plannedEventSearch(record.groups) }, m);

  const { focusAfterRender, registerCard, headingRef } = useFocusAfterRender();

  return (
    <section className="stop-criteria" aria-labelledby="stop-criteria-heading">
      <h2 id="stop-criteria-heading" ref={headingRef} tabIndex={-1}>
        {m.t('stopCriteria.heading')}
      </h2>
      {view.incomplete && (
        <p className="stop-criteria__incomplete" role="note">
          <span aria-hidden="true">? </span>
          {view.incomplete}
        </p>
      )}
      {view.empty && <p className="stop-criteria__empty">{view.empty}</p>}
      {cards.length > 0 && (
        <div className="stop-criteria__cards">
          {cards.map((c) => (
            <EventCardView key={c.event.id} card={c} />
          ))}
        </div>
      )}
      {record.rules.eddCard && <EddCardView card={record.rules.eddCard} />}
      {whatIfCards.length > 0 && (
        <div className="stop-criteria__cards stop-criteria__cards--entered-here">
          {whatIfCards.map((c) => (
            <EventCardView
              key={c.event.id}
              card={c}
              ref={(el) => registerCard(c.event.id, el)}
              onRemove={() => {
                w.remove(c.event.id);
                focusAfterRender('#heading');
              }}
            />
          ))}
        </div>
      )}
      <WhatIfForm
        zone={zone}
        nextId={w.nextId}
        onAdd={(e) => {
          w.add(e);
          focusAfterRender(e.id);
        }}
      />
    </section>
  );
}
