/**
 * Lab values for display: readable units, numbers without float noise (through the one number formatter), the lab's
 * reference range and interpretation flag as the lab gave them. Pure functions (no React).
 */
import type { LabAnalyte } from '../../domain/codes';
import type { LabPoint } from '../../domain/labs';
import type { Reason } from '../../domain/reasons';
import { displayUnit } from './units';
import type { Messages } from '../messages/translator';

const UNIT_LABELS: Record<string, string> = {
  '10*9/L': '×10⁹/L',
  '10*3/uL': '×10³/µL',
  '[iU]/mL': 'IU/mL',
  '{INR}': '',
  'umol/L': 'µmol/L',
  'mL/min/{1.73_m2}': 'mL/min/1.73 m²',
};

/** "×10⁹/L" for "10*9/L", "IU/mL" for "[iU]/mL"; INR has no unit (""). Unknown units are shown as written. */
export function unitLabel(ucum: string | undefined): string {
  if (ucum === undefined) return '';
  return UNIT_LABELS[ucum] ?? ucum;
}

/** A lab number without float noise: 4 significant digits below 1000, whole numbers above. */
export function formatLabNumber(v: number, m: Messages): string {
  if (!Number.isFinite(v)) return String(v);
  return m.number(Math.abs(v) >= 1000 ? Math.round(v) : Number(v.toPrecision(4)), 6);
}

/** A number written with more than 4 decimals, as data generators write binary fractions ("411.91038430036934"). */
const LONG_DECIMAL = /^(<=|>=|<|>|≤|≥)?(-?\d+\.\d{5,})(\s.*)?$/s;

/**
 * A recorded value's text with a generator's long decimal rounded for reading ("411.91038430036934 10*3/uL" ->
 * "411.9 10*3/uL"; comparator and unit kept as written); undefined when the text reads as it was recorded. The exact
 * text is never replaced by this: the Source disclosure shows both.
 */
export function roundedRecordedText(original: string, m: Messages): string | undefined {
  const match = LONG_DECIMAL.exec(original.trim());
  if (!match?.[2]) return undefined;
  const value = Number(match[2]);
  if (!Number.isFinite(value)) return undefined;
  return `${match[1] ?? ''}${formatLabNumber(value, m)}${match[3] ?? ''}`;
}

/** "<0.1 IU/mL", "206 ×10⁹/L", "0.94" (INR): value in the display unit, comparator kept. */
export function formatLabValue(p: Pick<LabPoint, 'value' | 'comparator' | 'displayUnit'>, m: Messages): string {
  const unit = unitLabel(p.displayUnit);
  return `${p.comparator ?? ''}${formatLabNumber(p.value, m)}${unit ? ` ${unit}` : ''}`;
}

function quantity(q: fhir4.Quantity | undefined): string | undefined {
  if (!q || typeof q.value !== 'number') return undefined;
  return `${q.comparator ?? ''}${q.value}`;
}

/** The lab's reference range(s) as given: its text, else low–high with the lab's unit; "" when none. */
export function labRangeText(ranges: fhir4.ObservationReferenceRange[] | undefined, m: Messages): string {
  const out: string[] = [];
  for (const r of Array.isArray(ranges) ? ranges : []) {
    let t = r.text;
    if (!t) {
      const low = quantity(r.low);
      const high = quantity(r.high);
      const unit = displayUnit(r.low?.code ?? r.high?.code ?? r.low?.unit ?? r.high?.unit, m.locale);
      if (low !== undefined && high !== undefined) t = `${low}–${high}${unit ? ` ${unit}` : ''}`;
      else if (low !== undefined) t = m.t('coag.rangeFrom', { low, unit: unit || 'none' });
      else if (high !== undefined) t = m.t('coag.rangeUpTo', { high, unit: unit || 'none' });
    }
    const applies = [r.type?.text ?? r.type?.coding?.[0]?.display, ...(r.appliesTo ?? []).map((a) => a.text ?? a.coding?.[0]?.display)].filter(Boolean);
    if (t) out.push(applies.length > 0 ? `${t} (${applies.join(', ')})` : t);
  }
  return out.join('; ');
}

/**
 * A value as the lab reported it, with the unit written as clinicians write it ("206 10*3/uL" -> "206 ×10³/µL") and a
 * generator's long decimal rounded for reading ("176.56280847725554" -> "176.6"); the exact text stays in the Source
 * disclosure (SourceRef.original) and in `reportedExactText`.
 */
export function reportedText(o: { text: string; unit?: string; code?: string }, m: Messages): string {
  const text = roundedRecordedText(o.text, m) ?? o.text;
  const raw = o.unit ?? o.code;
  if (!raw || !text.includes(raw)) return text;
  const shown = displayUnit(o.code ?? raw, m.locale);
  return shown ? text.replace(raw, shown) : text;
}

/** The exact reported text when `reportedText` rounded its number (shown as the value's tooltip); else undefined. */
export function reportedExactText(o: { text: string }, m: Messages): string | undefined {
  return roundedRecordedText(o.text, m) === undefined ? undefined : o.text;
}

/** The lab's interpretation flag(s) as given: "High (H)"; "" when none. */
export function interpretationText(flags: fhir4.CodeableConcept[] | undefined): string {
  const out: string[] = [];
  for (const c of Array.isArray(flags) ? flags : []) {
    if (c.text) {
      out.push(c.text);
      continue;
    }
    for (const cd of c.coding ?? []) {
      if (cd.display && cd.code) out.push(`${cd.display} (${cd.code})`);
      else if (cd.display || cd.code) out.push((cd.display ?? cd.code)!);
    }
  }
  return [...new Set(out)].join(', ');
}

/**
 * How a value got into the display unit, as the lab panel shows it ("converted from ×10³/µL"): the labs module's
 * reasons worded from the catalogue (units as clinicians write them), joined; undefined when there is none.
 */
export function conversionText(notes: readonly Reason[] | undefined, m: Messages): string | undefined {
  if (notes === undefined || notes.length === 0) return undefined;
  return notes.map((n) => m.reason(n)).join(m.t('labs.noteSeparator'));
}

/** An analyte's name in the reader's language ("Fibrinogen", "Фибриноген"). */
export function analyteName(analyte: LabAnalyte, m: Messages): string {
  return m.t(`labs.analyte.${analyte}`);
}
