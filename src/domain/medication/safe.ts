/** Defensive readers: FHIR from a server may have any shape, so every field is read through these (never throws). */

/** A plain object (not null, not an array), else undefined. */
export function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** A non-empty trimmed string, else undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** A finite number, else undefined (a numeric string is not a number in FHIR JSON). */
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** An array, else []. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Field of an object-ish value. */
export function get(v: unknown, key: string): unknown {
  const o = obj(v);
  return o ? o[key] : undefined;
}

/** The codings of a CodeableConcept-ish value, each with system, code, display as strings when present. */
export function codings(concept: unknown): { system?: string; code?: string; display?: string }[] {
  return arr(get(concept, 'coding'))
    .map((c) => ({ system: str(get(c, 'system')), code: str(get(c, 'code')), display: str(get(c, 'display')) }))
    .filter((c) => c.code !== undefined || c.display !== undefined);
}

/** Round for display without float noise (12 significant digits). */
export function tidy(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

/** Escapes a string for use in a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-insensitive search (letters and digits, also non-ASCII, are word characters): the text as written. */
export function findWord(text: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${escapeRe(name)})(?=$|[^\\p{L}\\p{N}])`, 'iu');
  const m = re.exec(text);
  return m ? m[1] : undefined;
}
