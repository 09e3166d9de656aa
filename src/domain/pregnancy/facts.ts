/**
 * Dating facts from a record: EDD, LMP and gestational-age Observations, embryo transfers (Procedure) with the embryo
 * age, past births (which end a pregnancy) and pregnancy status. Each dating fact becomes a Dating with its EDD.
 */
import { PREGNANCY_CODES } from '../codes';
import { formatDate, parseFhirDate, type FhirMoment } from '../time';
import { SYSTEMS, type Exclusion, type RecognisedBy, type SourceRef } from '../types';
import { classifyEvent } from '../events/eventClasses';
import { asArray, codingsOf, isObject, notesOf, refKey, resourceKey, sourceOf, str, textsOf } from '../events/fhirRead';
import { addDays, dateOfMoment, formatCalendarDate, startOfDate } from './calendar';
import type { Dating, DatingMethod, DeliveryFact, PregnancyStatusFact } from './pregnancyTypes';
import { safeString } from '../text';
import { EMBRYO_AGE_LOCAL_CODE, IVF_LOCAL_SYSTEM } from '../ivf/ivfCodes';
import { embryoDayFromTexts } from '../ivf/ivfProcedures';

const VIEW = 'Pregnancy dating';

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

/** Observation statuses that carry no usable result. */
const OBS_EXCLUDED: Record<string, string> = {
  'entered-in-error': 'entered in error',
  cancelled: 'cancelled',
  registered: 'registered only, no result yet',
};

