/**
 * The D-dimer chart: gestational weeks (or calendar time when the pregnancy cannot be dated) against the normalised
 * D-dimer value. FEU results are circles joined by a line on the left axis in the selected unit; DDU results are
 * triangles on their own right axis in ng/mL DDU, never joined to FEU. `<` results are open markers at their bound.
 * Nothing is flagged abnormal for exceeding a non-pregnant cut-off. The chart is described in words (role="img");
 * the table twin below it carries every value.
 *
 * The drawing itself (Recharts, the largest library of the app) is DdimerPlot, loaded as its own chunk so the app's
 * first paint does not wait for it: everything else here, the description in words included, renders at once, and
 * the plot area says "Loading chart…" (role="status", aria-busy on the image) until the chunk has arrived.
 */
import { Fragment, lazy, Suspense, useId, useMemo, useState } from 'react';
import type { DdimerDisplayUnit } from '../../domain/labs';
import type { ReferenceStudyId, TimelineData } from '../../domain/timeline';
import { useMessages } from '../messages/MessagesProvider';
import { sourceLabel } from '../common/Provenance';
import { buildDdimerChartView, type DdimerChartView, type LegendItem, type PointDetailsView } from './timelineViewModel';
import './timeline.css';

/** Okabe-Ito colours (same values as the --oi-* variables in app.css; SVG attributes cannot read CSS variables). */
export const COLOURS = {
  feu: '#0072b2',
  ddu: '#d55e00',
  band: '#009e73',
  lab: '#e69f00',
  deadline: '#cc79a7',
  today: '#000000',
  trimester: ['#56b4e9', '#f0e442', '#cc79a7'],
} as const;

/** Plot-area offsets shared with the lanes under the chart (see --plot-left / --plot-right in timeline.css). */
export const CHART_MARGIN = { top: 20, right: 8, bottom: 4, left: 8 };
export const Y_AXIS_WIDTH = 72;

