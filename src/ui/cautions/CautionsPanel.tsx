/**
 * Cautions: what the source, product labelling and guidelines say, beside the record data each is based on; and the
 * checks that could not be made, with the reason (never silently "fine").
 */
import type { ClinicalRecord } from '../../domain/record';
import { Provenance } from '../common/Provenance';
import { useMessages } from '../messages/MessagesProvider';
import { InfoLineList, SourceLabel } from '../stop-criteria/RuleLines';
import { buildCautionsView, type NotCheckedView } from './cautionsViewModel';
import './cautions.css';

function NotChecked({ items }: { items: NotCheckedView[] }) {
  const m = useMessages();
  if (items.length === 0) return null;
  return (
    <div className="cautions__not-checked">
      <h3>{m.t('cautions.notChecked')}</h3>
      <ul>
        {items.map((n) => (
          <li key={n.key}>
            <span aria-hidden="true">? </span>
            {n.text}
            {n.rule && (
              <details className="caution__rule">
                <summary>{n.rule.source}</summary>
                {n.rule.wording}
              </details>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CautionsPanel({ record }: { record: Pick<ClinicalRecord, 'rules'> }) {
  const m = useMessages();
  const v = buildCautionsView(record.rules.cautions, m);
  return (
    <section className="cautions" aria-labelledby="cautions-heading">
      <h2 id="cautions-heading">{m.t('cautions.heading')}</h2>
      {v.empty && <p className="cautions__empty">{v.empty}</p>}
      {v.cautions.length > 0 && (
        <ul className="cautions__list">
          {v.cautions.map((c) => (
            <li key={c.key} className="caution">
              <SourceLabel source={c.finding.source} />
              <p className="caution__wording">{c.wording}</p>
              <div className="caution__detail">
                <span className="caution__sub">{m.t('cautions.inRecord')} </span>
                {c.detail} {c.finding.evidence.length > 0 && <Provenance sources={c.finding.evidence} label={c.evidenceLabel} />}
              </div>
              {c.finding.beside.length > 0 && (
                <details className="caution__beside">
                  <summary className="caution__sub">{m.t('cautions.beside', { n: c.finding.beside.length })}</summary>
                  <InfoLineList lines={c.finding.beside} />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      <NotChecked items={v.notChecked} />
    </section>
  );
}
