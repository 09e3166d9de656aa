/**
 * Lanes under the D-dimer chart, on the same x scale (positioned by percentage inside the plot area's width):
 * the LMWH orders (periods, gaps, open ends) and the events (procedures, births, bleeding, stop deadlines). The
 * drawn lane is a picture (aria-hidden); the list under it says the same in words, with sources.
 */
import type { EventMark, EventMarkKind, LmwhLane as LaneData, TimelineAxis } from '../../domain/timeline';
import { Provenance } from '../common/Provenance';
import { UnknownValue } from '../common/UnknownValue';
import './timeline.css';

function pct(x: number, domain: [number, number]): number {
  const [lo, hi] = domain;
  if (hi <= lo) return 0;
  return Math.min(100, Math.max(0, ((x - lo) / (hi - lo)) * 100));
}

export function LmwhLane({ lane, axis }: { lane: LaneData; axis: TimelineAxis }) {
  const d = axis.domain;
  return (
    <section className="lmwh-lane" aria-label="LMWH orders">
      <div className="lane">
        <p className="lane__title">LMWH orders (same time axis as the chart)</p>
        <div className="lane__track" aria-hidden="true">
          {lane.segments.map((s) => {
            const left = pct(s.x1, d);
            const width = Math.max(pct(s.x2, d) - left, 0.3);
            return (
              <div
                key={s.key}
                className={`lane__segment${s.openEnd ? ' lane__segment--open' : ''}`}
                style={{ left: `${left}%`, width: `${width}%` }}
                title={`${s.description}; ${s.periodText}`}
              >
                {s.drug} {s.doseText} {s.frequencyText}
                {s.openEnd ? ' → end unknown' : ''}
              </div>
            );
          })}
          {lane.gaps.map((g, i) => {
            const left = pct(g.x1, d);
            return (
              <div key={`gap-${i}`} className="lane__gap" style={{ left: `${left}%`, width: `${Math.max(pct(g.x2, d) - left, 0.3)}%` }}>
                gap
              </div>
            );
          })}
        </div>
      </div>
      {lane.segments.length === 0 ? (
        <p className="timeline-note">No LMWH order found{axis.kind === 'ga' ? ' in this pregnancy' : ''} (this is not proof that no drug was given).</p>
      ) : (
        <ul className="lane__list">
          {lane.segments.map((s) => (
            <li key={`item-${s.key}`}>
              <strong>{s.drug}</strong> {s.doseText}, {s.frequencyText}; dose per kg:{' '}
              {s.perKgText.known ? s.perKgText.value : <UnknownValue reason={s.perKgText.reason || 'no weight'} />}; {s.periodText}; status {s.statusText}
              {s.clippedStart ? '; starts before the axis' : ''}
              {s.clippedEnd ? '; continues after the axis' : ''} <Provenance sources={s.source} />
            </li>
          ))}
          {lane.gaps.map((g, i) => (
            <li key={`gap-item-${i}`}>Gap: {g.text}</li>
          ))}
        </ul>
      )}
      {lane.notPlaced.length > 0 && (
        <ul className="lane__list">
          {lane.notPlaced.map((n, i) => (
            <li key={`np-${i}`}>
              Order not on this axis: {n.reason} <Provenance sources={n.source} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const GLYPH: Record<EventMarkKind, string> = {
  'embryo-transfer': '◆',
  'oocyte-retrieval': '◇',
  procedure: '■',
  delivery: '▼',
  bleeding: '●',
  'stop-deadline': '✕',
};

const KIND_TEXT: Record<EventMarkKind, string> = {
  'embryo-transfer': 'Embryo transfer',
  'oocyte-retrieval': 'Oocyte retrieval',
  procedure: 'Procedure',
  delivery: 'Birth / caesarean',
  bleeding: 'Bleeding',
  'stop-deadline': 'Stop deadline',
};

function shortLabel(e: EventMark): string {
  if (e.kind === 'stop-deadline') return `stop (${e.ruleSource ?? 'rule'})`;
  return e.label.length > 28 ? `${e.label.slice(0, 27)}…` : e.label;
}

export function EventLane({ events, notPlaced, axis, gaOf }: { events: EventMark[]; notPlaced: { reason: string }[]; axis: TimelineAxis; gaOf?: (e: EventMark) => string | undefined }) {
  const d = axis.domain;
  return (
    <section className="event-lane" aria-label="Events">
      <div className="lane">
        <p className="lane__title">Events (same time axis as the chart)</p>
        <div className="lane__track lane__track--events" aria-hidden="true">
          {events.map((e, i) => {
            const left = pct(e.x, d);
            // Right half of the axis: the label goes left of the glyph so it stays inside the lane.
            const flip = left > 50 ? ' lane__event--flip' : '';
            return (
              <div key={e.key} className={`lane__event lane__event--${e.kind}${flip}`} style={{ left: `${left}%`, top: `${(i % 3) * 1.15}rem` }} title={`${e.label}, ${e.whenText}`}>
                <span className="lane__event-glyph">{GLYPH[e.kind]}</span> {shortLabel(e)}
              </div>
            );
          })}
        </div>
      </div>
      {events.length === 0 ? (
        <p className="timeline-note">No dated events{axis.kind === 'ga' ? ' in this pregnancy' : ''}.</p>
      ) : (
        <ul className="lane__list">
          {events.map((e) => {
            const ga = gaOf?.(e);
            return (
              <li key={`item-${e.key}`}>
                <span aria-hidden="true">{GLYPH[e.kind]} </span>
                {KIND_TEXT[e.kind]}
                {e.planned && e.kind !== 'stop-deadline' ? ' (planned)' : ''}: {e.label}, {e.whenText}
                {ga ? ` (${ga})` : ''} <Provenance sources={e.sources} />
              </li>
            );
          })}
        </ul>
      )}
      {notPlaced.length > 0 && (
        <ul className="lane__list">
          {notPlaced.map((n, i) => (
            <li key={`enp-${i}`}>Not on this axis: {n.reason}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
