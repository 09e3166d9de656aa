/**
 * Dating facts from a record: EDD, LMP and gestational-age Observations, embryo transfers (Procedure) with the embryo
 * age, past births (which end a pregnancy) and pregnancy status. Each dating fact becomes a Dating with its EDD.
 */
import { PREGNANCY_CODES } from '../codes';
import { parseFhirDate, type FhirMoment } from '../time';
import { SYSTEMS, type Exclusion, type RecognisedBy, type SourceRef } from '../types';
import { classifyEvent, type Classification } from '../events/eventClasses';
import { asArray, codingsOf, isObject, notesOf, refKey, resourceKey, sourceOf, str, textsOf } from '../events/fhirRead';
import { reasonParam } from '../reasons';
import { addDays, dateOfMoment, startOfDate } from './calendar';
import { dayParam, embryoDaysParam, pregnancyReason, PREGNANCY_VIEW, type PregnancyReason } from './pregnancyReasons';
import type { Dating, DatingMethod, DeliveryFact, PregnancyStatusFact } from './pregnancyTypes';
import { safeString } from '../text';
import { EMBRYO_AGE_LOCAL_CODE, IVF_LOCAL_SYSTEM } from '../ivf/ivfCodes';
import { embryoDayFromTexts } from '../ivf/ivfProcedures';
import { allOf, byAnswer, byCode as matchCode, byText as matchText, matchParam, matchedData } from '../matchedBy';

/** The embryo-age Observation code (local code system of this app). */
export const EMBRYO_AGE_CODE = { system: IVF_LOCAL_SYSTEM, code: EMBRYO_AGE_LOCAL_CODE } as const;

/** LOINC codes read here (clinical-reference §1.6, §8.3). 11888-5 is the ultrasound estimate; 11887-7 is not. */
export const DATING_CODES = {
  edd: PREGNANCY_CODES.edd,
  lmp: PREGNANCY_CODES.lmp,
  ultrasoundGa: ['11888-5'],
  otherGa: ['11884-4', '11885-1', '18185-9', '49051-6', '11887-7'],
  gaDaysComponent: PREGNANCY_CODES.gestationalAgeDays,
  status: PREGNANCY_CODES.pregnancyStatus,
} as const;

const STATUS_ANSWERS: Record<string, PregnancyStatusFact['status']> = {
  'LA15173-0': 'pregnant',
  'LA26683-5': 'not-pregnant',
  'LA4489-6': 'unknown',
};
/**
 * SNOMED answers some EHRs send instead (US Core's own example uses 77386006). 77386006 Pregnant is VERIFIED in the
 * reference; 60001007 Not pregnant is its PARTIAL equivalent of LA26683-5 (the match is labelled with the code).
 */
const SNOMED_STATUS_ANSWERS: Record<string, PregnancyStatusFact['status']> = {
  '77386006': 'pregnant',
  '60001007': 'not-pregnant',
};

/** The answers read, as the exclusion reason lists them. */
const STATUS_ANSWERS_EXPECTED = `LOINC ${Object.keys(STATUS_ANSWERS).join(', ')}; SNOMED ${Object.keys(SNOMED_STATUS_ANSWERS).join(', ')}`;

/** Observation statuses that carry no usable result (the catalogue says why for each). */
const OBS_EXCLUDED: ReadonlySet<string> = new Set(['entered-in-error', 'cancelled', 'registered']);

/** A transfer that cannot date a pregnancy, kept so the reason can be shown. */
export interface UndatedTransfer {
  dateMs: number;
  /** 'pregnancy.transfer-undated', with why. */
  note: PregnancyReason;
  source: SourceRef;
}

/** Everything read from a record for dating. */
export interface DatingFacts {
  datings: Dating[];
  undatedTransfers: UndatedTransfer[];
  deliveries: DeliveryFact[];
  statuses: PregnancyStatusFact[];
  exclusions: Exclusion[];
}

type Res = Record<string, unknown>;

function loincCode(r: Res): string | undefined {
  const c = codingsOf(r.code).find((cd) => cd.system === SYSTEMS.loinc && cd.code !== undefined);
  return c?.code;
}

function effectiveMoment(r: Res, zone: string): FhirMoment | undefined {
  const period = isObject(r.effectivePeriod) ? r.effectivePeriod : {};
  for (const v of [r.effectiveDateTime, period.start, r.effectiveInstant]) {
    const m = parseFhirDate(v, zone);
    if (m) return m;
  }
  return undefined;
}

