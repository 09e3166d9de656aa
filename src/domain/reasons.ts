/**
 * Reasons and statements as codes with parameters. The domain never writes sentences: it says *what* (a code from
 * its module's union) and *with which data* (parameters); the UI's message catalogue words it
 * (`src/ui/messages/`, key `reason.<code>`), in English or Russian. Instants and durations stay numbers here so the
 * UI can show them in the facility's zone and the reader's language.
 */

/** A parameter of a reason: plain data, or a typed value the UI formats (instant, date, duration, nested reason). */
export type ReasonParam =
  | string
  | number
  | boolean
  | null
  | undefined
  | { kind: 'instant'; ms: number }
  | { kind: 'date'; ms: number }
  | { kind: 'duration'; ms: number }
  | { kind: 'unit'; code: string }
  /** A cited rule source by its code (`RuleSourceId`); the UI writes its short label in the reader's language. */
  | { kind: 'rule-source'; id: string }
  | { kind: 'reason'; reason: Reason }
  | { kind: 'list'; items: readonly ReasonParam[] };

export interface Reason<C extends string = string> {
  code: C;
  params?: Readonly<Record<string, ReasonParam>>;
}

/** A reason from a code and its parameters. */
export const reason = <C extends string>(code: C, params?: Readonly<Record<string, ReasonParam>>): Reason<C> =>
  params ? { code, params } : { code };

export const instantParam = (ms: number): ReasonParam => ({ kind: 'instant', ms });
export const dateParam = (ms: number): ReasonParam => ({ kind: 'date', ms });
export const durationParam = (ms: number): ReasonParam => ({ kind: 'duration', ms });
/** A unit as the record codes it (UCUM); the UI writes it as clinicians do ("×10⁹/L", "IU"). */
export const unitParam = (code: string): ReasonParam => ({ kind: 'unit', code });
export const reasonParam = (r: Reason): ReasonParam => ({ kind: 'reason', reason: r });
/** A code the catalogue chooses words by (an ICU `select`): select keys cannot contain '-', so it is written with '_'. */
export const selectParam = (code: string): ReasonParam => code.replace(/-/g, '_');
export const listParam = (items: readonly ReasonParam[]): ReasonParam => ({ kind: 'list', items });

export const isReason = (v: unknown): v is Reason =>
  typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string';

