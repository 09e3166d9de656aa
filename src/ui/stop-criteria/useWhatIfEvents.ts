/** What-if events of this session: React state only (never localStorage, never the URL). */
import { useCallback, useMemo, useRef, useState } from 'react';
import { evaluateEvent, type EventCard, type RuleContext, type RuleEvent } from '../../domain/rules';

export interface WhatIfEvents {
  events: RuleEvent[];
  add: (event: RuleEvent) => void;
  remove: (id: string) => void;
  nextId: () => string;
}

export function useWhatIfEvents(): WhatIfEvents {
  const [events, setEvents] = useState<RuleEvent[]>([]);
  const counter = useRef(0);
  const add = useCallback((event: RuleEvent) => setEvents((es) => [...es, { ...event, enteredHere: true }]), []);
  const remove = useCallback((id: string) => setEvents((es) => es.filter((e) => e.id !== id)), []);
  const nextId = useCallback(() => {
    counter.current += 1;
    return `entered-here:${counter.current}`;
  }, []);
  return { events, add, remove, nextId };
}

/** The cards of what-if events, evaluated against the record's rule context. */
export function useWhatIfCards(events: RuleEvent[], context: RuleContext): EventCard[] {
  return useMemo(() => events.map((e) => evaluateEvent(e, context)), [events, context]);
}
