import { describe, expect, it } from 'vitest';
import { focusEventCard, parseLaunchFocus, proposalEvent } from './launchFocus';

const CONTEXT = JSON.stringify({
  event: 'event:Appointment/booking-1',
  proposal: { class: 'caesarean', label: 'Elective caesarean section', start: '2026-11-27T14:00:00.000Z', dateOnly: false },
});

describe('appContext from a CDS card link', () => {
  it('names the event and the proposed caesarean', () => {
    expect(parseLaunchFocus(CONTEXT)).toEqual({
      event: 'event:Appointment/booking-1',
      proposal: { class: 'caesarean', label: 'Elective caesarean section', start: '2026-11-27T14:00:00.000Z' },
    });
  });

  it('is ignored when it is not JSON, has no event id, or is absent', () => {
    expect(parseLaunchFocus('open-the-chart')).toBeUndefined();
    expect(parseLaunchFocus(JSON.stringify({ proposal: {} }))).toBeUndefined();
    expect(parseLaunchFocus(undefined)).toBeUndefined();
  });

  it('a proposal of a kind without stop rules is not turned into an event', () => {
    const focus = parseLaunchFocus(JSON.stringify({ event: 'event:Appointment/x', proposal: { class: 'embryo-transfer', label: 'ET', start: '2026-11-27T14:00:00Z' } }));
    expect(focus).toEqual({ event: 'event:Appointment/x' });
    expect(proposalEvent(focus!, 'Europe/London')).toBeUndefined();
  });

  it('the proposal becomes an event entered here, at the booked instant', () => {
    const e = proposalEvent(parseLaunchFocus(CONTEXT)!, 'Europe/London')!;
    expect(e).toMatchObject({ id: 'event:Appointment/booking-1', class: 'caesarean', enteredHere: true });
    expect(e.when?.start).toBe(Date.parse('2026-11-27T14:00:00Z'));
  });

  it('focuses the card of that event and reports a card that is not on the page', () => {
    document.body.innerHTML = '<article tabindex="-1" data-event-id="event:A/1">one</article><article tabindex="-1" data-event-id="event:Appointment/booking-1">two</article>';
    expect(focusEventCard('event:Appointment/booking-1')).toBe(true);
    expect(document.activeElement?.textContent).toBe('two');
    expect(focusEventCard('event:Appointment/missing')).toBe(false);
  });
});
