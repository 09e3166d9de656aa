/** The stop-now banners' words: title by trigger kind, the recorded fact and when, why it counts, the orders. Pure. */
import type { StopNowTrigger } from '../../domain/rules';
import type { SourceRef } from '../../domain/types';
import type { MessageKey } from '../messages/catalogue';
import type { Messages } from '../messages/translator';
import { isoOf } from '../stop-criteria/stopCriteriaViewModel';

export interface StopNowBannerView {
  key: string;
  kind: StopNowTrigger['kind'];
  title: string;
  factLabel: string;
  /** When it was recorded (`iso` when there is an instant). */
  at: { iso?: string; text: string };
  source: SourceRef;
  context: string;
  ordersLabel?: string;
  /** The active orders: what each is in words, its status and its record. */
  orders: { id: string; description: string; status: string; source: SourceRef }[];
  lines: StopNowTrigger['lines'];
}

export function buildStopNowView(triggers: StopNowTrigger[], m: Messages): StopNowBannerView[] {
  return triggers.map((t, i) => {
    const at = t.fact.atMs;
    const v: StopNowBannerView = {
      key: `${t.kind}-${t.fact.source.id ?? i}`,
      kind: t.kind,
      title: m.t(`stopNow.title.${t.kind}` as MessageKey),
      factLabel: t.fact.label,
      at: at !== undefined && Number.isFinite(at) ? { iso: isoOf(at, m), text: m.instant(at) } : { text: m.t('stopNow.dateNotRecorded') },
      source: t.fact.source,
      context: m.reason(t.context),
      orders: t.activeOrders.map((o) => ({ id: o.id, description: m.reason(o.description), status: o.status, source: o.source })),
      lines: t.lines,
    };
    if (t.activeOrders.length > 0) v.ordersLabel = m.t('stopNow.orders', { n: t.activeOrders.length });
    return v;
  });
}
