/** Oocyte retrievals and embryo transfers (Procedure), with the transfer's type (fresh/frozen) and embryo age. */
import { known, SYSTEMS, type Exclusion, type Known } from '../types';
import { asArray, codingsOf, isObject, notesOf, refKey, str, textsOf } from '../events/fhirRead';
import { EMBRYO_AGE_LOCAL_CODE, EMBRYO_DAY_TEXT, BLASTOCYST_TEXT, EMBRYO_TRANSFER_SNOMED, FRESH_TEXT, FROZEN_TEXT, FROZEN_TRANSFER_SNOMED, IVF_LOCAL_SYSTEM, OOCYTE_RETRIEVAL_SNOMED } from './ivfCodes';
import { codeMatch, ivfReason, performedMoment, refOf, textMatch, unknownBecause, observedMoment, type Match } from './ivfRead';
import { IVF_VIEW, type CycleStep, type EmbryoAge, type EmbryoTransfer, type TransferType } from './ivfTypes';
import { byCode, byText, matchedData } from '../matchedBy';

/** Procedure statuses that record something done (a planned or cancelled one is not a cycle step). */
const DONE = new Set(['completed', 'in-progress']);

type Res = Record<string, unknown>;

function procedureMatch(p: Res, codes: readonly string[], text: RegExp): Match | undefined {
  return codeMatch(codingsOf(p.code), SYSTEMS.snomed, codes) ?? textMatch(textsOf(p.code), text);
}

/** Completed procedures of one kind as dated steps; the others are excluded with the reason. */
function procedureSteps(procedures: Res[], kind: CycleStep['kind'], codes: readonly string[], text: RegExp, zone: string, excluded: Exclusion[]): { step: CycleStep; res: Res }[] {
  const out: { step: CycleStep; res: Res }[] = [];
  for (const p of procedures) {
    const match = procedureMatch(p, codes, text);
    if (!match) continue;
    const moment = performedMoment(p, zone);
    const source = refOf(p, moment?.original, textsOf(p.code)[0], match.matched);
    const status = str(p.status);
    if (!status || !DONE.has(status)) {
      excluded.push({ source, view: IVF_VIEW, reason: ivfReason('ivf.result-status-excluded', { status: status ?? null }) });
      continue;
    }
    if (!moment) {
      excluded.push({ source, view: IVF_VIEW, reason: ivfReason('ivf.step-time-unreadable') });
      continue;
    }
    out.push({ step: { kind, atMs: moment.start, moment, ...match, source }, res: p });
  }
  return out.sort((a, b) => a.step.atMs - b.step.atMs);
}

export function oocyteRetrievals(procedures: Res[], zone: string, excluded: Exclusion[]): CycleStep[] {
  return procedureSteps(procedures, 'oocyte-retrieval', OOCYTE_RETRIEVAL_SNOMED, /oocyte (retrieval|recovery|pick-?up)|egg collection/i, zone, excluded).map((s) => s.step);
}

function transferType(p: Res): EmbryoTransfer['transferType'] {
  const coded = codeMatch(codingsOf(p.code), SYSTEMS.snomed, FROZEN_TRANSFER_SNOMED);
  if (coded) return known({ value: 'frozen' as TransferType, ...coded });
  const texts = [...textsOf(p.code), ...notesOf(p)];
  const frozen = textMatch(texts, FROZEN_TEXT);
  const fresh = textMatch(texts, FRESH_TEXT);
  if (frozen && !fresh) return known({ value: 'frozen' as TransferType, ...frozen });
  if (fresh && !frozen) return known({ value: 'fresh' as TransferType, ...fresh });
  return unknownBecause('ivf.transfer-type-not-recorded');
}