/** When an observation was recorded: its effective time, else issued. */
function recordedAt(r: Res, zone: string): FhirMoment | undefined {
  return effectiveMoment(r, zone) ?? parseFhirDate(r.issued, zone);
}

/** A gestational age read from a quantity: completed days and the value as recorded ("12 wk + 3 d"). */
type GaValue = { days: number; original: string } | { error: PregnancyReason };

const WEEK_UNITS = ['wk', 'w', 'week', 'weeks', 'wks'];
const DAY_UNITS = ['d', 'day', 'days'];

/** The 49052-4 days component of a gestational age in weeks: 0-6 days, or an error; undefined when there is none. */
function gaDaysComponent(r: Res, weeks: number): { days: number } | { error: PregnancyReason } | undefined {
  for (const comp of asArray(r.component)) {
    if (!isObject(comp)) continue;
    const code = codingsOf(comp.code).find((c) => c.system === SYSTEMS.loinc && DATING_CODES.gaDaysComponent.includes(c.code as never));
    const cq = isObject(comp.valueQuantity) ? comp.valueQuantity : undefined;
    if (!code || !cq) continue;
    if (typeof cq.value !== 'number' || !Number.isInteger(cq.value) || cq.value < 0 || cq.value > 6 || !Number.isInteger(weeks)) {
      return { error: pregnancyReason('pregnancy.ga-value.days-component') };
    }
    return { days: cq.value };
  }
  return undefined;
}

/** Gestational age in days from a quantity in weeks ('wk') or days ('d'), with an optional 49052-4 days component. */
function gaDaysOf(r: Res): GaValue {
  const q = isObject(r.valueQuantity) ? r.valueQuantity : undefined;
  if (!q || typeof q.value !== 'number' || !Number.isFinite(q.value)) return { error: pregnancyReason('pregnancy.ga-value.no-number') };
  const unit = (str(q.code) ?? str(q.unit) ?? '').trim().toLowerCase();
  let read: { days: number; original: string };
  if (WEEK_UNITS.includes(unit)) {
    const extra = gaDaysComponent(r, q.value);
    if (extra && 'error' in extra) return extra;
    read = extra ? { days: q.value * 7 + extra.days, original: `${q.value} wk + ${extra.days} d` } : { days: q.value * 7, original: `${q.value} wk` };
  } else if (DAY_UNITS.includes(unit)) {
    read = { days: q.value, original: `${q.value} d` };
  } else {
    return { error: pregnancyReason('pregnancy.ga-value.unit', { unit, hasUnit: unit !== '' }) };
  }
  const days = Math.round(read.days);
  if (days <= 0 || days > 45 * 7) return { error: pregnancyReason('pregnancy.ga-value.range', { original: read.original }) };
  return { days, original: read.original };
}

function makeDating(
  method: DatingMethod,
  eddDate: string,
  zone: string,
  description: PregnancyReason,
  sources: SourceRef[],
  recognisedBy: RecognisedBy,
  recordedMs: number | undefined,
): Dating | undefined {
  const eddMs = startOfDate(eddDate, zone);
  if (eddMs === undefined) return undefined;
  return { method, eddMs, eddDate, zone, description, source: sources[0]!, sources, recognisedBy, recordedMs };
}

/**
 * Embryo age in days from Procedure text, by the IVF module's rule (one home): "day 5", "day-3", "D6". Plain
 * "blastocyst" does not say day 5 or 6 and gives no age; two days are ambiguous.
 */
export function embryoAgeFromText(texts: string[]): { days: number; matched: string } | { ambiguous: number[] } | undefined {
  const read = embryoDayFromTexts(texts);
  if (read.kind === 'conflict') return { ambiguous: read.days };
  if (read.kind === 'day') return { days: read.days, matched: read.matched };
  return undefined;
}

interface EmbryoAge {
  days: number;
  /** The embryo-age Observation, or undefined when the age was read from the transfer's own text. */
  source: SourceRef | undefined;
  /** The text that matched, when read from text. */
  textMatch: string | undefined;
}

