/**
 * The worklist row of one patient, read from the record the patient view builds (buildClinicalRecord and its rule
 * cards) and the IVF cycle model: no rule is evaluated a second time here, the row only picks from their results.
 */
import type { RecordInput } from '../input';
import { buildClinicalRecord, type BuildOptions, type ClinicalRecord } from '../record';
import { ivfCycleFromRecord, pregnancyConfirmation, type PregnancyConfirmation } from '../ivf';
import { startOfDay } from '../time';
import type { EventCard } from '../rules';
import type { WorklistDdimer, WorklistDeadline, WorklistEvent, WorklistFlag, WorklistLmwh, WorklistRow, WorklistStage, WorklistStopStatus } from './worklistTypes';

/** The rules' status (words during the transition, codes after it) as a code. */
export function stopStatusCode(status: string): WorklistStopStatus {
  switch (status) {
    case 'Stop documented':
    case 'stop-documented':
      return 'stop-documented';
    case 'Stop not documented':
    case 'stop-not-documented':
      return 'stop-not-documented';
    case 'No LMWH order found':
    case 'no-lmwh-order':
      return 'no-lmwh-order';
    default:
      return 'unknown';
  }
}

/** Builds the record and the IVF reading once, and keeps only the row. */
export function worklistRowFromInput(input: RecordInput, options: BuildOptions): WorklistRow {
  const record = buildClinicalRecord(input, options);
  const cycle = ivfCycleFromRecord(input, { nowMs: options.nowMs, zone: options.zone, units: options.units });
  const confirmation = pregnancyConfirmation(cycle, record.medication.orders.map((o) => o.order), options.nowMs, options.zone);
  const retrieval = cycle.oocyteRetrieval.known ? cycle.oocyteRetrieval.value.atMs : undefined;
  return worklistRow(record, confirmation, retrieval);
}

/** The row from a built record and its pregnancy confirmation (after a transfer) and oocyte retrieval instant. */
export function worklistRow(record: ClinicalRecord, confirmation: PregnancyConfirmation, retrievalMs?: number): WorklistRow {
  const patient = record.patient;
  const card = nextStopCard(record);
  const line = card ? earliestLine(card) : undefined;
  return {
    patientId: patient?.id ?? '',
    name: patientName(patient),
    birthDate: patient?.birthDate,
    ageYears: ageAt(patient?.birthDate, record.nowMs),
    stage: stageOf(record, confirmation, retrievalMs),
    lmwh: activeLmwh(record),
    lmwhSearchComplete: record.medication.complete,
    lmwhOrdersFound: record.medication.orders.filter((o) => o.order.drugClass === 'lmwh').length,
    nextEvent: nextEvent(record),
    deadline: line,
    statusWithoutDeadline: !line && card?.deadlines[0] ? stopStatusCode(card.deadlines[0].status) : undefined,
    ddimer: lastDdimer(record),
    flags: flagsOf(record, confirmation),
  };
}

function patientName(p: fhir4.Patient | undefined): string | undefined {
  const n = p?.name?.find((x) => x.use === 'official') ?? p?.name?.[0];
  if (!n) return undefined;
  if (n.text) return n.text;
  const joined = [...(n.given ?? []), n.family].filter(Boolean).join(' ');
  return joined || undefined;
}

/** Whole years at `nowMs` (UTC calendar), undefined without a full birth date. */
export function ageAt(birthDate: string | undefined, nowMs: number): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? '');
  if (!m) return undefined;
  const now = new Date(nowMs);
  let age = now.getUTCFullYear() - Number(m[1]);
  const month = now.getUTCMonth() + 1;
  if (month < Number(m[2]) || (month === Number(m[2]) && now.getUTCDate() < Number(m[3]))) age--;
  return age >= 0 ? age : undefined;
}

function stageOf(record: ClinicalRecord, c: PregnancyConfirmation, retrievalMs: number | undefined): WorklistStage {
  if (c.status === 'not-confirmed') return { code: 'ivf-awaiting-confirmation', daysSinceTransfer: c.daysSinceTransfer };
  if (c.status === 'negative') return { code: 'ivf-negative' };
  if (record.gaToday.known) return { code: 'pregnant', gaDays: record.gaToday.value.totalDays };
  if (c.status === 'confirmed') return { code: 'ivf-confirmed', gaDays: c.gestation.known ? c.gestation.value.days : undefined };
  if (retrievalMs !== undefined) return { code: 'ivf-retrieval-done', atMs: retrievalMs };
  const pregnancyGroups = ['observations-pregnancy', 'conditions', 'procedures'] as const;
  const complete = pregnancyGroups.every((g) => record.groups[g]?.status === 'complete');
  return complete && record.pregnancy.pregnancies.length === 0 ? { code: 'not-pregnant' } : { code: 'unknown' };
}