/** A transfer that cannot date a pregnancy, kept so the reason can be shown. */
export interface UndatedTransfer {
  dateMs: number;
  note: string;
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

/** Gestational age in days from a quantity in weeks ('wk') or days ('d'), with an optional 49052-4 days component. */
function gaDaysOf(r: Res): { days: number; text: string } | { error: string } {
  const q = isObject(r.valueQuantity) ? r.valueQuantity : undefined;
  if (!q || typeof q.value !== 'number' || !Number.isFinite(q.value)) return { error: 'no numeric gestational age' };
  const unit = (str(q.code) ?? str(q.unit) ?? '').trim().toLowerCase();
  let days: number;
  let text: string;
  if (['wk', 'w', 'week', 'weeks', 'wks'].includes(unit)) {
    days = q.value * 7;
    text = `${q.value} wk`;
    for (const comp of asArray(r.component)) {
      if (!isObject(comp)) continue;
      const code = codingsOf(comp.code).find((c) => c.system === SYSTEMS.loinc && DATING_CODES.gaDaysComponent.includes(c.code as never));
      const cq = isObject(comp.valueQuantity) ? comp.valueQuantity : undefined;
      if (!code || !cq) continue;
      if (typeof cq.value !== 'number' || !Number.isInteger(cq.value) || cq.value < 0 || cq.value > 6 || !Number.isInteger(q.value)) {
        return { error: 'gestational-age days component cannot be read' };
      }
      days += cq.value;
      text += ` + ${cq.value} d`;
    }
  } else if (['d', 'day', 'days'].includes(unit)) {
    days = q.value;
    text = `${q.value} d`;
  } else {
    return { error: `unit '${unit || 'none'}' is not weeks or days` };
  }
  days = Math.round(days);
  if (days <= 0 || days > 45 * 7) return { error: `gestational age ${text} is outside 0-45 weeks` };
  return { days, text };
}

const gaText = (days: number): string => `${Math.floor(days / 7)}w ${days % 7}d`;

function makeDating(
  method: DatingMethod,
  eddDate: string,
  zone: string,
  description: string,
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
export function embryoAgeFromText(texts: string[]): { days: number; matched: string } | { ambiguous: string } | undefined {
  const read = embryoDayFromTexts(texts);
  if (read.kind === 'conflict') return { ambiguous: read.days.map((d) => `day ${d}`).join(' and ') };
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

function embryoAgeObservation(r: Res): { procedureKeys: string[]; age: EmbryoAge } | { error: string } | undefined {
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
  if (procedureKeys.length === 0) return { error: 'embryo age not linked (partOf) to a transfer Procedure' };
  if (!['d', 'day', 'days'].includes(unit)) return { error: `embryo age unit '${unit || 'none'}' is not days` };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 7) return { error: `embryo age ${safeString(value)} d is not a whole number of days 1-7` };
  const source = sourceOf(r, {
    date: str(r.effectiveDateTime),
    original: `embryo age ${value} d`,
    matchedBy: byCode ? `${EMBRYO_AGE_CODE.system}|${EMBRYO_AGE_CODE.code}` : "text match: 'Embryo age at transfer'",
  });
  return { procedureKeys, age: { days: value, source, textMatch: byCode ? undefined : 'Embryo age at transfer' } };
}

/** Reads the dating facts of a record (Observations and Procedures; other resources are ignored). Never throws. */
export function datingFactsFromRecord(resources: readonly unknown[], zone: string): DatingFacts {
  const out: DatingFacts = { datings: [], undatedTransfers: [], deliveries: [], statuses: [], exclusions: [] };
  const list = (Array.isArray(resources) ? resources : []).filter(isObject) as Res[];
  const exclude = (r: Res, reason: string, original?: string): void => {
    out.exclusions.push({ source: sourceOf(r, { original }), view: VIEW, reason });
  };

  // Embryo ages first, keyed by the transfer Procedure they belong to.
  const ages = new Map<string, EmbryoAge[]>();
  for (const r of list) {
    if (r.resourceType !== 'Observation') continue;
    const status = str(r.status) ?? '';
    const read = embryoAgeObservation(r);
    if (!read) continue;
    if (OBS_EXCLUDED[status]) {
      exclude(r, `embryo age: status ${status} (${OBS_EXCLUDED[status]})`);
      continue;
    }
    if ('error' in read) {
      exclude(r, read.error);
      continue;
    }
    for (const k of read.procedureKeys) ages.set(k, [...(ages.get(k) ?? []), read.age]);
  }

  list.forEach((r, index) => {
    const status = str(r.status) ?? '';
    if (r.resourceType === 'Observation') {
      const code = loincCode(r);
      if (!code) return;
      const isEdd = (DATING_CODES.edd as readonly string[]).includes(code);
      const isLmp = (DATING_CODES.lmp as readonly string[]).includes(code);
      const isUs = (DATING_CODES.ultrasoundGa as readonly string[]).includes(code);
      const isGa = (DATING_CODES.otherGa as readonly string[]).includes(code);
      const isStatus = (DATING_CODES.status as readonly string[]).includes(code);
      if (!isEdd && !isLmp && !isUs && !isGa && !isStatus) return;
      if (OBS_EXCLUDED[status]) return exclude(r, `LOINC ${code}: status ${status} (${OBS_EXCLUDED[status]})`);
      const rec = recordedAt(r, zone);
      const recordedMs = rec?.start;
      const recText = rec ? `recorded ${formatDate(rec.start, zone)}` : 'recording date not given';

      if (isStatus) {
        const codings = codingsOf(r.valueCodeableConcept);
        const loincAnswer = codings.find((c) => c.system === SYSTEMS.loinc && c.code !== undefined && STATUS_ANSWERS[c.code]);
        const snomedAnswer = codings.find((c) => c.system === SYSTEMS.snomed && c.code !== undefined && SNOMED_STATUS_ANSWERS[c.code]);
        const answer = loincAnswer ?? snomedAnswer;
        if (!answer) return exclude(r, 'pregnancy status answer not recognised (expected LOINC LA15173-0, LA26683-5, LA4489-6 or SNOMED 77386006, 60001007)');
        const status = loincAnswer ? STATUS_ANSWERS[answer.code!]! : SNOMED_STATUS_ANSWERS[answer.code!]!;
        out.statuses.push({
          status,
          recordedMs,
          source: sourceOf(r, { date: rec?.original, original: answer.display ?? answer.code, matchedBy: `LOINC ${code} = ${loincAnswer ? '' : 'SNOMED '}${answer.code}` }),
        });
        return;
      }
      if (isEdd || isLmp) {
        const what = isEdd ? 'EDD' : 'LMP';
        const m = parseFhirDate(r.valueDateTime, zone);
        if (!m) return exclude(r, `${what} (LOINC ${code}) has no readable valueDateTime`);
        const date = dateOfMoment(m, zone, true);
        if (!date) return exclude(r, `${what} (LOINC ${code}) '${m.original}' is not precise to the day`, m.original);
        const source = sourceOf(r, { date: rec?.original, original: `${what} ${m.original}`, matchedBy: `LOINC ${code}` });
        const eddDate = isEdd ? date : addDays(date, 280);
        if (!eddDate) return exclude(r, `${what} date cannot be used`, m.original);
        const description = isEdd
          ? `EDD ${formatCalendarDate(eddDate)} ${recText}`
          : `LMP ${formatCalendarDate(date)} (${recText}): EDD ${formatCalendarDate(eddDate)}`;
        const d = makeDating(isEdd ? 'edd' : 'lmp', eddDate, zone, description, [source], 'loinc', recordedMs);
        if (d) out.datings.push(d);
        else exclude(r, `${what} date cannot be placed in the facility time zone`, m.original);
        return;
      }
      // Gestational age observation.
      const at = effectiveMoment(r, zone);
      if (!at) return exclude(r, `gestational age (LOINC ${code}) has no effective date to anchor it`);
      const atDate = dateOfMoment(at, zone, false);
      if (!atDate) return exclude(r, `gestational age (LOINC ${code}) effective date '${at.original}' is not precise to the day`);
      const ga = gaDaysOf(r);
      if ('error' in ga) return exclude(r, `gestational age (LOINC ${code}): ${ga.error}`);
      const eddDate = addDays(atDate, 280 - ga.days)!;
      const source = sourceOf(r, { date: at.original, original: ga.text, matchedBy: `LOINC ${code}` });
      const label = isUs ? 'ultrasound gestational age' : 'gestational age';
      const description = `${label} ${gaText(ga.days)} on ${formatCalendarDate(atDate)} (LOINC ${code}, ${ga.text}): EDD ${formatCalendarDate(eddDate)}`;
      const d = makeDating(isUs ? 'ultrasound-ga' : 'ga-observation', eddDate, zone, description, [source], 'loinc', at.start);
      if (d) out.datings.push(d);
      return;
    }

    if (r.resourceType !== 'Procedure') return;
    const cls = classifyEvent(codingsOf(r.code), textsOf(r.code));
    if (!['embryo-transfer', 'caesarean', 'delivery'].includes(cls.cls)) return;
    const what = cls.cls === 'embryo-transfer' ? 'embryo transfer' : 'birth';
    if (status !== 'completed') {
      if (status === 'entered-in-error' || status === 'not-done') exclude(r, `${what}: status ${status}`);
      return;
    }
    const period = isObject(r.performedPeriod) ? r.performedPeriod : {};
    const performed = parseFhirDate(r.performedDateTime, zone) ?? parseFhirDate(period.start, zone);
    if (!performed) return exclude(r, `${what} (${cls.matched}) has no readable performed date`);
    const source = sourceOf(r, { date: performed.original, original: textsOf(r.code)[0] ?? what, matchedBy: cls.matched });
    if (cls.cls !== 'embryo-transfer') {
      out.deliveries.push({ atMs: performed.start, kind: cls.cls === 'caesarean' ? 'caesarean' : 'delivery', source });
      return;
    }
    const transferDate = dateOfMoment(performed, zone, false);
    if (!transferDate) return exclude(r, `embryo transfer date '${performed.original}' is not precise to the day`);
    const key = resourceKey(r, index);
    const obsAges = ages.get(key) ?? [];
    const distinct = [...new Set(obsAges.map((a) => a.days))];
    const textAge = embryoAgeFromText([...textsOf(r.code), ...notesOf(r)]);
    const when = formatCalendarDate(transferDate);
    const undated = (note: string): void => {
      out.undatedTransfers.push({ dateMs: performed.start, note: `embryo transfer on ${when} (${key}): ${note}`, source });
    };
    let age: EmbryoAge | undefined;
    if (distinct.length > 1) return undated(`embryo-age records disagree (${distinct.map((d) => `day ${d}`).join(', ')}); it cannot date the pregnancy`);
    if (distinct.length === 1) age = obsAges[0];
    else if (textAge && 'ambiguous' in textAge) return undated(`its text names several embryo ages (${textAge.ambiguous}); it cannot date the pregnancy`);
    else if (textAge) age = { days: textAge.days, source: undefined, textMatch: textAge.matched };
    if (!age) return undated('no embryo age (day 3 / day 5 / day 6) recorded, so it cannot date the pregnancy');
    const eddDate = addDays(transferDate, 266 - age.days)!;
    const by: RecognisedBy = cls.recognisedBy === 'text' || age.textMatch !== undefined ? 'text' : 'snomed';
    const textNote = age.textMatch !== undefined ? ` (embryo age from text match: '${age.textMatch}')` : '';
    const description = `embryo transfer ${when}, day-${age.days} embryo${textNote}: EDD ${formatCalendarDate(eddDate)}`;
    const main = age.source ? source : { ...source, matchedBy: `${cls.matched}; embryo age text match: '${age.textMatch}'` };
    const sources = age.source ? [main, age.source] : [main];
    const d = makeDating('ivf-transfer', eddDate, zone, description, sources, by, performed.start);
    if (d) out.datings.push(d);
  });
  return out;
}

