/**
 * The IVF cycle from a patient's record: the latest embryo transfer and the steps before it (stimulation start,
 * trigger, oocyte retrieval), luteal support, hCG results, pregnancy status, ultrasound dating, estradiol and OHSS.
 * Pure and total: a step that is not in the record is unknown with the reason ("not recorded" or "search incomplete").
 */
import { resourcesOfType, type QueryGroup, type RecordInput } from '../input';
import type { UnitConverter } from '../labs';
import { startOfDay } from '../time';
import { known, type Exclusion, type Known } from '../types';
import { embryoTransfers, oocyteRetrievals } from './ivfProcedures';
import { estradiolResults, hcgResults, pregnancyStatuses, ultrasoundDatings } from './ivfResults';
import { ohssRecords } from './ivfOhss';
import { hcgTriggers, lutealSupportOrders, plannedHcgTests, stimulationStart, trigger } from './ivfMedication';
import { incompleteSearch, ivfReason, unknownBecause } from './ivfRead';
import { IVF_VIEW, type CycleStep, type EmbryoTransfer, type IvfCycle } from './ivfTypes';

export interface IvfOptions {
  nowMs: number;
  zone: string;
  units: UnitConverter;
}

type Res = Record<string, unknown>;
const asRes = (r: fhir4.Resource[]): Res[] => r as unknown as Res[];

/** Known when found; else unknown because the search was incomplete, or because it is not recorded. */
function stepOrUnknown<T>(value: T | undefined, input: RecordInput, groups: readonly QueryGroup[]): Known<T> {
  if (value !== undefined) return known(value);
  const incomplete = incompleteSearch(input, groups);
  return incomplete ? { known: false, reason: incomplete } : unknownBecause('ivf.step-not-recorded');
}

function noTransfer(input: RecordInput): Known<EmbryoTransfer> {
  const incomplete = incompleteSearch(input, ['procedures']);
  return incomplete ? { known: false, reason: incomplete } : unknownBecause('ivf.no-transfer');
}

interface Read {
  procedures: Res[];
  observations: Res[];
  orders: Res[];
  administrations: Res[];
  medications: fhir4.Medication[];
}

function read(input: RecordInput): Read {
  return {
    procedures: asRes(resourcesOfType(input, 'Procedure')),
    observations: asRes(resourcesOfType(input, 'Observation')),
    orders: asRes(resourcesOfType(input, 'MedicationRequest')),
    administrations: asRes(resourcesOfType(input, 'MedicationAdministration')),
    medications: resourcesOfType(input, 'Medication'),
  };
}

/** The steps before the latest transfer: the retrieval, then stimulation and trigger relative to it. */
function earlierSteps(r: Read, transfer: EmbryoTransfer | undefined, opts: IvfOptions, excluded: Exclusion[]) {
  const limit = transfer?.atMs ?? opts.nowMs;
  const retrievals = oocyteRetrievals(r.procedures, opts.zone, excluded).filter((s) => s.atMs <= limit);
  const retrieval = retrievals[retrievals.length - 1];
  const anchor = retrieval?.atMs ?? limit;
  const stimulation = stimulationStart(r.orders, r.administrations, r.medications, anchor, opts.zone, excluded);
  const trig = trigger(r.administrations, r.medications, anchor, stimulation?.atMs ?? -Infinity, opts.zone, excluded);
  return { retrieval, stimulation, trigger: trig };
}

/**
 * Two transfer records on one calendar day are one transfer recorded twice, or records that conflict: the latest is
 * kept and the others are left out with the reason; when their embryo ages differ, the kept one's age is unknown.
 */
function oneTransferPerDay(transfers: EmbryoTransfer[], zone: string, excluded: Exclusion[]): EmbryoTransfer[] {
  const byDay = new Map<number, EmbryoTransfer[]>();
  for (const t of transfers) byDay.set(startOfDay(t.atMs, zone), [...(byDay.get(startOfDay(t.atMs, zone)) ?? []), t]);
  const out: EmbryoTransfer[] = [];
  for (const same of byDay.values()) {
    const kept = same[same.length - 1]!;
    const others = same.slice(0, -1);
    for (const o of others) excluded.push({ source: o.source, view: IVF_VIEW, reason: ivfReason('ivf.transfer-same-day', { kept: kept.source.id ?? null }) });
    const ages = new Set(same.flatMap((t) => (t.embryoAge.known ? [t.embryoAge.value.days] : [])));
    out.push(ages.size > 1 ? { ...kept, embryoAge: unknownBecause('ivf.embryo-age-conflict', { days: [...ages].sort().join(', ') }) } : kept);
  }
  return out.sort((a, b) => a.atMs - b.atMs);
}

/** Reads the IVF cycle (the latest transfer and what belongs to it) from a record. */
export function ivfCycleFromRecord(input: RecordInput, opts: IvfOptions): IvfCycle {
  const excluded: Exclusion[] = [];
  const r = read(input);
  const done = embryoTransfers(r.procedures, r.observations, opts.zone, excluded).filter((t) => {
    // A "completed" transfer dated after now cannot be this cycle's: left out, with the reason, not silently.
    if (t.atMs <= opts.nowMs) return true;
    excluded.push({ source: t.source, view: IVF_VIEW, reason: ivfReason('ivf.transfer-after-now') });
    return false;
  });
  const transfers = oneTransferPerDay(done, opts.zone, excluded);
  const latest = transfers[transfers.length - 1];
  const steps = earlierSteps(r, latest, opts, excluded);
  const medGroups: QueryGroup[] = ['medication-requests', 'medication-administrations'];
  return {
    stimulationStart: stepOrUnknown<CycleStep>(steps.stimulation, input, medGroups),
    trigger: stepOrUnknown<CycleStep>(steps.trigger, input, ['medication-administrations']),
    hcgTriggers: hcgTriggers(r.administrations, r.procedures, r.medications, opts.zone),
    oocyteRetrieval: stepOrUnknown<CycleStep>(steps.retrieval, input, ['procedures']),
    transfer: latest ? known(latest) : noTransfer(input),
    transfers,
    lutealSupport: lutealSupportOrders(r.orders, r.medications, opts.nowMs, opts.zone),
    hcg: hcgResults(r.observations, opts.zone, excluded),
    pregnancyStatus: pregnancyStatuses(r.observations, opts.zone, excluded),
    ultrasound: ultrasoundDatings(r.observations, opts.zone, excluded),
    estradiol: estradiolResults(r.observations, opts.units, opts.zone, excluded),
    ohss: ohssRecords(asRes(resourcesOfType(input, 'Condition')), opts.zone, excluded),
    plannedHcgTests: plannedHcgTests(asRes(resourcesOfType(input, 'ServiceRequest')), asRes(resourcesOfType(input, 'Appointment')), opts.zone),
    excluded,
  };
}
