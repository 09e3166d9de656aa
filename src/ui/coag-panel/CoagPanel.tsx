/**
 * Coagulation panel and LMWH safety labs: one card per analyte with the latest value (display unit, comparator kept),
 * its date in the facility zone, the lab's reference range and flag as the lab gave them, a small trend with a text
 * alternative, the analyte's note, Provenance, and the full series as a table (toggle; always printed). Anti-Xa shows
 * the time since the last recorded dose; platelets show the HIT pattern check. Empty analytes say so. Both checks
 * are built with the record (record.hitPattern, record.antiXaTiming); this renders the panel's view model.
 */
import { useId, useMemo, useState } from 'react';
import type { LabPoint } from '../../domain/labs';
import { useMessages } from '../messages/MessagesProvider';
import { Provenance } from '../common/Provenance';
import { UnknownValue } from '../common/UnknownValue';
import { Sparkline } from './Sparkline';
import { buildCoagPanelView, type AnalyteCardView, type CoagPanelSlice, type CoagPanelView, type HitBoxView, type TimingView } from './coagPanelViewModel';
import './coag-panel.css';

function LabTime({ point }: { point: LabPoint }) {
  const m = useMessages();
  return <time dateTime={m.iso(point.time.start)}>{m.moment(point.time)}</time>;
}

function TimingText({ timing }: { timing: TimingView }) {
  if (!timing.known) return <UnknownValue label={timing.label} reason={timing.reason} />;
  return (
    <>
      {timing.text}
      {timing.kindLabel && <span className="coag-caveat"> · {timing.kindLabel}</span>}
      {timing.caveats.map((c) => (
        <span key={c} className="coag-caveat">
          {' '}
          · {c}
        </span>
      ))}
    </>
  );
}

function None({ text, view }: { text: string; view: CoagPanelView }) {
  return text ? <>{text}</> : <span className="coag-none">{view.noneGiven}</span>;
}

function FallList({ falls, label }: { falls: HitBoxView['falls']; label: string }) {
  return (
    <ul>
      {falls.map((f) => (
        <li key={f.key}>
          {f.text} <Provenance sources={f.sources} label={label} />
        </li>
      ))}
    </ul>
  );
}

/** The sources a monitoring row rests on, as published: marked as English, not translated. */
function Basis({ text }: { text: string }) {
  return (
    <cite lang="en" data-citation="">
      {text}
    </cite>
  );
}

function GuidanceList({ guidance }: { guidance: HitBoxView['guidance'] }) {
  if (guidance.length === 0) return null;
  return (
    <ul className="hit-check__guidance">
      {guidance.map((g) => (
        <li key={g.id}>
          {g.text}{' '}
          <span className="coag-citation">
            ({g.citation.reference} (<Basis text={g.citation.basis} />), {g.citation.status};{' '}
            <a href={g.url} target="_blank" rel="noreferrer noopener">
              {g.link}
            </a>
            )
          </span>
        </li>
      ))}
    </ul>
  );
}

