/**
 * The medication section as display data: the orders table, the last recorded doses, other relevant orders and the
 * weights. Pure: words from the catalogue, numbers and instants through the formatters; provenance passed through.
 * "No LMWH order found" is said only when the order searches were complete; otherwise absence is not known.
 */
import { groupLabel } from '../record/dataAvailabilityViewModel';
import { displayUnit } from '../format/units';
import type { BodyWeight, DoseClassResult, DosePerKg, LastDose, LmwhOrder, RecordedDose } from '../../domain/medication';
import type { QueryGroup } from '../../domain/input';
import type { ClinicalRecord, OrderView, OtherOrderView } from '../../domain/record';
import type { Known, SourceRef } from '../../domain/types';
import { formatDose, formatDoseUnit, formatDrug, formatInterval, formatRoute, formatStatusCode } from '../format/dose';
import type { Messages } from '../messages/translator';
import { matchedData } from '../../domain/matchedBy';

/** The part of the record the section reads. */
export type MedicationSlice = Pick<ClinicalRecord, 'medication' | 'weights' | 'groups' | 'nowMs' | 'zone'>;

/** A value shown as text, or "Unknown (reason)" (the reason already in words). */
export type Shown = { text: string; unknown?: undefined } | { unknown: string; label?: string; text?: undefined };

export interface OrderRowView {
  key: string;
  isPlan: boolean;
  drug: string;
  drugNote?: string;
  recognition: { text: string; byText: boolean };
  dose: Shown & { note?: string };
  frequency: Shown & { note?: string };
  route: Shown & { note?: string };
  start: Shown & { note?: string };
  end: Shown & { note?: string };
  status: Shown & { onHold?: string; notAnOrder?: string };
  doseClass: Shown & { note?: string };
  perKg: { label: string; value: Shown; perDayUnknown?: string }[];
  active: Shown & { note?: string };
  sources: SourceRef;
}

export interface MedicationListView {
  heading: string;
  orders: { kind: 'none-found'; text: string } | { kind: 'not-known'; text: string } | { kind: 'table'; warning?: string };
  table: { caption: string; headers: string[]; rows: OrderRowView[] };
  lastDoses: {
    heading: string;
    problem?: string;
    empty?: string;
    items: { key: string; drug: string; line: string; source: SourceRef; others: { key: string; text: string; source: SourceRef }[]; withoutTime?: string }[];
  };
  other: { heading: string; empty?: string; items: { key: string; name: string; text: string; recognised: string; source: SourceRef }[] };
  weights: { heading: string; booking: WeightView; latest: WeightView };
}

export interface WeightView {
  label: string;
  value: Shown & { note?: string };
  source?: SourceRef;
}

const shown = (text: string, note?: string): Shown & { note?: string } => (note ? { text, note } : { text });
const unknownOf = <T>(k: Known<T>, m: Messages): Shown => ({ unknown: k.known ? '' : m.reason(k.reason) });

function recognitionView(o: LmwhOrder, m: Messages): OrderRowView['recognition'] {
  const r = o.recognition;
  if (r.recognisedBy === 'text') return { text: m.t('medication.recognisedByText', { matched: matchedData(r.matched) }), byText: true };
  const display = r.fromReferenceDisplay ? m.t('medication.fromReferenceDisplay', { why: m.reason(r.fromReferenceDisplay) }) : '';
  const code = r.codeStatus ? m.t('medication.codeStatus', { status: m.t(`medication.verification.${r.codeStatus}`) }) : '';
  return { text: m.t('medication.recognisedBy', { matched: `${matchedData(r.matched)}${display}` }) + code, byText: false };
}