/** The tooltip of one point: value, original value and unit, date and time with offset, GA, status, lab range, source. */
export function PointDetails({ details }: { details: PointDetailsView }) {
  return (
    <dl>
      {details.rows.map((r) => (
        <Fragment key={r.term}>
          <dt>{r.term}</dt>
          <dd>{r.strong ? <strong>{r.value}</strong> : r.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

let plotModule: Promise<typeof import('./DdimerPlot')> | undefined;
/** Set once the chunk has arrived: then the plot renders directly (a lazy component suspends at least once, and React
 * holds a revealed Suspense boundary back for up to 300 ms). */
let plotLoaded: typeof import('./DdimerPlot') | undefined;

/** Loads the Recharts plot chunk once (retried after a failure). */
export function loadDdimerPlot(): Promise<typeof import('./DdimerPlot')> {
  plotModule ??= import('./DdimerPlot').then((m) => (plotLoaded = m));
  plotModule.catch(() => {
    plotModule = undefined;
  });
  return plotModule;
}

// Fetched as soon as this module runs (while the record is still being read), not when the first chart renders.
void loadDdimerPlot().catch(() => undefined);

/** Said in place of the drawing when its chunk cannot be loaded (offline, deployment changed): nothing is lost. */
function PlotUnavailable() {
  const m = useMessages();
  return <p className="timeline-note">{m.t('timeline.plotUnavailable')}</p>;
}

const DdimerPlot = lazy(() => loadDdimerPlot().then((mod) => ({ default: mod.DdimerPlot }), () => ({ default: PlotUnavailable })));

/**
 * The plot area while the drawing loads: the same description in words, marked busy, and a status beside it (an
 * image's children are not read out, so the status is not inside it).
 */
function PlotLoading({ summary, loading }: { summary: string; loading: string }) {
  return (
    <>
      <p role="status" className="visually-hidden">
        {loading}
      </p>
      <div className="ddimer-chart__plot" role="img" aria-label={summary} aria-busy="true">
        <p className="timeline-note">{loading}</p>
      </div>
    </>
  );
}

function LegendMark({ mark }: { mark: LegendItem['mark'] }) {
  if (mark === 'feu' || mark === 'open') {
    return (
      <svg width="14" height="14" aria-hidden="true">
        <circle cx="7" cy="7" r="5" fill={mark === 'open' ? '#fff' : COLOURS.feu} stroke={COLOURS.feu} strokeWidth="2" />
      </svg>
    );
  }
  if (mark === 'ddu') {
    return (
      <svg width="14" height="14" aria-hidden="true">
        <path d="M7,1 L13,12 L1,12 Z" fill={COLOURS.ddu} stroke={COLOURS.ddu} strokeWidth="2" />
      </svg>
    );
  }
  if (mark === 'lab') {
    return (
      <svg width="20" height="14" aria-hidden="true">
        <line x1="0" y1="7" x2="20" y2="7" stroke={COLOURS.lab} strokeWidth="2" strokeDasharray="6 4" />
      </svg>
    );
  }
  return null;
}

interface ChartControlsProps {
  view: DdimerChartView;
  id: string;
  bandOn: boolean;
  setBandOn: (on: boolean) => void;
  studyId: ReferenceStudyId;
  setStudyId: (id: ReferenceStudyId) => void;
  onUnitChange: (unit: DdimerDisplayUnit) => void;
}

/** Unit selector, reference-band switch and study selector. */
function ChartControls({ view, id, bandOn, setBandOn, studyId, setStudyId, onUnitChange }: ChartControlsProps) {
  const band = view.band;
  const unit = view.unit;
  return (
    <div className="timeline-controls">
      <label htmlFor={`${id}-unit`}>{view.unitLabel}</label>
      <select id={`${id}-unit`} value={unit} onChange={(e) => onUnitChange(e.target.value as DdimerDisplayUnit)}>
        {view.unitOptions.map((u) => (
          <option key={u.value} value={u.value}>
            {u.text}
          </option>
        ))}
      </select>
      <label>
        <input type="checkbox" checked={bandOn} disabled={!band.possible} onChange={(e) => setBandOn(e.target.checked)} aria-describedby={`${id}-band-why`} />
        {view.bandToggle}
      </label>
      {bandOn && band.possible && (
        <>
          <label htmlFor={`${id}-study`}>{view.studyLabel}</label>
          <select id={`${id}-study`} value={studyId} onChange={(e) => setStudyId(e.target.value as ReferenceStudyId)}>
            {band.studies.map((s) => (
              <option key={s.id} value={s.id}>
                {s.text}
              </option>
            ))}
          </select>
        </>
      )}
      {/* Shown when it says why the band cannot be drawn, or once it is drawn; otherwise only the checkbox's description. */}
      <span id={`${id}-band-why`} className="timeline-note" hidden={band.possible && !bandOn}>
        {band.note}
      </span>
    </div>
  );
}

export interface DdimerChartProps {
  data: TimelineData;
  unit: DdimerDisplayUnit;
  onUnitChange: (unit: DdimerDisplayUnit) => void;
  /** Where the exclusions report is (an in-page anchor). */
  exclusionsHref?: string;
  /** The part of the axis drawn (from focusWindow); the whole axis when absent. */
  window?: [number, number];
}

export function DdimerChart({ data, unit, onUnitChange, exclusionsHref = '#exclusions', window }: DdimerChartProps) {
  const id = useId();
  const m = useMessages();
  const [bandOn, setBandOn] = useState(false);
  const [studyId, setStudyId] = useState<ReferenceStudyId>('biomed-res-int-2020');
  const view = useMemo(() => buildDdimerChartView(data, unit, { on: bandOn, studyId }, m, sourceLabel, window), [data, unit, bandOn, studyId, m, window]);
  const band = view.band;
  // Nothing to draw: no controls, legend or empty box, only what was (not) found.
  if (!view.hasPoints) return <EmptyChart view={view} exclusionsHref={exclusionsHref} />;

  return (
    <div className="ddimer-chart">
      <ChartControls view={view} id={id} bandOn={bandOn} setBandOn={setBandOn} studyId={studyId} setStudyId={setStudyId} onUnitChange={onUnitChange} />

      {band.label && (
        <p className="timeline-band-label">
          {band.label}{' '}
          <cite lang="en" data-citation="">
            {band.citation}
          </cite>
        </p>
      )}

      <p className="timeline-note">{view.serialNote}</p>

      {view.calendarAlert && <p className="timeline-alert">{view.calendarAlert}</p>}

      {plotLoaded ? (
        <div className="ddimer-chart__plot" role="img" aria-label={view.summary}>
          <plotLoaded.DdimerPlot view={view} />
        </div>
      ) : (
        <Suspense fallback={<PlotLoading summary={view.summary} loading={view.loading} />}>
          <div className="ddimer-chart__plot" role="img" aria-label={view.summary}>
            <DdimerPlot view={view} />
          </div>
        </Suspense>
      )}

      {/* The marks are labelled on the plot (today, lab limit, trimesters); the full key is one click away. */}
      <details className="ddimer-legend-toggle">
        <summary>{view.legendLabel}</summary>
        <ul className="ddimer-legend" aria-label={view.legendLabel}>
          {view.legend.map((l) => (
            <li key={l.key}>
              <LegendMark mark={l.mark} />
              {l.text}
            </li>
          ))}
        </ul>
      </details>

      {view.dduAxisNote && <p className="timeline-note">{view.dduAxisNote}</p>}
      <ChartNotes view={view} exclusionsHref={exclusionsHref} />
    </div>
  );
}

function EmptyChart({ view, exclusionsHref }: { view: DdimerChartView; exclusionsHref: string }) {
  return (
    <div className="ddimer-chart ddimer-chart--empty">
      {view.noPoints && <p>{view.noPoints}</p>}
      <ChartNotes view={view} exclusionsHref={exclusionsHref} />
    </div>
  );
}

/** Results not plotted (with the way to the exclusions report) and results outside this pregnancy. */
function ChartNotes({ view, exclusionsHref }: { view: DdimerChartView; exclusionsHref: string }) {
  return (
    <>
      {view.notPlottedLink && (
        <p>
          <a href={exclusionsHref}>{view.notPlottedLink}</a>
        </p>
      )}
      {view.outsideNote && <p className="timeline-note">{view.outsideNote}</p>}
    </>
  );
}
