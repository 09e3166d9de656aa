/**
 * Gestation-specific D-dimer reference data (docs/clinical-reference.md section 4), as an optional, labelled band.
 * Assay-specific and from single studies: never a threshold, never used to flag a value. The studies' unit type
 * (FEU or DDU) is not established, so the band is only drawn over FEU results and says so.
 */
import type { DdimerDisplayUnit } from '../labs';
import type { Trimester } from '../pregnancy';

export type ReferenceStudyId = 'biomed-res-int-2020' | 'scand-j-clin-lab-invest-2018';

export interface ReferenceStudy {
  id: ReferenceStudyId;
  /** The short name, the assay and the unit as published (with what is not known of its type) are worded in the
   * catalogue by id (`timeline.study.name|assay|unitNote.<id>`): BioMed Res Int 2020 pilot, ELFA, ng/mL (FEU likely,
   * UNVERIFIED); Scand J Clin Lab Invest 2018, latex immunoturbidimetry on ACL TOP 300, ug/L (FEU/DDU UNVERIFIED). */
  n: number;
  /** The published citation, as published. */
  citation: string;
  /** Lower and upper limit by trimester, in ng/mL (= ug/L) as published. */
  ngPerMl: Record<Trimester, [number, number]>;
}

export const REFERENCE_STUDIES: readonly ReferenceStudy[] = [
  {
    id: 'biomed-res-int-2020',
    n: 71,
    citation:
      'Reference Values of D-Dimers and Fibrinogen in the Course of Physiological Pregnancy: the Potential Impact of Selected Risk Factors — A Pilot Study. BioMed Res Int 2020:3192350',
    ngPerMl: { first: [167, 721], second: [298, 1653], third: [483, 2256] },
  },
  {
    id: 'scand-j-clin-lab-invest-2018',
    n: 102,
    citation: 'Trimester-specific reference intervals for D-dimer. Scand J Clin Lab Invest 2018 (PMID 29975107; doi:10.1080/00365513.2018.1488177)',
    ngPerMl: { first: [169, 1202], second: [393, 3258], third: [551, 3333] },
  },
];

export interface ReferenceBandArea {
  trimester: Trimester;
  x1: number;
  x2: number;
  /** Limits in the selected FEU display unit. */
  y1: number;
  y2: number;
  /** The published limits, ng/mL. */
  ngPerMl: [number, number];
}

const TRIMESTER_WEEKS: Record<Trimester, [number, number]> = { first: [0, 14], second: [14, 28], third: [28, Infinity] };
const PER_NG: Record<DdimerDisplayUnit, number> = { 'ng/mL': 1, 'mg/L': 1000, 'ug/mL': 1000 };

/**
 * The study's trimester ranges as areas on a GA axis (weeks) in the ng/mL-equivalent scaling of the selected unit,
 * clipped to the axis domain.
 */
export function referenceBandAreas(study: ReferenceStudy, unit: DdimerDisplayUnit, domain: [number, number]): ReferenceBandArea[] {
  const f = PER_NG[unit];
  return (Object.keys(TRIMESTER_WEEKS) as Trimester[])
    .map((t) => {
      const [w1, w2] = TRIMESTER_WEEKS[t];
      const [lo, hi] = study.ngPerMl[t];
      return {
        trimester: t,
        x1: Math.max(w1, domain[0]),
        x2: Math.min(w2, domain[1]),
        y1: lo / f,
        y2: hi / f,
        ngPerMl: [lo, hi] as [number, number],
      };
    })
    .filter((a) => a.x2 > a.x1);
}
