/**
 * Text of an unknown value for messages. String() and template literals throw on an object whose toString is not a
 * function, and JSON from a server can be exactly that ({"toString": false}); this never throws.
 */
export function safeString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'symbol') return v.description ?? 'symbol';
  if (typeof v === 'function') return 'function';
  try {
    const json = JSON.stringify(v);
    if (json === undefined) return typeof v;
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return typeof v;
  }
}
