/**
 * Stop-now findings (bloody genital discharge, labour onset in the current pregnancy during an LMWH order): one
 * prominent banner each, with the source's wording and the guideline's beside it, labelled, and the record it came
 * from. Attributes advice; never orders. Renders nothing when there is no finding.
 */
import type { ClinicalRecord } from '../../domain/record';
import { Provenance } from '../common/Provenance';
import { useMessages } from '../messages/MessagesProvider';
import { InfoLineList } from '../stop-criteria/RuleLines';
import { buildStopNowView } from './stopNowViewModel';
import './stop-now.css';

export interface StopNowBannerProps {
  record: Pick<ClinicalRecord, 'rules' | 'zone'>;
}

export function StopNowBanner({ record }: StopNowBannerProps) {
  const m = useMessages();
  const banners = buildStopNowView(record.rules.triggers, m);
  if (banners.length === 0) return null;
  return (
    <div className="stop-now">
      {banners.map((b) => (
        <div key={b.key} className={`stop-now__banner stop-now__banner--${b.kind}`} role="alert">
          <h2 className="stop-now__title">
            <span className="stop-now__icon" aria-hidden="true">
              ▲
            </span>{' '}
            {b.title}
          </h2>
          <div className="stop-now__fact">
            <strong>{b.factLabel}</strong>, {m.t('stopNow.recorded')} {b.at.iso !== undefined ? <time dateTime={b.at.iso}>{b.at.text}</time> : b.at.text}{' '}
            <Provenance sources={b.source} label={m.t('stopNow.record')} />
          </div>
          <p className="stop-now__context">{b.context}</p>
          <InfoLineList lines={b.lines} className="stop-now__lines" />
          {b.ordersLabel && (
            <div className="stop-now__orders">
              {b.ordersLabel}{' '}
              {b.orders.map((o, j) => (
                <span key={o.id}>
                  {j > 0 && '; '}
                  {o.description} ({o.status}) <Provenance sources={o.source} />
                </span>
              ))}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
