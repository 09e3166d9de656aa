/** Small total readers over loosely-typed FHIR data: codings, texts, references, source refs. Never throw. */
import type { SourceRef } from '../types';

/** A value is a plain object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value as an array (undefined or a non-array gives []). */
export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The value if it is a non-empty string. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** A coding reduced to the parts we use. */
export interface SimpleCoding {
  system: string | undefined;
  code: string | undefined;
  display: string | undefined;
}

/** Every coding of one or several CodeableConcepts (malformed entries skipped). */
export function codingsOf(...concepts: unknown[]): SimpleCoding[] {
  const out: SimpleCoding[] = [];
  for (const c of concepts.flatMap((x) => (Array.isArray(x) ? x : [x]))) {
    if (!isObject(c)) continue;
    for (const cd of asArray(c.coding)) {
      if (!isObject(cd)) continue;
      out.push({ system: str(cd.system)?.trim(), code: str(cd.code)?.trim(), display: str(cd.display) });
    }
  }
  return out;
}

/** Every text of CodeableConcepts: their .text and their codings' displays. */
export function textsOf(...concepts: unknown[]): string[] {
  const out: string[] = [];
  for (const c of concepts.flatMap((x) => (Array.isArray(x) ? x : [x]))) {
    if (!isObject(c)) continue;
    const t = str(c.text);
    if (t) out.push(t);
    for (const cd of asArray(c.coding)) if (isObject(cd) && str(cd.display)) out.push(cd.display as string);
  }
  return out;
}

/** The first code in `system` that is in `codes`, if any. */
export function findCode(codings: SimpleCoding[], system: string, codes: readonly string[]): string | undefined {
  return codings.find((c) => c.system === system && c.code !== undefined && codes.includes(c.code))?.code;
}

/** "Type/id" of a reference (relative, absolute or with _history), undefined when it cannot be read. */
export function refKey(ref: unknown): string | undefined {
  if (!isObject(ref)) return undefined;
  const r = str(ref.reference);
  if (!r) return undefined;
  const parts = r.split('?')[0]!.split('/').filter((p) => p !== '');
  const h = parts.indexOf('_history');
  const core = h >= 0 ? parts.slice(0, h) : parts;
  if (core.length < 2) return undefined;
  const type = core[core.length - 2]!;
  const id = core[core.length - 1]!;
  return /^[A-Z][A-Za-z]+$/.test(type) ? `${type}/${id}` : undefined;
}

/** "Type/id" of a resource, or "Type/#index" when it has no id. */
export function resourceKey(r: { resourceType?: unknown; id?: unknown }, index: number): string {
  const type = str(r.resourceType) ?? 'Unknown';
  const id = str(r.id);
  return id ? `${type}/${id}` : `${type}/#${index}`;
}

/** A SourceRef for a resource. */
export function sourceOf(r: { resourceType?: unknown; id?: unknown }, extra: Omit<SourceRef, 'resourceType' | 'id'> = {}): SourceRef {
  const ref: SourceRef = { resourceType: str(r.resourceType) ?? 'Unknown', id: str(r.id) };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (ref as unknown as Record<string, unknown>)[k] = v;
  return ref;
}

/** The resource's notes (Annotation.text) as strings. */
export function notesOf(r: { note?: unknown }): string[] {
  return asArray(r.note)
    .map((n) => (isObject(n) ? str(n.text) : undefined))
    .filter((t): t is string => t !== undefined);
}
