/**
 * How a record was recognised, as data: codes first, a text match is a labelled fallback. The UI words it from the
 * catalogue (`reason.match.*`, via `matchReason`), so "text match" reads as a fallback in every language.
 * - `code`: a code of a published system, named as published (LOINC, SNOMED, RxNorm, ATC, ICD-10-CM, ICD-10-PCS,
 *   CPT) or, for the app's local codes, the system URI.
 * - `text`: no recognised code; these words of the record matched.
 * - `none`: neither a code nor a text matched (the first coding as written, if any).
 * - `answer`: a coded question and its coded answer (LOINC 11778-8 = SNOMED ...).
 * - `all`: several parts together (several LOINC codes, or a code plus a text detail).
 * - `prescription`: a record taken as belonging to an order because it names that order (a MedicationDispense's
 *   authorizingPrescription); `reference` as the record wrote it.
 */
import { listParam, reason, reasonParam, type Reason, type ReasonParam } from './reasons';

export type MatchedBy =
  | { by: 'code'; system: string; code: string }
  | { by: 'text'; text: string }
  | { by: 'none'; coding?: { system?: string; code: string } }
  | { by: 'answer'; question: MatchedBy; answer: MatchedBy }
  | { by: 'all'; parts: readonly MatchedBy[] }
  | { by: 'prescription'; reference: string };

export const byCode = (system: string, code: string): MatchedBy => ({ by: 'code', system, code });
export const byText = (text: string): MatchedBy => ({ by: 'text', text });
export const noMatch = (coding?: { system?: string; code: string }): MatchedBy => (coding ? { by: 'none', coding } : { by: 'none' });
export const byAnswer = (question: MatchedBy, answer: MatchedBy): MatchedBy => ({ by: 'answer', question, answer });
export const byPrescription = (reference: string): MatchedBy => ({ by: 'prescription', reference });
/** Several parts as one; a single part stays itself. */
export const allOf = (...parts: MatchedBy[]): MatchedBy => (parts.length === 1 ? parts[0]! : { by: 'all', parts });

export type MatchReasonCode = 'match.code' | 'match.text' | 'match.none' | 'match.none-coded' | 'match.answer' | 'match.all' | 'match.prescription';

/** The match as a reason code with parameters (`reason.match.*`). */
export function matchReason(m: MatchedBy): Reason<MatchReasonCode> {
  switch (m.by) {
    case 'code':
      return reason('match.code', { system: m.system, code: m.code });
    case 'text':
      return reason('match.text', { text: m.text });
    case 'none':
      return m.coding ? reason('match.none-coded', { system: m.coding.system ?? '', hasSystem: m.coding.system !== undefined, code: m.coding.code }) : reason('match.none');
    case 'answer':
      return reason('match.answer', { question: matchParam(m.question), answer: matchParam(m.answer) });
    case 'all':
      return reason('match.all', { parts: listParam(m.parts.map(matchParam)) });
    case 'prescription':
      return reason('match.prescription', { reference: m.reference });
  }
}

/** The match as a parameter of another reason. */
export const matchParam = (m: MatchedBy): ReasonParam => reasonParam(matchReason(m));

/**
 * The match as the record's own data only (codes as "LOINC 48065-7", matched words as written), no words of the
 * app: a label of last resort for a fact whose record has no text.
 */
export function matchedData(m: MatchedBy): string {
  switch (m.by) {
    case 'code':
      return `${m.system} ${m.code}`;
    case 'text':
      return m.text;
    case 'none':
      return m.coding ? [m.coding.system, m.coding.code].filter(Boolean).join(' ') : '';
    case 'answer':
      return `${matchedData(m.question)} = ${matchedData(m.answer)}`;
    case 'all':
      return m.parts.map(matchedData).filter(Boolean).join(', ');
    case 'prescription':
      return m.reference;
  }
}