function embryoAgeObservation(r: Res): { procedureKeys: string[]; age: EmbryoAge } | { error: PregnancyReason } | undefined {
  const codings = codingsOf(r.code);
  const byCode = codings.some((c) => c.system === EMBRYO_AGE_CODE.system && c.code === EMBRYO_AGE_CODE.code);
  const byText = !byCode && textsOf(r.code).some((t) => /^\s*embryo age at transfer\s*$/i.test(t));
  if (!byCode && !byText) return undefined;
  const procedureKeys = asArray(r.partOf)
    .map(refKey)
    .filter((k): k is string => k !== undefined && k.startsWith('Procedure/'));
  const q = isObject(r.valueQuantity) ? r.valueQuantity : undefined;
  const unit = (str(q?.code) ?? str(q?.unit) ?? '').trim().toLowerCase();
  const value = q?.value;
  if (procedureKeys.length === 0) return { error: pregnancyReason('pregnancy.excluded.embryo-age-unlinked') };
  if (!DAY_UNITS.includes(unit)) return { error: pregnancyReason('pregnancy.excluded.embryo-age-unit', { unit, hasUnit: unit !== '' }) };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 7) return { error: pregnancyReason('pregnancy.excluded.embryo-age-value', { value: safeString(value) }) };
  const source = sourceOf(r, {
    date: str(r.effectiveDateTime),
    original: `${value} ${str(q?.unit) ?? str(q?.code) ?? ''}`.trim(),
    matchedBy: byCode ? matchCode(EMBRYO_AGE_CODE.system, EMBRYO_AGE_CODE.code) : matchText('Embryo age at transfer'),
  });
  return { procedureKeys, age: { days: value, source, textMatch: byCode ? undefined : 'Embryo age at transfer' } };
}

/** What every reading step shares: the zone, the facts read so far and how to leave a record out. */
interface Reader {
  zone: string;
  out: DatingFacts;
  exclude(r: Res, reason: PregnancyReason, original?: string): void;
}

/** Embryo-age Observations, keyed by the transfer Procedure they belong to ("Procedure/t1"). */
function embryoAgesByTransfer(list: readonly Res[], reader: Reader): Map<string, EmbryoAge[]> {
  const ages = new Map<string, EmbryoAge[]>();
  for (const r of list) {
    if (r.resourceType !== 'Observation') continue;
    const status = str(r.status) ?? '';
    const read = embryoAgeObservation(r);
    if (!read) continue;
    if (OBS_EXCLUDED.has(status)) reader.exclude(r, pregnancyReason('pregnancy.excluded.embryo-age-status', { status }));
    else if ('error' in read) reader.exclude(r, read.error);
    else for (const k of read.procedureKeys) ages.set(k, [...(ages.get(k) ?? []), read.age]);
  }
  return ages;
}

type ObservationKind = 'edd' | 'lmp' | 'ultrasound-ga' | 'ga-observation' | 'status';

function observationKind(code: string): ObservationKind | undefined {
  const among = (codes: readonly string[]) => codes.includes(code);
  if (among(DATING_CODES.edd)) return 'edd';
  if (among(DATING_CODES.lmp)) return 'lmp';
  if (among(DATING_CODES.ultrasoundGa)) return 'ultrasound-ga';
  if (among(DATING_CODES.otherGa)) return 'ga-observation';
  if (among(DATING_CODES.status)) return 'status';
  return undefined;
}

/** A pregnancy-status Observation (82810-3) with a LOINC or SNOMED answer. */
function readStatusObservation(r: Res, code: string, rec: FhirMoment | undefined, reader: Reader): void {
  const codings = codingsOf(r.valueCodeableConcept);
  const loincAnswer = codings.find((c) => c.system === SYSTEMS.loinc && c.code !== undefined && STATUS_ANSWERS[c.code]);
  const snomedAnswer = codings.find((c) => c.system === SYSTEMS.snomed && c.code !== undefined && SNOMED_STATUS_ANSWERS[c.code]);
  const answer = loincAnswer ?? snomedAnswer;
  if (!answer) return reader.exclude(r, pregnancyReason('pregnancy.excluded.status-answer', { expected: STATUS_ANSWERS_EXPECTED }));
  const status = loincAnswer ? STATUS_ANSWERS[answer.code!]! : SNOMED_STATUS_ANSWERS[answer.code!]!;
  reader.out.statuses.push({
    status,
    recordedMs: rec?.start,
    source: sourceOf(r, { date: rec?.original, original: answer.display ?? answer.code, matchedBy: byAnswer(matchCode('LOINC', code), matchCode(loincAnswer ? 'LOINC' : 'SNOMED', answer.code!)) }),
  });
}

