/**
 * Opening the app on one event: an EHR launch from a CDS Hooks card carries SMART `appContext` (a JSON string) naming
 * the event ("event:Appointment/abc", the id the app's event reader gives it) and the proposal itself. When the record
 * has that event, its card is scrolled to and focused. When it does not (a booking not yet stored in the EHR), the
 * proposal is shown as an event entered here (labelled "not in the record") and that card is focused. appContext is
 * kept in memory only: never in the URL or in storage.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ClinicalRecord } from '../../domain/record';
import { PLANNED_EVENT_CLASSES, type PlannedEventClass, type RuleEvent } from '../../domain/rules';
import { parseFhirDate } from '../../domain/time';
import type { WhatIfEvents } from '../stop-criteria/useWhatIfEvents';
import { useAppContext } from './AppContext';

export interface LaunchFocus {
  event: string;
  proposal?: { class: PlannedEventClass; label: string; start: string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the appContext string; anything else (not JSON, no event id) is ignored. */
export function parseLaunchFocus(appContext: string | undefined): LaunchFocus | undefined {
  if (!appContext) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(appContext);
  } catch {
    return undefined;
  }
  if (!isObject(v) || typeof v.event !== 'string' || v.event === '') return undefined;
  const p = v.proposal;
  const proposal =
    isObject(p) && typeof p.class === 'string' && (PLANNED_EVENT_CLASSES as readonly string[]).includes(p.class) && typeof p.label === 'string' && typeof p.start === 'string'
      ? { class: p.class as PlannedEventClass, label: p.label, start: p.start }
      : undefined;
  return { event: v.event, ...(proposal ? { proposal } : {}) };
}

/** The proposal as an event entered here (for a booking the record does not hold yet). */
export function proposalEvent(focus: LaunchFocus, zone: string): RuleEvent | undefined {
  if (!focus.proposal) return undefined;
  const when = parseFhirDate(focus.proposal.start, zone);
  if (!when) return undefined;
  return { id: focus.event, class: focus.proposal.class, name: { text: focus.proposal.label }, when, sources: [], enteredHere: true };
}

/** Scrolls to and focuses the card of one event; false when it is not on the page (yet). */
export function focusEventCard(eventId: string, root: ParentNode = document): boolean {
  const el = Array.from(root.querySelectorAll<HTMLElement>('[data-event-id]')).find((e) => e.dataset.eventId === eventId);
  if (!el) return false;
  el.scrollIntoView?.({ block: 'start' });
  el.focus({ preventScroll: true });
  return true;
}

/** Once per launch, after the record has loaded: focus the event the launch named. */
export function useLaunchFocus(record: ClinicalRecord, whatIf: WhatIfEvents): void {
  const { appContext } = useAppContext();
  const focus = useMemo(() => parseLaunchFocus(appContext), [appContext]);
  // undefined: not decided yet; null: nothing (more) to focus; a string: the card to focus once it is rendered.
  const target = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (target.current === undefined) {
      target.current = null;
      if (!focus) return;
      if (record.rules.cards.some((c) => c.event.id === focus.event)) target.current = focus.event;
      else {
        const event = proposalEvent(focus, record.zone);
        if (event) {
          whatIf.add(event);
          target.current = event.id;
        }
      }
    }
    if (target.current && focusEventCard(target.current)) target.current = null;
  });
}
