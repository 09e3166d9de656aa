/**
 * The translator every view model and component uses: `t(key, params)` from the catalogue (ICU MessageFormat via
 * FormatJS, which handles plural rules such as Russian one/few/many), `reason(r)` for the domain's reason codes,
 * and the formatters bound to the reader's language and the facility's time zone. Pure: no React.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { Reason, ReasonParam } from '../../domain/reasons';
import { formatDate, formatInstant, formatMoment, formatWeekdayTime, isoInZone, offsetLabel } from '../format/displayTime';
import { formatNumber } from '../format/numbers';
import type { Catalogue, Locale, MessageKey } from './catalogue';
import { catalogueFor, unitWriter } from './catalogueRegistry';
import type { FhirMoment } from '../../domain/time';
import { shortSourceLabelOfId } from '../evidence/sourceLabels';

export type MessageParams = Record<string, string | number | boolean | null | undefined>;

export interface Messages {
  locale: Locale;
  /** IANA zone instants are shown in. */
  zone: string;
  t(key: MessageKey, params?: MessageParams): string;
  /** Whether a dynamic key (e.g. `reason.<code>`) exists in the catalogue. */
  has(key: string): key is MessageKey;
  /** A domain reason in words (`reason.<code>`), its typed parameters formatted. */
  reason(r: Reason | undefined): string;
  instant(ms: number): string;
  date(ms: number): string;
  weekdayTime(ms: number): string;
  moment(m: FhirMoment): string;
  iso(ms: number): string;
  offset(ms: number): string;
  number(value: number, maxDecimals?: number): string;
  /** "2 days 19 hours", "45 minutes": the two largest units, never negative. */
  duration(ms: number): string;
  /** "in 2 days 19 hours" / "8 hours ago" / "now", relative to `nowMs`. */
  relative(targetMs: number, nowMs: number): string;
}

const cache = createIntlCache();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A translator for a language and a zone. Unknown languages fall back to English. */
export function createMessages(options: { locale?: Locale; zone: string; catalogue?: Catalogue }): Messages {
  const locale: Locale = options.locale === 'ru' ? 'ru' : 'en';
  // `catalogue` replaces the language's words (the pseudo-locale test run); formats still follow `locale`.
  // The live catalogue of the language (words registered later are seen: registry.ts).
  const catalogue: Partial<Catalogue> = options.catalogue ?? catalogueFor(locale);
  const intl: IntlShape<string> = createIntl({ locale, messages: catalogue, defaultLocale: 'en', onError: () => undefined }, cache);
  const zone = options.zone;

  const t = (key: MessageKey, params?: MessageParams): string =>
    intl.formatMessage({ id: key }, params as Record<string, string | number | boolean | null | undefined>);
  const has = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(catalogue, key);

  const duration = (ms: number): string => {
    const abs = Math.abs(ms);
    const days = Math.floor(abs / DAY);
    const hours = Math.floor((abs % DAY) / HOUR);
    const minutes = Math.floor((abs % HOUR) / 60_000);
    const parts: string[] = [];
    if (days > 0) parts.push(t('duration.days', { n: days }));
    if (hours > 0 && parts.length < 2) parts.push(t('duration.hours', { n: hours }));
    if (days === 0 && minutes > 0 && parts.length < 2) parts.push(t('duration.minutes', { n: minutes }));
    if (parts.length === 0) return t('duration.minutes', { n: 0 });
    return parts.length === 1 ? parts[0]! : t('duration.join', { a: parts[0], b: parts[1] });
  };

  const m: Messages = {
    locale,
    zone,
    t,
    has,
    reason: (r) => {
      if (r === undefined) return t('common.missingReason');
      const key = `reason.${r.code}`;
      if (!has(key)) return `⟦${key}⟧`; // visible, so the catalogue tests and the screens show the gap
      return t(key, formatParams(r.params, m));
    },
    instant: (ms) => formatInstant(ms, zone, locale),
    date: (ms) => formatDate(ms, zone, locale),
    weekdayTime: (ms) => formatWeekdayTime(ms, zone, locale),
    moment: (mo) => formatMoment(mo, zone, locale),
    iso: (ms) => isoInZone(ms, zone),
    offset: (ms) => offsetLabel(ms, zone, locale),
    number: (value, maxDecimals) => formatNumber(value, locale, maxDecimals),
    duration,
    relative: (targetMs, nowMs) => {
      const diff = targetMs - nowMs;
      if (Math.abs(diff) < 60_000) return t('duration.now');
      return diff > 0 ? t('duration.in', { span: duration(diff) }) : t('duration.ago', { span: duration(diff) });
    },
  };
  return m;
}

function formatParam(p: ReasonParam, m: Messages): string | number | boolean | null | undefined {
  if (p === null || typeof p !== 'object') return p;
  switch (p.kind) {
    case 'instant':
      return m.instant(p.ms);
    case 'date':
      return m.date(p.ms);
    case 'duration':
      return m.duration(p.ms);
    case 'unit':
      return unitWriter()(p.code, m.locale) || p.code;
    case 'rule-source':
      return shortSourceLabelOfId(p.id, m);
    case 'reason':
      return m.reason(p.reason);
    case 'list':
      return p.items.map((i) => String(formatParam(i, m) ?? '')).join(m.t('common.listSeparator'));
    default:
      return undefined;
  }
}

function formatParams(params: Reason['params'], m: Messages): MessageParams | undefined {
  if (!params) return undefined;
  const out: MessageParams = {};
  for (const [k, v] of Object.entries(params)) out[k] = formatParam(v, m);
  return out;
}