/** An EDD or LMP Observation: a date precise to the day gives the EDD (LMP + 280 days). */
function readDateObservation(r: Res, code: string, what: 'edd' | 'lmp', rec: FhirMoment | undefined, reader: Reader): void {
  const { zone } = reader;
  const m = parseFhirDate(r.valueDateTime, zone);
  if (!m) return reader.exclude(r, pregnancyReason('pregnancy.excluded.date-unreadable', { what, code: `LOINC ${code}` }));
  const date = dateOfMoment(m, zone, true);
  if (!date) return reader.exclude(r, pregnancyReason('pregnancy.excluded.date-imprecise', { what, code: `LOINC ${code}`, original: m.original }), m.original);
  const source = sourceOf(r, { date: rec?.original, original: `${what.toUpperCase()} ${m.original}`, matchedBy: matchCode('LOINC', code) });
  const eddDate = what === 'edd' ? date : addDays(date, 280);
  if (!eddDate) return reader.exclude(r, pregnancyReason('pregnancy.excluded.date-unusable', { what }), m.original);
  const recorded = { recorded: dayParam(rec?.start), hasRecorded: rec !== undefined };
  const edd = dayParam(startOfDate(eddDate, zone));
  const description =
    what === 'edd' ? pregnancyReason('pregnancy.dating.edd', { edd, ...recorded }) : pregnancyReason('pregnancy.dating.lmp', { lmp: dayParam(startOfDate(date, zone)), edd, ...recorded });
  const d = makeDating(what, eddDate, zone, description, [source], 'loinc', rec?.start);
  if (d) reader.out.datings.push(d);
  else reader.exclude(r, pregnancyReason('pregnancy.excluded.date-unplaceable', { what }), m.original);
}

/** A gestational-age Observation: its effective day minus the age gives the start, hence the EDD. */
function readGaObservation(r: Res, code: string, kind: 'ultrasound-ga' | 'ga-observation', reader: Reader): void {
  const { zone } = reader;
  const at = effectiveMoment(r, zone);
  if (!at) return reader.exclude(r, pregnancyReason('pregnancy.excluded.ga-no-date', { code: `LOINC ${code}` }));
  const atDate = dateOfMoment(at, zone, false);
  if (!atDate) return reader.exclude(r, pregnancyReason('pregnancy.excluded.ga-date-imprecise', { code: `LOINC ${code}`, original: at.original }));
  const ga = gaDaysOf(r);
  if ('error' in ga) return reader.exclude(r, pregnancyReason('pregnancy.excluded.ga-value', { code: `LOINC ${code}`, why: reasonParam(ga.error) }));
  const eddDate = addDays(atDate, 280 - ga.days)!;
  const source = sourceOf(r, { date: at.original, original: ga.original, matchedBy: matchCode('LOINC', code) });
  const description = pregnancyReason('pregnancy.dating.ga', {
    ultrasound: kind === 'ultrasound-ga',
    weeks: Math.floor(ga.days / 7),
    days: ga.days % 7,
    at: dayParam(startOfDate(atDate, zone)),
    code: `LOINC ${code}`,
    original: ga.original,
    edd: dayParam(startOfDate(eddDate, zone)),
  });
  const d = makeDating(kind, eddDate, zone, description, [source], 'loinc', at.start);
  if (d) reader.out.datings.push(d);
}

/** An Observation that dates a pregnancy or states its status; others are ignored. */
function readObservation(r: Res, reader: Reader): void {
  const code = loincCode(r);
  const kind = code ? observationKind(code) : undefined;
  if (!code || !kind) return;
  const status = str(r.status) ?? '';
  if (OBS_EXCLUDED.has(status)) return reader.exclude(r, pregnancyReason('pregnancy.excluded.observation-status', { code: `LOINC ${code}`, status }));
  const rec = recordedAt(r, reader.zone);
  if (kind === 'status') return readStatusObservation(r, code, rec, reader);
  if (kind === 'edd' || kind === 'lmp') return readDateObservation(r, code, kind, rec, reader);
  readGaObservation(r, code, kind, reader);
}

/** The embryo age of a transfer: one age from its Observations, else from its own text; else why there is none. */
function transferEmbryoAge(r: Res, obsAges: readonly EmbryoAge[]): EmbryoAge | PregnancyReason {
  const distinct = [...new Set(obsAges.map((a) => a.days))];
  if (distinct.length > 1) return pregnancyReason('pregnancy.transfer.ages-disagree', { days: embryoDaysParam(distinct) });
  if (distinct.length === 1) return obsAges[0]!;
  const textAge = embryoAgeFromText([...textsOf(r.code), ...notesOf(r)]);
  if (textAge && 'ambiguous' in textAge) return pregnancyReason('pregnancy.transfer.ages-ambiguous', { days: embryoDaysParam(textAge.ambiguous) });
  if (textAge) return { days: textAge.days, source: undefined, textMatch: textAge.matched };
  return pregnancyReason('pregnancy.transfer.no-age');
}

