/**
 * A small trend line (inline SVG, decorative: aria-hidden; the caller shows the text twin). x by time, y by value;
 * a bound (comparator) is drawn as an open circle so it is not read as a measurement.
 */
import type { LabPoint } from '../../domain/labs';

const W = 120;
const H = 28;
const PAD = 3;

export function Sparkline({ points }: { points: LabPoint[] }) {
  const list = points.filter((p) => Number.isFinite(p.value) && Number.isFinite(p.time.start));
  if (list.length < 2) return null;
  const t0 = list[0]!.time.start;
  const t1 = list[list.length - 1]!.time.start;
  const values = list.map((p) => p.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (t: number) => (t1 === t0 ? W / 2 : PAD + ((t - t0) / (t1 - t0)) * (W - 2 * PAD));
  const y = (v: number) => (hi === lo ? H / 2 : H - PAD - ((v - lo) / (hi - lo)) * (H - 2 * PAD));
  const coords = list.map((p) => [x(p.time.start), y(p.value)] as const);
  return (
    <svg className="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      <polyline points={coords.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')} fill="none" stroke="var(--oi-blue)" strokeWidth="1.5" />
      {list.map((p, i) => (
        <circle
          key={i}
          cx={coords[i]![0]}
          cy={coords[i]![1]}
          r={i === list.length - 1 ? 2.5 : 1.5}
          fill={p.comparator ? '#fff' : 'var(--oi-blue)'}
          stroke="var(--oi-blue)"
          strokeWidth="1"
        />
      ))}
    </svg>
  );
}
