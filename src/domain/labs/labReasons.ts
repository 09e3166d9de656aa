/**
 * The lab domain's reason codes (results left out, values not normalised, unit readings, conversions, analyte notes)
 * and the names of the lists it leaves results out of. The UI words each code from its catalogue (`reason.<code>`,
 * src/ui/messages/en/labReadings.ts); units travel as UCUM codes (unit parameters), values as numbers or as the
 * record's own text.
 */
import { listParam, reason, type Reason, type ReasonParam } from '../reasons';
import type { LabAnalyte } from '../codes';

export type LabReasonCode =
  | 'lab.absurd-value'
  | 'lab.anti-xa-issued-only'
  | 'lab.anti-xa-units-equal'
  | 'lab.antithrombin-antigen-not-activity'
  | 'lab.clearance-per-bsa'
  | 'lab.code-deprecated'
  | 'lab.code-deprecated-some-feu'
  | 'lab.code-meaning-conflicting'
  | 'lab.code-presence'
  | 'lab.code-titre'
  | 'lab.codes-different-analytes'
  | 'lab.codes-different-kinds'
  | 'lab.comparator-not-readable'
  | 'lab.converted-from'
  | 'lab.creatinine-from-mass'
  | 'lab.ddimer-absurd-value'
  | 'lab.ddimer-ddu-not-converted'
  | 'lab.ddimer-unit-type-not-stated'
  | 'lab.display-unit-not-offered'
  | 'lab.egfr-unit-not-per-bsa'
  | 'lab.feu-ddu-conflict'
  | 'lab.haemoglobin-molar-not-converted'
  | 'lab.inr-no-unit'
  | 'lab.no-date'
  | 'lab.no-value'
  | 'lab.no-value-data-absent'
  | 'lab.no-value-element-not-readable'
  | 'lab.no-value-empty-text'
  | 'lab.not-ddimer'
  | 'lab.not-mass-concentration'
  | 'lab.not-numeric'
  | 'lab.note-anti-xa-generic'
  | 'lab.note-anti-xa-lmwh'
  | 'lab.note-creatinine-clearance'
  | 'lab.note-egfr'
  | 'lab.qualitative-code-with-number'
  | 'lab.qualitative-not-plotted'
  | 'lab.ratio-units-as-inr'
  | 'lab.status-excluded'
  | 'lab.time-from-issued'
  | 'lab.titre-not-plotted'
  | 'lab.unit-both-feu-ddu'
  | 'lab.unit-code-not-ucum-text-used'
  | 'lab.unit-missing'
  | 'lab.unit-non-ucum-spelling'
  | 'lab.unit-not-allowed'
  | 'lab.unit-not-convertible'
  | 'lab.unit-not-interpretable'
  | 'lab.unit-not-ucum'
  | 'lab.unit-only-feu-ddu-label'
  | 'lab.unit-text-code-disagree'
  | 'lab.unit-text-not-read-code-used'
  | 'lab.unit-too-long'
  | 'lab.unit-type-statement'
  | 'lab.value-negative'
  | 'lab.value-not-finite'
  | 'lab.value-parsed-from-text'
  | 'lab.view-ddimer-chart'
  | 'lab.view-ddimer-results';

/** A lab reason; the code is checked against the union above. */
export const labReason = (code: LabReasonCode, params?: Readonly<Record<string, ReasonParam>>): Reason<LabReasonCode> => reason(code, params);

/** The lists the lab domain leaves results out of (Exclusion.view codes; `exclusions.view.<code>` in the catalogue). */
export const LAB_VIEWS = { ddimerResults: 'lab.ddimer-results', ddimerChart: 'lab.ddimer-chart' } as const;

/** A D-dimer list's name as a reason, for a sentence that names the list a result was left out of. */
export const ddimerViewReason = (view: string): Reason =>
  labReason(view === LAB_VIEWS.ddimerChart ? 'lab.view-ddimer-chart' : 'lab.view-ddimer-results');

/** The list of each analyte's results (`exclusions.view.lab.results.<analyte>`). */
export const ANALYTE_VIEWS: Record<LabAnalyte, string> = {
  pt: 'lab.results.pt',
  inr: 'lab.results.inr',
  aptt: 'lab.results.aptt',
  fibrinogen: 'lab.results.fibrinogen',
  platelets: 'lab.results.platelets',
  thrombinTime: 'lab.results.thrombinTime',
  antithrombin: 'lab.results.antithrombin',
  antiXaLmwh: 'lab.results.antiXaLmwh',
  antiXaGeneric: 'lab.results.antiXaGeneric',
  haemoglobin: 'lab.results.haemoglobin',
  creatinine: 'lab.results.creatinine',
  creatinineClearance: 'lab.results.creatinineClearance',
  egfr: 'lab.results.egfr',
};

/** No unit, or units none of which can be read. */
export const unitNotInterpretable = (written: (string | undefined)[]): Reason => {
  const shown = written.filter((u): u is string => u !== undefined);
  return shown.length === 0 ? labReason('lab.unit-missing') : labReason('lab.unit-not-interpretable', { units: listParam(shown) });
};
