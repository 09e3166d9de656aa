/**
 * Units: a thin, total wrapper over @lhncbc/ucum-lhc (loaded with a dynamic import, ~59 kB gzip) plus the parsing
 * UCUM does not do for us: FEU/DDU annotations ({FEU} has no UCUM meaning: ng/mL{FEU} converts like ng/mL),
 * FEU/DDU words in unit text ("ng/mL FEU"), and common non-UCUM spellings ("mcg/mL", "µg/mL"), each labelled.
 */
import { known, unknown, type Known } from '../types';
import { unitParam, type Reason } from '../reasons';
import { labReason } from './labReasons';

/** Converts between UCUM codes; never throws. */
export interface UnitConverter {
  /** value in fromUcum expressed in toUcum; unknown with a reason when either unit is invalid or not convertible. */
  convert(value: number, fromUcum: string, toUcum: string): Known<number>;
  /** True when the string is a valid UCUM expression. */
  isValid(ucum: string): boolean;
}

/** A unit string read into a UCUM code plus what it said about FEU/DDU. */
export interface ParsedUnit {
  /** UCUM candidate with any {FEU}/{DDU} annotation and FEU/DDU word removed (not yet validated). */
  ucum: string;
  /** FEU/DDU stated by the unit string, if any. */
  unitType?: 'FEU' | 'DDU';
  /** 'annotation' for {FEU}/{DDU}; 'unit-text' for a bare word such as "ng/mL FEU". */
  unitTypeFrom?: 'annotation' | 'unit-text';
  /** Set when a known non-UCUM spelling was mapped ('mcg/mL' read as ug/mL): reason `lab.unit-non-ucum-spelling`. */
  nonUcumSpelling?: Reason;
}

/** Rounds away binary-float noise (10*3/uL -> 10*9/L gives 249.99999999999997) to 12 significant digits. */
export function roundSignificant(v: number): number {
  return Number(v.toPrecision(12));
}

/** Common lab spellings that are not (or not exactly) UCUM, keyed by a lower-cased, micro-normalised form. */
const SPELLINGS: Record<string, string> = {
  'ng/ml': 'ng/mL',
  'ug/ml': 'ug/mL',
  'mcg/ml': 'ug/mL',
  'mg/l': 'mg/L',
  'ug/l': 'ug/L',
  'mcg/l': 'ug/L',
  'ng/l': 'ng/L',
  'mg/dl': 'mg/dL',
  'g/dl': 'g/dL',
  'g/l': 'g/L',
  'umol/l': 'umol/L',
  'mmol/l': 'mmol/L',
  'iu/ml': '[iU]/mL',
  '[iu]/ml': '[iU]/mL',
  'u/ml': 'U/mL',
  "[arb'u]/ml": "[arb'U]/mL",
  'anti-xaiu/ml': '[iU]/mL',
  'anti-xau/ml': '[iU]/mL',
  '10^9/l': '10*9/L',
  'x10^9/l': '10*9/L',
  'x10*9/l': '10*9/L',
  '10e9/l': '10*9/L',
  'g/l(10^9)': '10*9/L',
  '10^3/ul': '10*3/uL',
  'x10^3/ul': '10*3/uL',
  'x10*3/ul': '10*3/uL',
  'k/ul': '10*3/uL',
  'thou/ul': '10*3/uL',
  sec: 's',
  secs: 's',
  seconds: 's',
  second: 's',
  'ml/min': 'mL/min',
  'ml/min/1.73m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73m^2': 'mL/min/{1.73_m2}',
  'ml/min/1.73m²': 'mL/min/{1.73_m2}',
  'ml/min/{1.73_m2}': 'mL/min/{1.73_m2}',
  ratio: '{ratio}',
  inr: '{INR}',
};

/** Micro sign (U+00B5) and Greek mu (U+03BC) both mean micro; "mcg" is a common spelling of ug. */
function normaliseKey(s: string): string {
  return s.replace(/[\u00b5\u03bc]/g, 'u').replace(/\s+/g, '').toLowerCase();
}

