/** A reason code in the English words a clinician reads (the app's catalogue), for tests that assert the wording. */
import type { Reason } from '../../src/domain/reasons';
import '../../src/ui/messages/catalogue';
import { createMessages } from '../../src/ui/messages/translator';

const en = createMessages({ locale: 'en', zone: 'UTC' });

export const reasonText = (r: Reason | undefined): string => en.reason(r);

/** `value` with every `reason` that is a reason code replaced by its English words (deeply), for toMatchObject. */
export function worded<T>(value: T): T {
  if (Array.isArray(value)) return value.map(worded) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'reason' && v !== null && typeof v === 'object' && typeof (v as { code?: unknown }).code === 'string' ? reasonText(v as Reason) : worded(v);
  }
  return out as T;
}