/** Embryo-age Observations (local IVF code, partOf the transfer) keyed by "Procedure/id". */
export function embryoAgeObservations(observations: Res[], zone: string): Map<string, Known<EmbryoAge>[]> {
  const out = new Map<string, Known<EmbryoAge>[]>();
  for (const o of observations) {
    const coded = codingsOf(o.code).some((c) => c.system === IVF_LOCAL_SYSTEM && c.code === EMBRYO_AGE_LOCAL_CODE);
    if (!coded || o.status === 'entered-in-error' || o.status === 'cancelled') continue;
    const q = isObject(o.valueQuantity) ? o.valueQuantity : {};
    const unit = (str(q.code) ?? str(q.unit) ?? '').toLowerCase();
    const value = q.value;
    const source = refOf(o, observedMoment(o, zone)?.original, `${String(value)} ${unit}`, byCode(IVF_LOCAL_SYSTEM, EMBRYO_AGE_LOCAL_CODE));
    const age: Known<EmbryoAge> =
      typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7 && ['d', 'day', 'days'].includes(unit)
        ? known({ days: value, recognisedBy: 'local-code', matched: byCode(IVF_LOCAL_SYSTEM, EMBRYO_AGE_LOCAL_CODE), source })
        : unknownBecause('ivf.embryo-age-unreadable', { observation: source.id ?? null });
    for (const key of asArray(o.partOf).map(refKey)) {
      if (key?.startsWith('Procedure/')) out.set(key, [...(out.get(key) ?? []), age]);
    }
  }
  return out;
}

/** What a transfer's text says about the embryo age. */
export type EmbryoDayText =
  | { kind: 'day'; days: number; matched: string }
  | { kind: 'conflict'; days: number[] }
  | { kind: 'blastocyst-day-not-stated'; matched: string }
  | { kind: 'none' };

/**
 * The one rule for an embryo age read from text (a labelled fallback): "day 5", "day-3", "D6". Plain "blastocyst"
 * does not say day 5 or day 6, so it stays unknown; two different days conflict.
 */
export function embryoDayFromTexts(texts: readonly string[]): EmbryoDayText {
  const days = new Map<number, string>();
  for (const t of texts) for (const m of t.matchAll(EMBRYO_DAY_TEXT)) days.set(Number(m[1]), m[0]);
  if (days.size > 1) return { kind: 'conflict', days: [...days.keys()] };
  const [only] = [...days.entries()];
  if (only) return { kind: 'day', days: only[0], matched: only[1] };
  const blast = textMatch([...texts], BLASTOCYST_TEXT);
  return blast ? { kind: 'blastocyst-day-not-stated', matched: matchedData(blast.matched) } : { kind: 'none' };
}

/** Embryo age from the transfer's own text ("day 5"); plain "blastocyst" stays unknown (day 5 or 6). */
function embryoAgeFromText(p: Res, source: EmbryoTransfer['source']): Known<EmbryoAge> {
  const read = embryoDayFromTexts([...textsOf(p.code), ...notesOf(p)]);
  if (read.kind === 'conflict') return unknownBecause('ivf.embryo-age-conflict', { days: read.days.join(', ') });
  if (read.kind === 'day') return known({ days: read.days, recognisedBy: 'text', matched: byText(read.matched), source });
  if (read.kind === 'blastocyst-day-not-stated') return unknownBecause('ivf.embryo-age-blastocyst-day-not-stated');
  return unknownBecause('ivf.embryo-age-not-recorded');
}

function embryoAge(p: Res, coded: Known<EmbryoAge>[] | undefined, source: EmbryoTransfer['source']): Known<EmbryoAge> {
  const readable = (coded ?? []).filter((a): a is { known: true; value: EmbryoAge } => a.known);
  const distinct = new Set(readable.map((a) => a.value.days));
  if (distinct.size > 1) return unknownBecause('ivf.embryo-age-conflict', { days: [...distinct].join(', ') });
  if (readable[0]) return readable[0];
  if (coded?.[0]) return coded[0];
  return embryoAgeFromText(p, source);
}

export function embryoTransfers(procedures: Res[], observations: Res[], zone: string, excluded: Exclusion[]): EmbryoTransfer[] {
  const ages = embryoAgeObservations(observations, zone);
  return procedureSteps(procedures, 'embryo-transfer', EMBRYO_TRANSFER_SNOMED, /embryo transfer|\bFET\b/i, zone, excluded).map(({ step, res }) => ({
    ...step,
    kind: 'embryo-transfer' as const,
    transferType: transferType(res),
    embryoAge: embryoAge(res, ages.get(`Procedure/${str(res.id) ?? ''}`), step.source),
  }));
}