const ANNOTATION = /\{\s*(FEU|DDU)\s*\}/gi;
const WORD = /\b(FEU|DDU)\b/gi;

/**
 * Reads a unit string (valueQuantity.unit or .code) into a UCUM candidate, FEU/DDU statement and spelling label.
 * Unknown when empty, not a string, or when it states both FEU and DDU.
 */
export function parseUnit(text: unknown): Known<ParsedUnit> {
  if (typeof text !== 'string' || text.trim() === '') return unknown(labReason('lab.unit-missing'));
  if (text.length > 80) return unknown(labReason('lab.unit-too-long'));
  const stated = new Set<'FEU' | 'DDU'>();
  let from: 'annotation' | 'unit-text' | undefined;
  let rest = text.trim().replace(ANNOTATION, (_m, t: string) => {
    stated.add(t.toUpperCase() as 'FEU' | 'DDU');
    from = 'annotation';
    return '';
  });
  rest = rest
    .replace(WORD, (_m, t: string) => {
      stated.add(t.toUpperCase() as 'FEU' | 'DDU');
      from ??= 'unit-text';
      return ' ';
    })
    .replace(/\(\s*\)/g, ' ')
    .replace(/^[\s\-_,;]+|[\s\-_,;]+$/g, '');
  if (stated.size > 1) return unknown(labReason('lab.unit-both-feu-ddu', { written: text }));
  const compact = rest.replace(/\s+/g, '');
  if (compact === '') return unknown(labReason('lab.unit-only-feu-ddu-label', { written: text }));
  const mapped = SPELLINGS[normaliseKey(compact)];
  const ucum = mapped ?? compact;
  const out: ParsedUnit = { ucum };
  const [t] = [...stated];
  if (t) {
    out.unitType = t;
    out.unitTypeFrom = from;
  }
  const annotationFree = text.replace(ANNOTATION, '').trim();
  if (mapped !== undefined && annotationFree !== mapped) out.nonUcumSpelling = spelling(text, mapped);
  else if (mapped === undefined && compact !== annotationFree) out.nonUcumSpelling = spelling(text, compact);
  return known(out);
}

/** A non-UCUM spelling read as a UCUM unit, with the text as written. */
const spelling = (text: string, ucum: string): Reason => labReason('lab.unit-non-ucum-spelling', { written: text.trim(), unit: unitParam(ucum) });

/** Printable ASCII without spaces, at most 64 characters: anything else is not handed to the library. */
const UCUM_CHARS = /^[\x21-\x7e]{1,64}$/;

interface UcumUtils {
  validateUnitString(unit: string, suggest?: boolean): { status: string };
  convertUnitTo(fromUnit: string, fromVal: number, toUnit: string): { status: string; toVal: unknown };
}

/**
 * Runs a library call with console.log silenced: ucum-lhc logs the unit string it failed to parse, and lab data
 * stays out of logs. Synchronous, restored in finally.
 */
/* eslint-disable no-console -- silences the library's own console.log; nothing is logged here */
function quietly<T>(f: () => T): T {
  const log = console.log;
  console.log = () => undefined;
  try {
    return f();
  } finally {
    console.log = log;
  }
}
/* eslint-enable no-console */

/** A unit argument that is not a UCUM string, said safely (the string as written, else its type). */
const notUcum = (u: unknown): Reason => labReason('lab.unit-not-ucum', { written: typeof u === 'string' ? u : null, type: u === null ? 'null' : typeof u });
const notConvertible = (fromUcum: string, toUcum: string): Reason => labReason('lab.unit-not-convertible', { from: unitParam(fromUcum), to: unitParam(toUcum) });
const NOT_FINITE = labReason('lab.value-not-finite');

/** A Map that drops its oldest entry past `max` entries. */
function boundedSet<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  if (map.size >= max) map.delete(map.keys().next().value as K);
  map.set(key, value);
  return value;
}