/** A completed embryo transfer: with an embryo age it dates the pregnancy (EDD = transfer + 266 - age days). */
function readTransfer(r: Res, index: number, performed: FhirMoment, cls: Classification, source: SourceRef, ages: Map<string, EmbryoAge[]>, reader: Reader): void {
  const { zone } = reader;
  const transferDate = dateOfMoment(performed, zone, false);
  if (!transferDate) return reader.exclude(r, pregnancyReason('pregnancy.excluded.transfer-date-imprecise', { original: performed.original }));
  const key = resourceKey(r, index);
  const when = dayParam(startOfDate(transferDate, zone));
  const age = transferEmbryoAge(r, ages.get(key) ?? []);
  if ('code' in age) {
    reader.out.undatedTransfers.push({ dateMs: performed.start, note: pregnancyReason('pregnancy.transfer-undated', { at: when, key, why: reasonParam(age) }), source });
    return;
  }
  const eddDate = addDays(transferDate, 266 - age.days)!;
  const by: RecognisedBy = cls.recognisedBy === 'text' || age.textMatch !== undefined ? 'text' : 'snomed';
  const description = pregnancyReason('pregnancy.dating.transfer', {
    at: when,
    embryoDay: age.days,
    textMatch: age.textMatch ?? null,
    hasTextMatch: age.textMatch !== undefined,
    edd: dayParam(startOfDate(eddDate, zone)),
  });
  const main = age.source ? source : { ...source, matchedBy: allOf(cls.matched, matchText(age.textMatch ?? '')) };
  const sources = age.source ? [main, age.source] : [main];
  const d = makeDating('ivf-transfer', eddDate, zone, description, sources, by, performed.start);
  if (d) reader.out.datings.push(d);
}

/** A Procedure: a completed birth ends a pregnancy, a completed transfer may date one; others are ignored. */
function readProcedure(r: Res, index: number, ages: Map<string, EmbryoAge[]>, reader: Reader): void {
  const cls = classifyEvent(codingsOf(r.code), textsOf(r.code));
  if (cls.cls !== 'embryo-transfer' && cls.cls !== 'caesarean' && cls.cls !== 'delivery') return;
  const what = cls.cls === 'embryo-transfer' ? 'transfer' : 'birth';
  const status = str(r.status) ?? '';
  if (status !== 'completed') {
    if (status === 'entered-in-error' || status === 'not-done') reader.exclude(r, pregnancyReason('pregnancy.excluded.procedure-status', { what, status }));
    return;
  }
  const period = isObject(r.performedPeriod) ? r.performedPeriod : {};
  const performed = parseFhirDate(r.performedDateTime, reader.zone) ?? parseFhirDate(period.start, reader.zone);
  if (!performed) return reader.exclude(r, pregnancyReason('pregnancy.excluded.procedure-no-date', { what, matched: matchParam(cls.matched) }));
  const source = sourceOf(r, { date: performed.original, original: textsOf(r.code)[0] ?? matchedData(cls.matched), matchedBy: cls.matched });
  if (cls.cls === 'embryo-transfer') return readTransfer(r, index, performed, cls, source, ages, reader);
  reader.out.deliveries.push({ atMs: performed.start, kind: cls.cls, source });
}

/** Reads the dating facts of a record (Observations and Procedures; other resources are ignored). Never throws. */
export function datingFactsFromRecord(resources: readonly unknown[], zone: string): DatingFacts {
  const out: DatingFacts = { datings: [], undatedTransfers: [], deliveries: [], statuses: [], exclusions: [] };
  const list = (Array.isArray(resources) ? resources : []).filter(isObject) as Res[];
  const reader: Reader = {
    zone,
    out,
    exclude: (r, reason, original) => void out.exclusions.push({ source: sourceOf(r, { original }), view: PREGNANCY_VIEW, reason }),
  };
  const ages = embryoAgesByTransfer(list, reader);
  list.forEach((r, index) => {
    if (r.resourceType === 'Observation') readObservation(r, reader);
    else if (r.resourceType === 'Procedure') readProcedure(r, index, ages, reader);
  });
  return out;
}