function HitBox({ hit }: { hit: HitBoxView }) {
  const headingId = useId();
  const missed = hit.missed ? <p className="coag-caveat">{hit.missed}</p> : null;
  if (hit.quiet) {
    return (
      <div className="hit-check hit-check--quiet">
        <p>{hit.statement}</p>
        {missed}
      </div>
    );
  }
  return (
    <section className={`hit-check${hit.pattern ? ' hit-check--pattern' : ''}${hit.unchecked ? ' hit-check--unchecked' : ''}`} aria-labelledby={headingId}>
      <h4 id={headingId}>{hit.heading}</h4>
      {hit.pattern ? (
        <FallList falls={hit.falls} label={hit.countsLabel} />
      ) : (
        // A div, not a p: the source disclosure (details) cannot sit inside a paragraph.
        <div className="hit-check__statement">
          {hit.statement}
          {hit.started && (
            <>
              {' '}
              <Provenance sources={hit.started.source} label={hit.started.label} />
            </>
          )}
        </div>
      )}
      {hit.attribution && <p className="hit-check__attribution">{hit.attribution}</p>}
      {hit.outside.length > 0 && (
        <>
          <p>{hit.outsideHeading}</p>
          <FallList falls={hit.outside} label={hit.countsLabel} />
        </>
      )}
      {hit.started && hit.pattern && (
        <div className="coag-caveat">
          {hit.started.text} <Provenance sources={hit.started.source} label={hit.started.label} />
        </div>
      )}
      {hit.caveats.length > 0 && (
        <ul className="coag-caveat">
          {hit.caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {missed}
      <GuidanceList guidance={hit.guidance} />
    </section>
  );
}

function SeriesTable({ card, id, hidden, view }: { card: AnalyteCardView; id: string; hidden: boolean; view: CoagPanelView }) {
  return (
    <div id={id} className="coag-series" hidden={hidden}>
      <table className="coag-table">
        <caption>{card.caption}</caption>
        <thead>
          <tr>
            {card.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {card.rows.map((r) => (
            <tr key={r.key}>
              <td>
                <LabTime point={r.point} />
              </td>
              <td title={r.asReportedExact}>{r.asReported}</td>
              <td>
                {r.value}
                {r.conversion && <span className="coag-caveat"> ({r.conversion})</span>}
              </td>
              <td>
                <None text={r.range} view={view} />
              </td>
              <td>{r.status}</td>
              {card.isAntiXa && <td>{r.timing && <TimingText timing={r.timing} />}</td>}
              <td>
                <Provenance sources={r.point.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Latest({ card, view }: { card: AnalyteCardView; view: CoagPanelView }) {
  const latest = card.latest!;
  return (
    <>
      <p className="coag-latest">
        <span className="coag-latest__label">{view.latestLabel}</span>
        <strong className="coag-latest__value">{latest.value}</strong> <LabTime point={latest.point} />
        {latest.statusMark && <span className="coag-status">{latest.statusMark}</span>}
      </p>
      {/* A range or flag the lab did not give is not a line of its own: both missing, the line is left out. */}
      {(latest.range || latest.flag) && (
        <p className="coag-range">
          {latest.range && (
            <>
              {view.rangeLabel} {latest.range}
            </>
          )}
          {latest.range && latest.flag && ' · '}
          {latest.flag && (
            <>
              {view.flagLabel} {latest.flag}
            </>
          )}
        </p>
      )}
      {latest.asReported && (
        <p className="coag-caveat" title={latest.asReportedExact}>
          {latest.asReported}
        </p>
      )}
      <p className="coag-trend">
        <Sparkline points={card.points} />
        <span className="coag-trend__text">{latest.trend}</span>
      </p>
      {latest.timing && (
        <div className="coag-antixa">
          <div className="coag-antixa__timing">
            <TimingText timing={latest.timing} /> {latest.timing.known && <Provenance sources={latest.timing.source} label={view.doseSourceLabel} />}
          </div>
          <p className="coag-reference-note">
            {latest.peakNote}{' '}
            {latest.citation && (
              <span className="coag-citation">
                ({latest.citation.reference} (<Basis text={latest.citation.basis} />); {latest.citation.status})
              </span>
            )}
          </p>
        </div>
      )}
      <Provenance sources={latest.point.source} />
    </>
  );
}

function AnalyteCard({ card, view, withHit }: { card: AnalyteCardView; view: CoagPanelView; withHit: boolean }) {
  const [open, setOpen] = useState(false);
  const baseId = useId();
  const headingId = `${baseId}-h`;
  const tableId = `${baseId}-t`;
  return (
    <article className={`coag-card${card.latest ? '' : ' coag-card--empty'}`} aria-labelledby={headingId} data-analyte={card.analyte}>
      <h3 id={headingId}>{card.label}</h3>
      {card.note && <p className="coag-note">{card.note}</p>}
      {card.latest ? <Latest card={card} view={view} /> : <p className="coag-empty">{card.empty}</p>}
      {withHit && <HitBox hit={view.hit} />}
      {card.exclusions.length > 0 && (
        <div className="coag-exclusions">
          <p>{card.exclusionsHeading}</p>
          <ul>
            {card.exclusions.map((e) => (
              <li key={e.key}>
                {e.text}: {e.reason} <Provenance sources={e.source} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {card.rows.length > 0 && (
        <>
          <button type="button" className="coag-toggle" aria-expanded={open} aria-controls={tableId} onClick={() => setOpen((o) => !o)}>
            {open ? card.toggleHide : card.toggleShow}
          </button>
          <SeriesTable card={card} id={tableId} hidden={!open} view={view} />
        </>
      )}
    </article>
  );
}

export interface CoagPanelProps {
  record: CoagPanelSlice;
}

export function CoagPanel({ record }: CoagPanelProps) {
  const m = useMessages();
  const view = useMemo(() => buildCoagPanelView(record, m), [record, m]);
  return (
    <section className="coag-panel" aria-labelledby="coag-panel-heading">
      <h2 id="coag-panel-heading">{view.heading}</h2>
      {view.incomplete && (
        <p className="coag-banner" role="status">
          {view.incomplete}
        </p>
      )}
      {view.cards.length > 0 && (
        <div className="coag-grid">
          {view.cards.map((c) => (
            <AnalyteCard key={c.analyte} card={c} view={view} withHit={c.analyte === 'platelets'} />
          ))}
        </div>
      )}
      {view.emptyLine && <p className="coag-empty-line">{view.emptyLine}</p>}
    </section>
  );
}