function activeLmwh(record: ClinicalRecord): WorklistLmwh | undefined {
  // In force now, or possibly (an order whose dates do not tell is shown, never hidden as "no order").
  const lmwh = record.medication.orders.filter((o) => o.order.drugClass === 'lmwh' && o.order.isOrder);
  const active = [...lmwh.filter((o) => o.activeNow.state === 'active'), ...lmwh.filter((o) => o.activeNow.state === 'unknown')];
  const first = active[0];
  if (!first) return undefined;
  const o = first.order;
  return {
    drug: o.drug,
    dose: o.dose.known ? { value: o.dose.value.value, unit: o.dose.value.unit, perKg: !!o.dose.value.perKg } : undefined,
    intervalHours: o.frequency.known ? o.frequency.value.intervalHours : undefined,
    doseClass: first.doseClass.class,
    activeOrders: active.length,
    activeKnown: first.activeNow.state === 'active',
    source: o.source,
  };
}

function nextEvent(record: ClinicalRecord): WorklistEvent | undefined {
  const e = record.events.planned[0];
  if (!e) return undefined;
  return { class: e.class, name: e.name, atMs: e.when?.start, source: e.timeSource ?? e.sources[0] };
}

/** The card of the first planned event that has a stop rule and is not in the past; else the first with a rule. */
function nextStopCard(record: ClinicalRecord): EventCard | undefined {
  const applying = record.rules.cards.filter((c) => c.applies);
  return applying.find((c) => c.anchorMs !== null && c.anchorMs >= record.nowMs) ?? applying.find((c) => c.anchorMs === null);
}

function earliestLine(card: EventCard): WorklistDeadline | undefined {
  let best: WorklistDeadline | undefined;
  for (const l of card.deadlines) {
    if (l.deadlineMs === null) continue;
    if (!best || l.deadlineMs < best.atMs) best = { atMs: l.deadlineMs, ruleId: l.ruleId, ruleSource: l.source.name, status: stopStatusCode(l.status), eventName: card.event.name, eventClass: card.event.class };
  }
  return best;
}

function lastDdimer(record: ClinicalRecord): WorklistDdimer | undefined {
  const r = record.ddimer.results[record.ddimer.results.length - 1];
  if (!r) return undefined;
  return {
    ngPerMl: r.ngPerMl.known ? r.ngPerMl.value : undefined,
    unitType: r.unitType,
    comparator: r.comparator,
    original: r.original.text,
    atMs: r.time.start,
    source: r.source,
  };
}

const LOW_CODES = ['L', 'LL', 'LU', '<'];

function flagsOf(record: ClinicalRecord, c: PregnancyConfirmation): WorklistFlag[] {
  const flags: WorklistFlag[] = [];
  const ctx = record.rules.context;
  if (record.rules.triggers.some((t) => t.kind === 'genital-bleeding')) flags.push('bleeding');
  if (record.rules.cautions.cautions.some((x) => x.topic === 'renal-clearance')) flags.push('crcl-below-30');
  const platelets = record.labs.platelets.latest;
  if (platelets?.interpretation.some((i) => (i.coding ?? []).some((cd) => LOW_CODES.includes(cd.code ?? '')))) flags.push('platelets-low');
  const aps = record.rules.indications.some((i) => i.kind === 'antiphospholipid-antibodies' && i.status === 'present');
  if (aps && record.medication.complete && !ctx.aspirin.some((a) => a.active)) flags.push('aps-without-aspirin');
  if (c.status === 'not-confirmed') flags.push('pregnancy-not-confirmed');
  if (c.status === 'not-confirmed' && c.plannedHcgTest && startOfDay(c.plannedHcgTest.atMs, record.zone) <= startOfDay(record.nowMs, record.zone)) flags.push('hcg-due');
  if (activeLmwh(record) && record.weights.all.length === 0 && record.groups['observations-weight']?.status === 'complete') flags.push('missing-weight');
  if (Object.values(record.groups).some((g) => g && g.status !== 'complete')) flags.push('record-incomplete');
  return flags;
}
