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
import { lazy, Suspense, useId, useState } from 'react';
import type { DdimerDisplayUnit } from '../../domain/labs';
import {
  DISPLAY_UNITS,
  feuUnitLabel,
  REFERENCE_STUDIES,
  referenceBandAreas,
  referenceBandLabel,
  type DdimerPoint,
  type ReferenceStudyId,
  type TimelineData,
} from '../../domain/timeline';
import { sourceLabel } from '../common/Provenance';
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

export const SERIAL_DDIMER_NOTE =
  'Serial D-dimer in pregnancy is informational: it rises in normal pregnancy (Kline JA et al. D-dimer concentrations in normal pregnancy: new diagnostic thresholds are needed. Clin Chem 2005;51(5):825–9). No value here is flagged abnormal for exceeding a non-pregnant cut-off.';

const UNIT_OPTION_TEXT: Record<DdimerDisplayUnit, string> = { 'ng/mL': 'ng/mL FEU', 'mg/L': 'mg/L FEU', 'ug/mL': 'ug/mL FEU' };

/** The tooltip of one point: original value and unit, date and time with offset, GA, status, lab range, source. */
export function PointDetails({ point }: { point: DdimerPoint }) {
  return (
    <dl>
      <dt>Value</dt>
      <dd>
        {point.valueText}
        {point.open ? ' (below the bound shown)' : ''}
      </dd>
      <dt>As reported</dt>
      <dd>{point.originalText}</dd>
      <dt>Date</dt>
      <dd>{point.whenText}</dd>
      <dt>Gestational age</dt>
      <dd>{point.gaText.known ? point.gaText.value : `unknown (${point.gaText.reason})`}</dd>
      <dt>Status</dt>
      <dd>{point.statusText ? <strong>{point.statusText}</strong> : 'final'}</dd>
      <dt>Lab range</dt>
      <dd>{point.referenceRangeText ?? 'none given by the lab'}</dd>
      <dt>Source</dt>
      <dd>{sourceLabel(point.source)}</dd>
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
  return <p className="timeline-note">The chart drawing could not be loaded; the table below lists every result.</p>;
}

const DdimerPlot = lazy(() => loadDdimerPlot().then((m) => ({ default: m.DdimerPlot }), () => ({ default: PlotUnavailable })));

/**
 * The plot area while the drawing loads: the same description in words, marked busy, and a status beside it (an
 * image's children are not read out, so the status is not inside it).
 */
function PlotLoading({ summary }: { summary: string }) {
  return (
    <>
      <p role="status" className="visually-hidden">
        Loading chart…
      </p>
      <div className="ddimer-chart__plot" role="img" aria-label={summary} aria-busy="true">
        <p className="timeline-note">Loading chart…</p>
      </div>
    </>
  );
}

export interface DdimerChartProps {
  data: TimelineData;
  zone: string;
  onUnitChange: (unit: DdimerDisplayUnit) => void;
  /** Where the exclusions report is (an in-page anchor). */
  exclusionsHref?: string;
}

export function DdimerChart({ data, zone, onUnitChange, exclusionsHref = '#exclusions' }: DdimerChartProps) {
  const id = useId();
  const [bandOn, setBandOn] = useState(false);
  const [studyId, setStudyId] = useState<ReferenceStudyId>('biomed-res-int-2020');
  const { axis, feu, ddu, unit } = data;
  const study = REFERENCE_STUDIES.find((s) => s.id === studyId) ?? REFERENCE_STUDIES[0]!;
  const bandPossible = axis.kind === 'ga' && feu.length > 0;
  const bandAreas = bandOn && bandPossible ? referenceBandAreas(study, unit, axis.domain) : [];
  const deadlines = data.events.filter((e) => e.kind === 'stop-deadline');
  const hasPoints = feu.length + ddu.length > 0;

  return (
    <div className="ddimer-chart">
      <div className="timeline-controls">
        <label htmlFor={`${id}-unit`}>D-dimer unit</label>
        <select id={`${id}-unit`} value={unit} onChange={(e) => onUnitChange(e.target.value as DdimerDisplayUnit)}>
          {DISPLAY_UNITS.map((u) => (
            <option key={u} value={u}>
              {UNIT_OPTION_TEXT[u]}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={bandOn} disabled={!bandPossible} onChange={(e) => setBandOn(e.target.checked)} aria-describedby={`${id}-band-why`} />
          Show a gestation-specific reference band (study data, not a threshold)
        </label>
        {bandOn && bandPossible && (
          <>
            <label htmlFor={`${id}-study`}>Reference study</label>
            <select id={`${id}-study`} value={studyId} onChange={(e) => setStudyId(e.target.value as ReferenceStudyId)}>
              {REFERENCE_STUDIES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.assay})
                </option>
              ))}
            </select>
          </>
        )}
        <span id={`${id}-band-why`} className="timeline-note">
          {bandPossible
            ? 'Drawn over FEU results only.'
            : axis.kind !== 'ga'
              ? 'The reference band needs gestational age, which is not known.'
              : 'The reference band is drawn over FEU results only; there are none.'}
        </span>
      </div>

      {bandAreas.length > 0 && (
        <p className="timeline-band-label">
          {referenceBandLabel(study)}. Shown in {feuUnitLabel(unit)} scaling of the published ng/mL figures. Source: {study.citation}.
        </p>
      )}

      <p className="timeline-note">{SERIAL_DDIMER_NOTE}</p>

      {axis.kind === 'calendar' && (
        <p className="timeline-alert">
          Calendar dates on the x axis: gestational age cannot be shown ({axis.reason}).
        </p>
      )}

      {hasPoints ? (
        plotLoaded ? (
          <div className="ddimer-chart__plot" role="img" aria-label={data.summary}>
            <plotLoaded.DdimerPlot data={data} zone={zone} bandAreas={bandAreas} study={study} />
          </div>
        ) : (
          <Suspense fallback={<PlotLoading summary={data.summary} />}>
            <div className="ddimer-chart__plot" role="img" aria-label={data.summary}>
              <DdimerPlot data={data} zone={zone} bandAreas={bandAreas} study={study} />
            </div>
          </Suspense>
        )
      ) : (
        <div className="ddimer-chart__plot" role="img" aria-label={data.summary} />
      )}

      <ul className="ddimer-legend" aria-label="Chart legend">
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="5" fill={COLOURS.feu} stroke={COLOURS.feu} strokeWidth="2" />
          </svg>
          D-dimer FEU, circles joined by a line (left axis, {feuUnitLabel(unit)})
        </li>
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="5" fill="#fff" stroke={COLOURS.feu} strokeWidth="2" />
          </svg>
          Open marker: result reported as below a bound (e.g. &lt;0.27), drawn at the bound
        </li>
        {ddu.length > 0 && (
          <li>
            <svg width="14" height="14" aria-hidden="true">
              <path d="M7,1 L13,12 L1,12 Z" fill={COLOURS.ddu} stroke={COLOURS.ddu} strokeWidth="2" />
            </svg>
            D-dimer DDU, triangles, not joined and not converted (right axis, ng/mL DDU)
          </li>
        )}
        {data.labUpperLimits.map((l) => (
          <li key={`legend-lab-${l.y}`}>
            <svg width="20" height="14" aria-hidden="true">
              <line x1="0" y1="7" x2="20" y2="7" stroke={COLOURS.lab} strokeWidth="2" strokeDasharray="6 4" />
            </svg>
            Dashed line: {l.label}
          </li>
        ))}
        {data.today.x !== undefined && <li>Dotted vertical line: {data.today.text}</li>}
        {deadlines.length > 0 && <li>Dashed vertical lines: stop deadlines; each is labelled with its rule source in the events lane below the chart</li>}
        {axis.kind === 'ga' && <li>Shaded columns: trimesters (1st to 13w 6d, 2nd 14w 0d to 27w 6d, 3rd from 28w 0d)</li>}
      </ul>

      {!hasPoints && <p>No D-dimer results to plot{axis.kind === 'ga' ? ' in this pregnancy' : ''}.</p>}
      {data.notPlotted.length > 0 && (
        <p>
          <a href={exclusionsHref}>
            {data.notPlotted.length} result{data.notPlotted.length > 1 ? 's' : ''} not plotted — see exclusions
          </a>
        </p>
      )}
      {data.outsidePregnancy.length > 0 && (
        <p className="timeline-note">
          {data.outsidePregnancy.length} result{data.outsidePregnancy.length > 1 ? 's' : ''} outside this pregnancy (listed in the table below, not plotted).
        </p>
      )}
    </div>
  );
}
