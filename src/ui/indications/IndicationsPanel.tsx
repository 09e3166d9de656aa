/**
 * "Indications the source lists, found in the record": facts, each with its records and status, the source's
 * wording attributed and the guideline notes beside it where they differ. Facts, not a recommendation to treat.
 */
import type { ClinicalRecord } from '../../domain/record';
import type { RuleFactStatus } from '../../domain/rules';
import { FINDING_GROUPS, searchesRead } from '../../domain/rules/searchCompleteness';
import { Provenance } from '../common/Provenance';
import { useMessages } from '../messages/MessagesProvider';
import { InfoLineList, SourceLabel } from '../stop-criteria/RuleLines';
import { buildIndicationsView, factStatusView, type IndicationView } from './indicationsViewModel';
import './indications.css';

export function FactStatus({ status }: { status: RuleFactStatus }) {
  const s = factStatusView(status, useMessages());
  return (
    <span className={`fact-status fact-status--${s.status}`}>
      <span aria-hidden="true">{s.icon} </span>
      {s.text}
    </span>
  );
}

function Indication({ v }: { v: IndicationView }) {
  const m = useMessages();
  const f = v.finding;
  return (
    <li className="indication">
      <h3 id={`indication-${v.key}`} className="indication__title">
        {v.title} <FactStatus status={f.status} />
      </h3>
      <div className="indication__rule">
        <SourceLabel source={f.source} />
        <p>{v.wording}</p>
      </div>
      {v.evidence.length > 0 ? (
        <div className="indication__evidence">
          <span className="indication__sub">{m.t('indications.found')}</span>
          <ul>
            {v.evidence.map((e) => (
              <li key={e.key}>
                {e.text} <Provenance sources={e.source} />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="indication__sub">{m.t('indications.noRecord')}</p>
      )}
      {f.guidelineNotes.length > 0 && (
        <div className="indication__beside">
          <span className="indication__sub">{m.t('indications.beside')}</span>
          <InfoLineList lines={f.guidelineNotes} />
        </div>
      )}
    </li>
  );
}

export function IndicationsPanel({ record }: { record: Pick<ClinicalRecord, 'rules' | 'groups'> }) {
  const m = useMessages();
  const v = buildIndicationsView({ findings: record.rules.indications, search: searchesRead(record.groups, FINDING_GROUPS) }, m);
  return (
    <section className="indications" aria-labelledby="indications-heading">
      <h2 id="indications-heading">{m.t('indications.heading')}</h2>
      {v.empty === undefined && <p className="indications__disclaimer">{m.t('indications.disclaimer')}</p>}
      {v.incomplete && (
        <p className="indications__incomplete" role="note">
          <span aria-hidden="true">? </span>
          {v.incomplete}
        </p>
      )}
      {v.empty !== undefined ? (
        <p className="indications__empty">{v.empty}</p>
      ) : (
        <ul className="indications__list">
          {v.findings.map((f) => (
            <Indication key={f.key} v={f} />
          ))}
        </ul>
      )}
    </section>
  );
}
