/**
 * Lanes under the D-dimer chart, on the same x scale (positioned by percentage inside the plot area's width):
 * the LMWH orders (periods, gaps, open ends) and the events (procedures, births, bleeding, stop deadlines). The
 * drawn lane is a picture (aria-hidden); the list under it says the same in words, with sources.
 */
import { useMemo } from 'react';
import type { TimelineData } from '../../domain/timeline';
import { useMessages } from '../messages/MessagesProvider';
import { Provenance } from '../common/Provenance';
import { buildEventLaneView, buildLmwhLaneView } from './timelineViewModel';
import './timeline.css';

export function LmwhLane({ data }: { data: TimelineData }) {
  const m = useMessages();
  const view = useMemo(() => buildLmwhLaneView(data, m), [data, m]);
  return (
    <section className="lmwh-lane" aria-label={view.label}>
      <div className="lane">
        <p className="lane__title">{view.title}</p>
        <div className="lane__track" aria-hidden="true">
          {view.segments.map((s) => (
            <div key={s.key} className={`lane__segment${s.openEnd ? ' lane__segment--open' : ''}`} style={{ left: `${s.left}%`, width: `${s.width}%` }} title={s.title}>
              {s.text}
            </div>
          ))}
          {view.gaps.map((g) => (
            <div key={g.key} className="lane__gap" style={{ left: `${g.left}%`, width: `${g.width}%` }}>
              {g.mark}
            </div>
          ))}
        </div>
      </div>
      {view.none !== undefined ? (
        <p className="timeline-note">{view.none}</p>
      ) : (
        <ul className="lane__list">
          {view.segments.map((s) => (
            <li key={`item-${s.key}`}>
              <strong>{s.drug}</strong> {s.doseLine}
              {s.statusLine} <Provenance sources={s.source} />
            </li>
          ))}
          {view.gaps.map((g) => (
            <li key={`item-${g.key}`}>{g.text}</li>
          ))}
        </ul>
      )}
      {view.notPlaced.length > 0 && (
        <ul className="lane__list">
          {view.notPlaced.map((n) => (
            <li key={n.key}>
              {n.text} <Provenance sources={n.source} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function EventLane({ data }: { data: TimelineData }) {
  const m = useMessages();
  const view = useMemo(() => buildEventLaneView(data, m), [data, m]);
  return (
    <section className="event-lane" aria-label={view.label}>
      <div className="lane">
        <p className="lane__title">{view.title}</p>
        <div className="lane__track lane__track--events" aria-hidden="true">
          {view.events.map((e) => (
            <div
              key={e.key}
              className={`lane__event lane__event--${e.kind}${e.flip ? ' lane__event--flip' : ''}`}
              style={{ left: `${e.left}%`, top: `${e.row * 1.15}rem` }}
              title={e.title}
            >
              <span className="lane__event-glyph">{e.glyph}</span> {e.shortIsRecordText ? <span data-record-text="">{e.short}</span> : e.short}
            </div>
          ))}
        </div>
      </div>
      {view.none !== undefined ? (
        <p className="timeline-note">{view.none}</p>
      ) : (
        <ul className="lane__list">
          {/* Stop deadlines are drawn here and written, with their status, on the event cards below: not listed twice. */}
          {view.events
            .filter((e) => e.kind !== 'stop-deadline')
            .map((e) => (
            <li key={`item-${e.key}`}>
              <span aria-hidden="true">{e.glyph} </span>
              {e.item} <Provenance sources={e.sources} />
            </li>
          ))}
        </ul>
      )}
      {view.notPlaced.length > 0 && (
        <ul className="lane__list">
          {view.notPlaced.map((n, i) => (
            <li key={`enp-${i}`}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
