/** Words of the what-if form: type names, error messages from the domain's codes, and the slot as read back. Pure. */
import { whatIfEvent, type WhatIfErrorCode, type WhatIfField, type WhatIfInput } from '../../domain/rules/whatIf';
import type { PlannedEventClass } from '../../domain/rules';
import type { MessageKey } from '../messages/catalogue';
import type { Messages } from '../messages/translator';

/** "Caesarean section", "Induction / planned birth", ... */
export const whatIfTypeLabel = (type: PlannedEventClass, m: Messages): string => m.t(`whatIf.types.${type}` as MessageKey);

export function whatIfErrors(errors: Partial<Record<WhatIfField, WhatIfErrorCode>>, m: Messages): Partial<Record<WhatIfField, string>> {
  const out: Partial<Record<WhatIfField, string>> = {};
  for (const [field, code] of Object.entries(errors) as [WhatIfField, WhatIfErrorCode][]) out[field] = m.reason({ code });
  return out;
}

/**
 * The slot as the app reads it, written so it cannot be misread: the browser's date box follows the browser's
 * locale (a US-set browser shows 04/03/2026), so the chosen date is echoed as "3 Apr 2026 08:30 (UTC+01:00)".
 */
export function whatIfReadBack(values: WhatIfInput, zone: string, m: Messages): string | undefined {
  if (values.date === '') return undefined;
  const r = whatIfEvent(values, zone, 'preview', (t) => whatIfTypeLabel(t, m));
  if (!r.ok || !r.event.when) return undefined;
  const when = r.event.when;
  return when.precision === 'day' ? m.t('whatIf.readBackDateOnly', { date: m.date(when.start) }) : m.instant(when.start);
}