// Parsing a unit string is the costly part of ucum-lhc (validateUnitString and convertUnitTo both parse), and the
// same few unit strings and conversions recur across every result of a record and across records: the answers are
// memoised per wrapped instance (the library is deterministic), bounded.
const VALIDITY_CACHE_MAX = 512;
const CONVERSION_CACHE_MAX = 4096;

/** Wraps a @lhncbc/ucum-lhc instance as a total UnitConverter. Exported for tests of the wrapper only. */
export function wrapUcum(utils: UcumUtils): UnitConverter {
  const validity = new Map<string, boolean>();
  const conversions = new Map<string, Known<number>>();
  const validate = (ucum: string): boolean => {
    try {
      return quietly(() => utils.validateUnitString(ucum, false)).status === 'valid';
    } catch {
      return false;
    }
  };
  const isValid = (ucum: string): boolean => {
    if (typeof ucum !== 'string' || !UCUM_CHARS.test(ucum)) return false;
    return validity.get(ucum) ?? boundedSet(validity, ucum, validate(ucum), VALIDITY_CACHE_MAX);
  };
  const libraryConvert = (value: number, fromUcum: string, toUcum: string): Known<number> => {
    try {
      const r = quietly(() => utils.convertUnitTo(fromUcum, value, toUcum));
      if (r.status === 'succeeded' && typeof r.toVal === 'number' && Number.isFinite(r.toVal)) return known(roundSignificant(r.toVal));
      return unknown(notConvertible(fromUcum, toUcum));
    } catch {
      return unknown(notConvertible(fromUcum, toUcum));
    }
  };
  const convert = (value: number, fromUcum: string, toUcum: string): Known<number> => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return unknown(NOT_FINITE);
    // Never String() an unknown value: an object whose toString is not a function makes String() throw.
    if (typeof fromUcum !== 'string' || !UCUM_CHARS.test(fromUcum)) return unknown(notUcum(fromUcum));
    if (typeof toUcum !== 'string' || !UCUM_CHARS.test(toUcum)) return unknown(notUcum(toUcum));
    if (fromUcum === toUcum) return known(value);
    // Unit strings are printable ASCII without spaces (UCUM_CHARS), so a space separates the parts of the key; -0 is
    // kept apart from 0 by Object.is-style keying through its sign.
    const key = `${Object.is(value, -0) ? '-0' : value} ${fromUcum} ${toUcum}`;
    const hit = conversions.get(key) ?? boundedSet(conversions, key, libraryConvert(value, fromUcum, toUcum), CONVERSION_CACHE_MAX);
    // A fresh object each time: callers own what they are given.
    return { ...hit };
  };
  return { convert, isValid };
}

let loading: Promise<UnitConverter> | undefined;

