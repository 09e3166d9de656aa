/**
 * Stop-now findings (bloody genital discharge, labour onset in the current pregnancy during an LMWH order): one
 * prominent banner each, with the source's wording and the guideline's beside it, labelled, and the record it came
 * from. Attributes advice; never orders. Renders nothing when there is no finding.
 */
import type { ClinicalRecord } from '../../domain/record';
import type { StopNowTrigger } from '../../domain/rules';
import { toIsoInZone } from '../../domain/time';
import { Provenance } from '../common/Provenance';
import { InfoLineList } from '../stop-criteria/RuleLines';
import './stop-now.css';

const TITLE: Record<StopNowTrigger['kind'], string> = {
  'genital-bleeding': 'Bleeding from the genital tract is recorded',
  'labour-onset': 'Onset of labour is recorded',
};

export interface StopNowBannerProps {
  record: Pick<ClinicalRecord, 'rules' | 'zone'>;
}

export function StopNowBanner({ record }: StopNowBannerProps) {
  const triggers = record.rules.triggers;
  if (triggers.length === 0) return null;
  return (
    <div className="stop-now">
      {triggers.map((t, i) => (
        <div key={`${t.kind}-${t.fact.source.id ?? i}`} className={`stop-now__banner stop-now__banner--${t.kind}`} role="alert">
          <h2 className="stop-now__title">
            <span className="stop-now__icon" aria-hidden="true">
              ▲
            </span>{' '}
            {TITLE[t.kind] ?? 'Stop-now finding in the record'}
          </h2>
          <div className="stop-now__fact">
            <strong>{t.fact.label}</strong>, recorded{' '}
            {t.fact.atMs !== undefined ? <time dateTime={toIsoInZone(t.fact.atMs, record.zone)}>{t.fact.atText}</time> : t.fact.atText}{' '}
            <Provenance sources={t.fact.source} label="Record" />
          </div>
          <p className="stop-now__context">{t.context}</p>
          <InfoLineList lines={t.lines} className="stop-now__lines" />
          {t.activeOrders.length > 0 && (
            <div className="stop-now__orders">
              LMWH order{t.activeOrders.length > 1 ? 's' : ''} in the record:{' '}
              {t.activeOrders.map((o, j) => (
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
