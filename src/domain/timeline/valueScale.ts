/**
 * The D-dimer chart's value axes. FEU on the left; DDU on the right, drawn at a fixed half of the FEU axis because
 * 1 DDU is about 2 FEU (an approximation, assay dependent): a 300 ng/mL DDU result then sits where about 600 ng/mL
 * FEU would, so the two series can be compared at a glance. Only the drawing uses the ratio: DDU values are never
 * converted in the data or the table. Both axes have explicit, equal-fraction ticks so neither scales itself.
 */

/** The right axis's top is this fraction of the left axis's top (both in ng/mL). */
export const DDU_AXIS_FRACTION_OF_FEU = 0.5;

const MANTISSAS = [1, 1.2, 1.6, 2, 3, 4, 5, 6, 8, 10];
/** Top of the FEU axis when nothing is drawn. */
const EMPTY_TOP_NG = 1000;
export const VALUE_TICK_COUNT = 5;

/** The smallest "round" number (1, 1.2, 1.6, 2, 3, 4, 5, 6 or 8 times a power of ten) at or above v. */
export function niceCeiling(v: number): number {
  if (!Number.isFinite(v) || v <= 0) return EMPTY_TOP_NG;
  const power = 10 ** Math.floor(Math.log10(v));
  const mantissa = MANTISSAS.find((x) => x * power >= v * (1 - 1e-12)) ?? 10;
  return Number((mantissa * power).toPrecision(6));
}

export interface ValueScale {
  /** Top of the FEU axis, ng/mL FEU. */
  feuTopNg: number;
  /** Top of the DDU axis, ng/mL DDU: always DDU_AXIS_FRACTION_OF_FEU of the FEU top. */
  dduTopNg: number;
}

/**
 * Axis tops that hold every FEU value, every DDU value at its FEU-equivalent height, and any other line drawn on the
 * FEU axis (lab limits, reference bands), all in ng/mL.
 */
export function valueScale(feuNg: readonly number[], dduNg: readonly number[], otherFeuNg: readonly number[] = []): ValueScale {
  const heights = [...feuNg, ...dduNg.map((v) => v / DDU_AXIS_FRACTION_OF_FEU), ...otherFeuNg].filter((v) => Number.isFinite(v));
  const feuTopNg = niceCeiling(heights.length > 0 ? Math.max(...heights) : 0);
  return { feuTopNg, dduTopNg: feuTopNg * DDU_AXIS_FRACTION_OF_FEU };
}

/** Equal-fraction ticks from 0 to top. */
export function valueTicks(top: number): number[] {
  return Array.from({ length: VALUE_TICK_COUNT }, (_, i) => Number(((top * i) / (VALUE_TICK_COUNT - 1)).toPrecision(6)));
}