/** Loads the UCUM library once (dynamic import, so it is its own chunk) and returns a total converter. */
export function loadUnitConverter(): Promise<UnitConverter> {
  loading ??= import('@lhncbc/ucum-lhc').then((m) => {
    const mod = m as unknown as { UcumLhcUtils?: { getInstance(): UcumUtils }; default?: { UcumLhcUtils?: { getInstance(): UcumUtils } } };
    const factory = mod.UcumLhcUtils ?? mod.default?.UcumLhcUtils;
    if (!factory) throw new Error('@lhncbc/ucum-lhc: UcumLhcUtils not found');
    return wrapUcum(factory.getInstance());
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * Units the app meets in almost every record, with what UCUM says of them, so that a record whose units are all
 * among them is read without the library (about 57 kB gzip, loaded only when a unit needs it). Each group is one
 * dimension; the number is the unit's power of ten relative to the group's first unit, so every conversion inside a
 * group is an exact power of ten. ucum.test.ts checks every entry, every pair and the refusals against ucum-lhc.
 */
const TABLE_GROUPS: Record<string, Record<string, number>> = {
  massConcentration: { 'g/L': 0, 'g/dL': 1, 'mg/dL': -2, 'mg/L': -3, 'ug/mL': -3, 'ug/L': -6, 'ng/mL': -6, 'ng/L': -9, 'pg/mL': -9 },
  substanceConcentration: { 'mol/L': 0, 'mmol/L': -3, 'umol/L': -6 },
  numberConcentration: { '10*9/L': 0, '10*3/uL': 0, '10*12/L': 3, '10*6/uL': 3 },
  time: { s: 0, ms: -3 },
};
/** Valid UCUM units the table knows only as themselves (conversions to anything else go to the library). */
const TABLE_IDENTITY_ONLY = ['{INR}', '{ratio}', '1', '%', '[iU]/mL', 'U/mL', "[arb'U]/mL", 'mL/min', 'mL/min/{1.73_m2}', 'kg', 'g', 'd', '/min', 'mm[Hg]'];

/** Every unit of the table with its group and power of ten (exported for the test that checks it against UCUM). */
export type UnitTableEntry = { group: string; exp10: number } | { group: undefined; exp10: undefined };
export const UNIT_TABLE: ReadonlyMap<string, UnitTableEntry> = new Map<string, UnitTableEntry>([
  ...Object.entries(TABLE_GROUPS).flatMap(([group, units]) => Object.entries(units).map(([u, exp10]): [string, UnitTableEntry] => [u, { group, exp10 }])),
  ...TABLE_IDENTITY_ONLY.map((u): [string, UnitTableEntry] => [u, { group: undefined, exp10: undefined }]),
]);

/** A UnitConverter that answers from UNIT_TABLE; `missed` says whether it was asked anything only the library knows. */
export interface TableConverter extends UnitConverter {
  /** True once a question fell outside the table: the answer given then was provisional (unknown / not valid). */
  readonly missed: boolean;
}

/**
 * A converter that needs no library: exact for the units of UNIT_TABLE (same answers as the UCUM wrapper), and for
 * anything else answers "unknown" / "not valid" and sets `missed`. Build a record with it first; when `missed` is
 * set, load UCUM (loadUnitConverter) and build again with that: the provisional record must not be shown.
 */
export function createTableConverter(): TableConverter {
  let missed = false;
  const miss = <T>(answer: T): T => {
    missed = true;
    return answer;
  };
  const isValid = (ucum: string): boolean => {
    if (typeof ucum !== 'string' || !UCUM_CHARS.test(ucum)) return false;
    return UNIT_TABLE.has(ucum) || miss(false);
  };
  const convert = (value: number, fromUcum: string, toUcum: string): Known<number> => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return unknown(NOT_FINITE);
    if (typeof fromUcum !== 'string' || !UCUM_CHARS.test(fromUcum)) return unknown(notUcum(fromUcum));
    if (typeof toUcum !== 'string' || !UCUM_CHARS.test(toUcum)) return unknown(notUcum(toUcum));
    if (fromUcum === toUcum) return known(value);
    const from = UNIT_TABLE.get(fromUcum);
    const to = UNIT_TABLE.get(toUcum);
    // Values far from lab magnitudes (overflow, subnormals) or with more than 10 significant digits (where two float
    // routes to the same product could round apart at the 12th digit) are left to the library, as are units outside
    // a group.
    const plain = value === 0 || (Math.abs(value) > 1e-12 && Math.abs(value) < 1e12 && Number(value.toPrecision(10)) === value);
    if (from?.group === undefined || to?.group === undefined || !plain) return miss(unknown(notConvertible(fromUcum, toUcum)));
    if (from.group !== to.group) return unknown(notConvertible(fromUcum, toUcum));
    const k = from.exp10 - to.exp10;
    return known(roundSignificant(k >= 0 ? value * 10 ** k : value / 10 ** -k));
  };
  return {
    convert,
    isValid,
    get missed() {
      return missed;
    },
  };
}
