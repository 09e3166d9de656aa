/**
 * Units as a reader's laboratory writes them. The data keeps the UCUM code untouched (and SourceRef.original keeps
 * what the lab sent); only the display changes: "ng/mL" -> "нг/мл", "10*9/L" -> "×10⁹/л", "[IU]" -> "МЕ".
 * A text that is not a known code is quoted data and is shown as it came. Total, never throws.
 */
import type { Locale } from '../messages/catalogue';

interface UnitForms {
  en: string;
  ru: string;
}

/** UCUM codes the app meets (labs, doses, weights, renal function) with the display form in each language. */
const UCUM_DISPLAY: Record<string, UnitForms> = {
  'ng/mL': { en: 'ng/mL', ru: 'нг/мл' },
  'ug/mL': { en: 'µg/mL', ru: 'мкг/мл' },
  'ug/L': { en: 'µg/L', ru: 'мкг/л' },
  'mg/L': { en: 'mg/L', ru: 'мг/л' },
  'mg/dL': { en: 'mg/dL', ru: 'мг/дл' },
  'g/L': { en: 'g/L', ru: 'г/л' },
  'g/dL': { en: 'g/dL', ru: 'г/дл' },
  '10*9/L': { en: '×10⁹/L', ru: '×10⁹/л' },
  '10*3/uL': { en: '×10³/µL', ru: '×10³/мкл' },
  '[IU]': { en: 'IU', ru: 'МЕ' },
  '[iU]': { en: 'IU', ru: 'МЕ' },
  '[IU]/mL': { en: 'IU/mL', ru: 'МЕ/мл' },
  '[iU]/mL': { en: 'IU/mL', ru: 'МЕ/мл' },
  '[IU]/L': { en: 'IU/L', ru: 'МЕ/л' },
  '[IU]/kg': { en: 'IU/kg', ru: 'МЕ/кг' },
  'U/mL': { en: 'U/mL', ru: 'ЕД/мл' },
  'U/L': { en: 'U/L', ru: 'ЕД/л' },
  mg: { en: 'mg', ru: 'мг' },
  'mg/kg': { en: 'mg/kg', ru: 'мг/кг' },
  mL: { en: 'mL', ru: 'мл' },
  kg: { en: 'kg', ru: 'кг' },
  g: { en: 'g', ru: 'г' },
  s: { en: 's', ru: 'с' },
  h: { en: 'h', ru: 'ч' },
  min: { en: 'min', ru: 'мин' },
  d: { en: 'd', ru: 'дн.' },
  wk: { en: 'wk', ru: 'нед.' },
  '%': { en: '%', ru: '%' },
  'umol/L': { en: 'µmol/L', ru: 'мкмоль/л' },
  'mmol/L': { en: 'mmol/L', ru: 'ммоль/л' },
  'pmol/L': { en: 'pmol/L', ru: 'пмоль/л' },
  'pg/mL': { en: 'pg/mL', ru: 'пг/мл' },
  'm[IU]/mL': { en: 'mIU/mL', ru: 'мМЕ/мл' },
  'mL/min': { en: 'mL/min', ru: 'мл/мин' },
  'mL/min/{1.73_m2}': { en: 'mL/min/1.73 m²', ru: 'мл/мин/1,73 м²' },
  '{ratio}': { en: '', ru: '' },
  '{INR}': { en: '', ru: '' },
  '1': { en: '', ru: '' },
};

/** Case-insensitive lookup, so "NG/ML" or "ug/ml" from a lab that wrote the code loosely still maps. */
const LOWER: Record<string, UnitForms> = Object.fromEntries(Object.entries(UCUM_DISPLAY).map(([k, v]) => [k.toLowerCase(), v]));

/** D-dimer calibrations, written after the unit ("мкг/мл FEU"): the same in both languages, as the labs write them. */
const ANNOTATION = /^(.*?)\{(FEU|DDU)\}$/i;

function lookup(code: string, locale: Locale): string | undefined {
  const forms = UCUM_DISPLAY[code] ?? LOWER[code.toLowerCase()] ?? LOWER[code.replace(/µ|μ/g, 'u').toLowerCase()];
  return forms?.[locale];
}

/** The unit for display in `locale`; unknown text is returned as it came (trimmed). */
export function displayUnit(ucumOrText: string | undefined | null, locale: Locale = 'en'): string {
  if (typeof ucumOrText !== 'string') return '';
  const code = ucumOrText.trim();
  if (code === '') return '';
  const direct = lookup(code, locale);
  if (direct !== undefined) return direct;
  const m = ANNOTATION.exec(code);
  if (m) {
    const base = lookup(m[1]!.trim(), locale) ?? m[1]!.trim();
    return `${base} ${m[2]!.toUpperCase()}`.trim();
  }
  return code;
}
