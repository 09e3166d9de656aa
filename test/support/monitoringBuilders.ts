/** Test builders for the monitoring helpers: real domain shapes, dates read with parseFhirDate. Test-only. */
import { reason } from '../../src/domain/reasons';
import { parseFhirDate } from '../../src/domain/time';
import { known, unknown } from '../../src/domain/types';
import type { AnalyteSeries, LabPoint } from '../../src/domain/labs';
import type { AnticoagulantDrug, DoseKind, DrugClass, LmwhOrder, MedicationRequestStatus, RecordedDose } from '../../src/domain/medication';
import { byCode } from '../../src/domain/matchedBy';

export const ZONE = 'Europe/London';

export function moment(value: string) {
  const m = parseFhirDate(value, ZONE);
  if (!m) throw new Error(`bad test date ${value}`);
  return m;
}

export function platelet(when: string, value: number, extra: Partial<LabPoint> = {}): LabPoint {
  return {
    analyte: 'platelets',
    loinc: '777-3',
    matched: byCode('LOINC', '777-3'),
    value,
    displayUnit: '10*9/L',
    original: { value, unit: '10*3/uL', code: '10*3/uL', text: `${value} 10*3/uL` },
    time: moment(when),
    status: 'final',
    referenceRange: [],
    interpretation: [],
    source: { resourceType: 'Observation', id: `plt-${when}`, date: when, original: `${value} 10*3/uL`, matchedBy: byCode('LOINC', '777-3') },
    ...extra,
  };
}

export function antiXa(when: string, value = 0.32): LabPoint {
  return {
    ...platelet(when, value),
    analyte: 'antiXaLmwh',
    loinc: '32684-3',
    matched: byCode('LOINC', '32684-3'),
    displayUnit: '[iU]/mL',
    original: { value, unit: 'IU/mL', code: '[iU]/mL', text: `${value} IU/mL` },
    source: { resourceType: 'Observation', id: `axa-${when}`, date: when, original: `${value} IU/mL`, matchedBy: byCode('LOINC', '32684-3') },
  };
}

export function series(points: LabPoint[]): AnalyteSeries {
  const sorted = [...points].sort((a, b) => a.time.start - b.time.start);
  return { analyte: 'platelets', displayUnit: '10*9/L', points: sorted, latest: sorted.at(-1), exclusions: [] };
}

const LABEL: Record<DoseKind, string> = { administered: 'administered', reported: 'patient-reported', dispensed: 'dispensed, not a proof of injection' };

export function dose(when: string | undefined, kind: DoseKind = 'administered', drug: AnticoagulantDrug = 'enoxaparin', drugClass: DrugClass = 'lmwh'): RecordedDose {
  const m = when === undefined ? undefined : moment(when);
  return {
    kind,
    label: LABEL[kind],
    drug,
    drugClass,
    recognition: { drug, drugClass, recognisedBy: 'rxnorm', matched: byCode('RxNorm', '854235') },
    status: 'completed',
    time: m ? known({ ms: m.start, moment: m, from: 'effectiveDateTime' }) : unknown(reason('med.no-effective-time')),
    dose: known({ value: 40, unit: 'mg', perKg: false, original: '40 mg' }),
    source: { resourceType: kind === 'administered' ? 'MedicationAdministration' : kind === 'reported' ? 'MedicationStatement' : 'MedicationDispense', id: `dose-${when ?? 'none'}` },
  };
}

export function order(start: string | undefined, opts: { end?: string; status?: string; drug?: AnticoagulantDrug; drugClass?: DrugClass; isOrder?: boolean; id?: string } = {}): LmwhOrder {
  const drug = opts.drug ?? 'enoxaparin';
  const drugClass = opts.drugClass ?? 'lmwh';
  const s = start === undefined ? undefined : moment(start);
  const e = opts.end === undefined ? undefined : moment(opts.end);
  const id = opts.id ?? `order-${start ?? 'nostart'}`;
  return {
    id,
    drug,
    drugClass,
    recognition: { drug, drugClass, recognisedBy: 'rxnorm', matched: byCode('RxNorm', '854235') },
    status: known((opts.status ?? 'active') as MedicationRequestStatus),
    intent: known(opts.isOrder === false ? 'plan' : 'order'),
    isOrder: opts.isOrder ?? true,
    dose: known({ value: 40, unit: 'mg', perKg: false, original: '40 mg' }),
    frequency: known({ dosesPer24h: 1, intervalHours: 24, original: '1 per 1 d' }),
    route: known({ kind: 'subcutaneous', recognisedBy: 'snomed', original: 'SNOMED 34206005' }),
    asNeeded: false,
    start: s ? known({ ms: s.start, moment: s, from: 'boundsPeriod.start' }) : unknown(reason('med.no-start')),
    end: e ? known({ ms: e.start, from: 'boundsPeriod.end', moment: e, note: reason('med.end-bounds-period') }) : unknown(reason('med.no-end')),
    source: { resourceType: 'MedicationRequest', id },
  };
}
