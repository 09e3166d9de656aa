/**
 * The event lane: planned and past events, bleeding findings and stop deadlines as marks on the axis; events
 * without a date or outside the pregnancy are listed with the reason.
 */
import { reason } from '../reasons';
import type { ClinicalRecord } from '../record';
import { eventNameParam, type PlannedEvent } from '../events';
import { sourceKey } from '../sourceRef';
import type { SourceRef } from '../types';
import { gaAt, type TimelineContext } from './timelineContext';
import type { EventMark, EventMarkKind, NotPlotted } from './timelineTypes';
import { matchedData } from '../matchedBy';
import { ruleSourceParam } from '../rules/ruleSourceIds';

const EVENT_KIND: Record<PlannedEvent['class'], EventMarkKind> = {
  'embryo-transfer': 'embryo-transfer',
  'oocyte-retrieval': 'oocyte-retrieval',
  caesarean: 'delivery',
  'induction-or-planned-birth': 'delivery',
  delivery: 'delivery',
  'other-surgery': 'procedure',
  'hcg-test': 'procedure',
  other: 'procedure',
};

const NO_SOURCE: SourceRef = { resourceType: 'unknown', id: undefined };

export type EventInput = Pick<ClinicalRecord, 'events' | 'facts' | 'rules'>;

// The rule source goes as its code, not its registry name, so the reader's language words it.
function outsideParams(m: Omit<EventMark, 'x' | 'ga'>) {
  return {
    mark: m.kind === 'bleeding' ? 'bleeding' : m.kind === 'stop-deadline' ? 'deadline' : 'event',
    label: eventNameParam(m.name),
    status: m.findingStatus ?? 'present',
    ruleSource: m.ruleSource ? ruleSourceParam(m.ruleSource) : '',
    hours: m.hoursBefore ?? 'none',
  };
}

interface Collector {
  events: EventMark[];
  notPlaced: NotPlotted[];
  add(m: Omit<EventMark, 'x' | 'ga'>): void;
}

function collector(ctx: TimelineContext): Collector {
  const c: Collector = {
    events: [],
    notPlaced: [],
    add: (m) => {
      if (!ctx.inWindow(m.atMs)) {
        c.notPlaced.push({ source: m.sources[0] ?? NO_SOURCE, reason: reason('timeline.event-outside-pregnancy', outsideParams(m)) });
        return;
      }
      const x = ctx.xOf(m.atMs);
      if (x !== undefined) c.events.push({ ...m, x, ga: gaAt(ctx, m.atMs) });
    },
  };
  return c;
}

function addRecordedEvents(input: EventInput, c: Collector): void {
  for (const e of [...input.events.planned, ...input.events.past]) {
    if (!e.when) {
      c.notPlaced.push({ source: e.sources[0] ?? NO_SOURCE, reason: reason('timeline.event-no-date', { label: eventNameParam(e.name) }) });
      continue;
    }
    c.add({ key: e.id, kind: EVENT_KIND[e.class] ?? 'procedure', name: e.name, atMs: e.when.start, when: e.when, planned: e.planned, sources: e.sources });
  }
}

function addBleeding(input: EventInput, c: Collector): void {
  input.facts.facts
    .filter((f) => f.kind === 'vaginal-bleeding' && f.status !== 'tested-negative')
    .forEach((f, i) => {
      const label = f.source.original ?? matchedData(f.matched);
      const findingStatus = f.status === 'present' ? undefined : f.status;
      if (!f.when) {
        c.notPlaced.push({ source: f.source, reason: reason('timeline.bleeding-no-date', { label, status: findingStatus ?? 'present' }) });
        return;
      }
      c.add({ key: `bleeding:${sourceKey(f.source)}:${i}`, kind: 'bleeding', name: { text: label }, atMs: f.when.start, when: f.when, planned: false, ...(findingStatus ? { findingStatus } : {}), sources: [f.source] });
    });
}

function addDeadlines(input: EventInput, c: Collector): void {
  input.rules.cards.forEach((card, ci) => {
    card.deadlines.forEach((d, di) => {
      if (d.deadlineMs === null) return;
      c.add({
        key: `deadline:${ci}:${di}:${d.ruleId}`,
        kind: 'stop-deadline',
        name: card.event.name,
        atMs: d.deadlineMs,
        planned: true,
        ruleSource: d.source.name,
        hoursBefore: d.hoursBefore,
        sources: card.event.sources,
      });
    });
  });
}

/** Every mark of the event lane, sorted by time, and the events that cannot be placed. */
export function eventMarks(input: EventInput, ctx: TimelineContext): { events: EventMark[]; notPlaced: NotPlotted[] } {
  const c = collector(ctx);
  addRecordedEvents(input, c);
  addBleeding(input, c);
  addDeadlines(input, c);
  c.events.sort((a, b) => a.atMs - b.atMs);
  return { events: c.events, notPlaced: c.notPlaced };
}
