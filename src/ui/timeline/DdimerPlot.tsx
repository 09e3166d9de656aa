/**
 * The drawn part of the D-dimer chart (Recharts): axes, trimester columns, reference band, lab limit, deadlines,
 * today, the FEU and DDU series and the point tooltip. Its own lazily loaded chunk: DdimerChart renders the controls,
 * the description in words (role="img"), the legend and the notes at once, and this once Recharts has loaded.
 * Everything it draws, labels included, comes from the chart's view model.
 */
import {
  CartesianGrid,
  ComposedChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
  type ScatterShapeProps,
  type TooltipContentProps,
  type TooltipValueType as ValueType,
  type XAxisTickContentProps,
} from 'recharts';
import { CHART_MARGIN, COLOURS, PointDetails, Y_AXIS_WIDTH } from './DdimerChart';
import type { AxisTickView, ChartPoint, DdimerChartView } from './timelineViewModel';
import { PERF_MARKS, useMarkOnce } from '../common/perfMarks';

function FeuShape(props: ScatterShapeProps) {
  const { cx, cy } = props;
  const p = props.payload as ChartPoint | undefined;
  if (cx === undefined || cy === undefined) return <g />;
  return (
    <g>
      <circle cx={cx} cy={cy} r={5} fill={p?.open ? '#ffffff' : COLOURS.feu} stroke={COLOURS.feu} strokeWidth={2} />
      <StatusMark x={cx} y={cy} mark={p?.mark} />
    </g>
  );
}

/** A result that is not final says so beside its marker. */
function StatusMark({ x, y, mark }: { x: number; y: number; mark: string | undefined }) {
  if (!mark) return null;
  return (
    <text x={x + 8} y={y - 8} fontSize={10} fontStyle="italic" fill="#1a1a1a" className="ddimer-status-mark">
      {mark}
    </text>
  );
}

function DduShape(props: ScatterShapeProps) {
  const { cx, cy } = props;
  const p = props.payload as ChartPoint | undefined;
  if (cx === undefined || cy === undefined) return <g />;
  return (
    <g>
      <path d={`M${cx},${cy - 6} L${cx + 6},${cy + 5} L${cx - 6},${cy + 5} Z`} fill={p?.open ? '#ffffff' : COLOURS.ddu} stroke={COLOURS.ddu} strokeWidth={2} />
      <StatusMark x={cx} y={cy} mark={p?.mark} />
    </g>
  );
}

function AxisTick({ props, ticks }: { props: XAxisTickContentProps; ticks: readonly AxisTickView[] }) {
  const value = Number(props.payload.value);
  const tick = ticks.find((t) => t.value === value);
  return (
    <g transform={`translate(${Number(props.x)},${Number(props.y)})`}>
      <text dy={12} textAnchor="middle" fontSize={11} fill="#1a1a1a">
        {tick?.top ?? ''}
      </text>
      {tick?.bottom && (
        <text dy={26} textAnchor="middle" fontSize={10} fill="#4d4d4d">
          {tick.bottom}
        </text>
      )}
    </g>
  );
}

function PointTooltip(props: TooltipContentProps<ValueType, string | number>) {
  const point = props.active ? (props.payload?.[0]?.payload as ChartPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="ddimer-tooltip">
      <PointDetails details={point.details} />
    </div>
  );
}

export interface DdimerPlotProps {
  view: DdimerChartView;
}

// eslint-disable-next-line max-lines-per-function -- one Recharts chart declaration: the axes, reference areas and series are the chart element's children, listed together so their drawing order is visible in one place.
export function DdimerPlot({ view }: DdimerPlotProps) {
  useMarkOnce(PERF_MARKS.chart);
  const { axis, feu, ddu } = view;
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 900, height: 360 }}>
      <ComposedChart margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="2 4" stroke="#c4c9cf" />
        {view.trimesters.map((b, i) => (
          <ReferenceArea
            key={b.key}
            yAxisId="feu"
            x1={b.x1}
            x2={b.x2}
            fill={COLOURS.trimester[i % 3]}
            fillOpacity={0.08}
            label={b.label ? { value: b.label, position: 'insideTop', fontSize: 11, fill: '#4d4d4d' } : undefined}
          />
        ))}
        {view.band.areas.map((a) => (
          <ReferenceArea
            key={`band-${a.trimester}`}
            yAxisId="feu"
            x1={a.x1}
            x2={a.x2}
            y1={a.y1}
            y2={a.y2}
            ifOverflow="hidden"
            fill={COLOURS.band}
            fillOpacity={0.15}
            stroke={COLOURS.band}
            strokeDasharray="3 3"
            label={a.label ? { value: a.label, position: 'insideRight', fontSize: 10, fill: '#006b4e' } : undefined}
          />
        ))}
        <XAxis
          xAxisId={0}
          type="number"
          dataKey="x"
          domain={axis.domain}
          ticks={axis.ticks}
          interval={0}
          allowDataOverflow
          height={axis.kind === 'ga' ? 44 : 30}
          tick={(p: XAxisTickContentProps) => <AxisTick props={p} ticks={view.ticks} />}
        />
        {/* Explicit domains and ticks on both value axes: the DDU axis is a fixed half of the FEU axis. */}
        <YAxis
          yAxisId="feu"
          type="number"
          dataKey="y"
          width={Y_AXIS_WIDTH}
          domain={view.feuDomain}
          ticks={view.feuTicks}
          allowDataOverflow
          label={{ value: view.yLabelFeu, angle: -90, position: 'insideLeft', fontSize: 12 }}
        />
        <YAxis
          yAxisId="ddu"
          orientation="right"
          type="number"
          dataKey="y"
          width={Y_AXIS_WIDTH}
          domain={view.dduDomain}
          ticks={view.dduTicks}
          allowDataOverflow
          tick={ddu.length > 0}
          axisLine={ddu.length > 0}
          label={ddu.length > 0 ? { value: view.yLabelDdu, angle: 90, position: 'insideRight', fontSize: 12 } : undefined}
        />
        {view.labLimits.map((l) => (
          <ReferenceLine
            key={l.key}
            yAxisId="feu"
            y={l.y}
            ifOverflow="hidden"
            stroke={COLOURS.lab}
            strokeDasharray="6 4"
            label={{ value: l.label, position: 'insideTopLeft', fontSize: 10, fill: '#1a1a1a' }}
          />
        ))}
        {view.deadlines.map((d) => (
          <ReferenceLine key={d.key} yAxisId="feu" x={d.x} stroke={COLOURS.deadline} strokeDasharray="4 2" label={{ value: d.label, position: 'insideTopRight', fontSize: 10, angle: -90 }} />
        ))}
        {view.today && (
          <ReferenceLine yAxisId="feu" x={view.today.x} stroke={COLOURS.today} strokeDasharray="2 2" label={{ value: view.today.label, position: 'top', fontSize: 11 }} />
        )}
        <Scatter name={view.seriesFeu} yAxisId="feu" data={feu} line={{ stroke: COLOURS.feu, strokeWidth: 1.5 }} lineType="joint" shape={FeuShape} isAnimationActive={false} />
        {ddu.length > 0 && <Scatter name={view.seriesDdu} yAxisId="ddu" data={ddu} shape={DduShape} isAnimationActive={false} />}
        <Tooltip content={PointTooltip} cursor={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