/** The dose as written, with a UCUM unit code written as clinicians write it ("5000 [iU]" -> "5000 IU"). */
function asWrittenUnits(original: string, m: Messages): string {
  return original.replace(/(\S*[[*]\S*)/g, (unit) => displayUnit(unit, m.locale) || unit);
}

function doseView(o: LmwhOrder, m: Messages): OrderRowView['dose'] {
  if (!o.dose.known) return unknownOf(o.dose, m);
  const d = o.dose.value;
  const text = formatDose(d, m);
  const notes = [
    d.original !== text ? m.t('medication.asWritten', { original: asWrittenUnits(d.original, m) }) : undefined,
    d.fromVolume ? m.t('medication.fromVolume', { ml: m.number(d.fromVolume.ml, 3), concentration: d.fromVolume.concentration }) : undefined,
    d.unitNote ? m.reason(d.unitNote) : undefined,
    d.entry,
  ].filter((n): n is string => !!n);
  return shown(o.asNeeded ? m.t('medication.asNeeded', { dose: text }) : text, notes.length > 0 ? notes.join('; ') : undefined);
}

function frequencyView(o: LmwhOrder, m: Messages): OrderRowView['frequency'] {
  if (!o.frequency.known) return unknownOf(o.frequency, m);
  const f = o.frequency.value;
  const notes = [m.t('medication.asWritten', { original: f.original }), f.note ? m.reason(f.note) : undefined].filter((n): n is string => !!n);
  return shown(formatInterval(f.intervalHours, m), notes.join('; '));
}

function routeView(o: LmwhOrder, m: Messages): OrderRowView['route'] {
  if (!o.route.known) return unknownOf(o.route, m);
  const r = o.route.value;
  return shown(formatRoute(r.kind, m), r.recognisedBy === 'text' ? m.t('medication.routeByText', { original: r.original }) : undefined);
}

function periodViews(o: LmwhOrder, m: Messages): Pick<OrderRowView, 'start' | 'end'> {
  const start: OrderRowView['start'] = o.start.known
    ? shown(m.moment(o.start.value.moment), o.start.value.from === 'authoredOn' ? m.t('medication.startFromAuthoredOn') : undefined)
    : unknownOf(o.start, m);
  const end: OrderRowView['end'] = o.end.known
    ? shown(o.end.value.moment ? m.moment(o.end.value.moment) : m.instant(o.end.value.ms), m.reason(o.end.value.note))
    : { unknown: m.reason(o.end.reason), label: m.t('medication.endUnknown') };
  return { start, end };
}

function statusView(o: LmwhOrder, m: Messages): OrderRowView['status'] {
  const base: Shown = o.status.known ? { text: formatStatusCode(o.status.value, m) } : unknownOf(o.status, m);
  const why = o.notAnOrderReason ? m.reason(o.notAnOrderReason) : o.intent.known ? m.t('medication.intent', { intent: o.intent.value }) : m.reason(o.intent.reason);
  return {
    ...base,
    ...(o.status.known && o.status.value === 'on-hold' ? { onHold: m.t('medication.onHold') } : {}),
    ...(!o.isOrder ? { notAnOrder: m.t('medication.notAnOrder', { why }) } : {}),
  };
}

function doseClassView(dc: DoseClassResult, weight: OrderView['classWeight'], m: Messages): OrderRowView['doseClass'] {
  if (dc.class === 'unknown') return { unknown: m.reason(dc.reason) };
  const used = weight ? m.t('medication.weightUsed', { kind: weight.kind, kg: m.number(weight.weight.kg, 2) }) : '';
  const note = m.t('medication.classNote', { basis: m.reason(dc.basis), source: m.t(`medication.classSource.${dc.source}`), verification: m.t(`medication.verification.${dc.verification}`), used });
  return shown(m.t(`medication.class.${dc.class}`), note);
}

function perKgView(label: string, value: Known<DosePerKg>, m: Messages): OrderRowView['perKg'][number] {
  if (!value.known) return { label, value: unknownOf(value, m) };
  const v = value.value;
  const perDay = v.perDay.known ? m.t('medication.perKgPerDay', { value: m.number(v.perDay.value.value, 2), unit: formatDoseUnit(v.perDay.value.unit, m) }) : '';
  const text = m.t('medication.perKgValue', { value: m.number(v.perDose.value, 2), unit: formatDoseUnit(v.perDose.unit, m), perDay, kg: m.number(v.weight.kg, 2), date: m.date(v.weight.ms) });
  return { label, value: { text }, ...(v.perDay.known ? {} : { perDayUnknown: m.reason(v.perDay.reason) }) };
}

function activeView(v: OrderView, m: Messages): OrderRowView['active'] {
  const a = v.activeNow;
  if (a.state === 'unknown') return { unknown: m.reason(a.reason) };
  return shown(m.t(a.state === 'active' ? 'medication.activeNow' : 'medication.notActiveNow'), m.reason(a.reason));
}

function orderRow(v: OrderView, i: number, m: Messages): OrderRowView {
  const o = v.order;
  return {
    key: `${o.id ?? 'order'}-${i}`,
    isPlan: !o.isOrder,
    drug: formatDrug(o.drug, m),
    ...(o.drugClass === 'fondaparinux' ? { drugNote: m.t('medication.relatedNotLmwh') } : {}),
    recognition: recognitionView(o, m),
    dose: doseView(o, m),
    frequency: frequencyView(o, m),
    route: routeView(o, m),
    ...periodViews(o, m),
    status: statusView(o, m),
    doseClass: doseClassView(v.doseClass, v.classWeight, m),
    perKg: [perKgView(m.t('medication.bookingWeight'), v.perKgBooking, m), perKgView(m.t('medication.latestWeight'), v.perKgLatest, m)],
    active: activeView(v, m),
    sources: o.source,
  };
}

function groupProblem(slice: MedicationSlice, groups: QueryGroup[], m: Messages): string | undefined {
  const bad = groups.map((g) => ({ g, r: slice.groups[g] })).filter(({ r }) => !r || r.status !== 'complete');
  if (bad.length === 0) return undefined;
  return bad.map(({ g, r }) => (r ? r.reason ? m.t('medication.groupStatusBecause', { group: groupLabel(g, m), status: m.t('availability.status', { status: r.status }), reason: m.reason(r.reason) }) : m.t('medication.groupStatus', { group: groupLabel(g, m), status: m.t('availability.status', { status: r.status }) }) : m.t('medication.groupNotRead', { group: groupLabel(g, m) }))).join('; ');
}

function doseLine(d: RecordedDose, nowMs: number, m: Messages): string {
  const amount = d.dose.known ? `${formatDose(d.dose.value, m)} ` : '';
  const kind = m.t(`medication.doseKind.${d.kind}`);
  if (!d.time.known) return m.t('medication.doseTimeUnknown', { amount, kind, why: m.reason(d.time.reason) });
  const ms = d.time.value.ms;
  const ago = ms <= nowMs ? m.t('medication.spanAgo', { span: m.duration(nowMs - ms) }) : m.t('medication.spanIn', { span: m.duration(ms - nowMs) });
  return m.t('medication.doseAt', { amount, kind, when: m.moment(d.time.value.moment), ago });
}

function lastDosesView(slice: MedicationSlice, m: Messages): MedicationListView['lastDoses'] {
  const problem = groupProblem(slice, ['medication-administrations', 'medication-statements', 'medication-dispenses'], m);
  const list: LastDose[] = slice.medication.lastDoses;
  const untimed = slice.medication.doses.filter((d) => !d.time.known).length;
  const empty = list.length === 0 ? m.t(problem ? 'medication.noDoseReadable' : 'medication.noDoseFound', { untimed }) : undefined;
  const items = list.map((l) => ({
    key: l.drug,
    drug: formatDrug(l.drug, m),
    line: m.t('medication.lastDose', { line: doseLine(l.dose, slice.nowMs, m) }),
    source: l.source,
    others: Object.values(l.latestByKind)
      .filter((d): d is RecordedDose => !!d && d !== l.dose)
      .map((d) => ({ key: d.kind, text: m.t('medication.latestOfKind', { kind: m.t(`medication.doseKind.${d.kind}`), line: doseLine(d, slice.nowMs, m) }), source: d.source })),
    ...(l.withoutTime > 0 ? { withoutTime: m.t('medication.withoutTime', { n: l.withoutTime }) } : {}),
  }));
  return {
    heading: m.t('medication.lastDoseHeading'),
    ...(problem ? { problem: m.t('medication.doseRecordsIncomplete', { problem }) } : {}),
    ...(empty ? { empty } : {}),
    items,
  };
}

function otherView(slice: MedicationSlice, m: Messages): MedicationListView['other'] {
  const list: OtherOrderView[] = slice.medication.other;
  const heading = m.t('medication.otherHeading');
  if (list.length === 0) return { heading, empty: m.t(slice.medication.complete ? 'medication.noOtherOrder' : 'medication.otherNotKnown'), items: [] };
  return {
    heading,
    items: list.map((o, i) => ({
      key: `${o.source.id ?? 'other'}-${i}`,
      name: m.t(`medication.other.${o.recognition.drug}`),
      text: m.t('medication.otherOrder', {
        description: o.description,
        status: formatStatusCode(o.status, m),
        active: o.active,
        from: o.startMs !== undefined ? m.t('medication.otherFrom', { date: m.date(o.startMs) }) : '',
      }),
      recognised: m.t(o.recognition.recognisedBy === 'text' ? 'medication.otherRecognisedByText' : 'medication.otherRecognisedBy', { matched: matchedData(o.recognition.matched) }),
      source: o.source,
    })),
  };
}

const weightNotes = (w: BodyWeight, m: Messages): string[] => (w.notes ?? []).map((n) => m.reason(n));

function weightsView(slice: MedicationSlice, m: Messages): MedicationListView['weights'] {
  const { booking, latest } = slice.weights;
  const bookingView: WeightView = booking.known
    ? {
        label: m.t('medication.bookingWeight'),
        value: shown(
          m.t('medication.weightOn', { kg: m.number(booking.value.weight.kg, 2), when: m.moment(booking.value.weight.moment) }),
          [m.t('medication.daysAfterStart', { days: booking.value.daysAfterPregnancyStart }), ...weightNotes(booking.value.weight, m)].join('; '),
        ),
        source: booking.value.weight.source,
      }
    : { label: m.t('medication.bookingWeight'), value: unknownOf(booking, m) };
  const latestNotes = latest ? weightNotes(latest, m) : [];
  const latestView: WeightView = latest
    ? {
        label: m.t('medication.latestWeight'),
        value: shown(m.t('medication.weightOn', { kg: m.number(latest.kg, 2), when: m.moment(latest.moment) }), latestNotes.length > 0 ? latestNotes.join('; ') : undefined),
        source: latest.source,
      }
    : { label: m.t('medication.latestWeight'), value: { unknown: m.t('medication.noBodyWeight') } };
  return { heading: m.t('medication.weightsHeading'), booking: bookingView, latest: latestView };
}

function ordersState(slice: MedicationSlice, m: Messages): MedicationListView['orders'] {
  const { orders, complete, incompleteReason } = slice.medication;
  const reason = m.reason(incompleteReason);
  if (orders.length === 0) {
    return complete ? { kind: 'none-found', text: m.t('medication.noOrderFound', { scope: 'record' }) } : { kind: 'not-known', text: m.t('medication.ordersIncompleteNone', { reason }) };
  }
  return complete ? { kind: 'table' } : { kind: 'table', warning: m.t('medication.ordersIncompleteSome', { reason }) };
}

const COLUMNS = ['drug', 'dose', 'frequency', 'route', 'period', 'status', 'doseClass', 'perKg', 'active', 'source'] as const;

/** The medication section from the record's medication, weights and search statuses. */
export function buildMedicationListView(slice: MedicationSlice, m: Messages): MedicationListView {
  return {
    heading: m.t('medication.heading'),
    orders: ordersState(slice, m),
    table: {
      caption: m.t('medication.tableCaption'),
      headers: COLUMNS.map((c) => m.t(`medication.column.${c}`)),
      rows: slice.medication.orders.map((v, i) => orderRow(v, i, m)),
    },
    lastDoses: lastDosesView(slice, m),
    other: otherView(slice, m),
    weights: weightsView(slice, m),
  };
}
