/**
 * "Indications the source lists, found in the record": facts, each with its records and status, the source's
 * wording attributed and the guideline notes beside it where they differ. Facts, not a recommendation to treat.
 */
import type { ClinicalRecord } from '../../domain/record';
import type { IndicationFinding, RuleFactStatus } from '../../domain/rules';
import { FINDING_GROUPS, searchesRead } from '../../domain/rules/ui-helpers';
import { Provenance } from '../common/Provenance';
import { InfoLineList, SourceLabel } from '../stop-criteria/RuleLines';
import './indications.css';

const KIND_LABEL: Record<IndicationFinding['kind'], string> = {
  ohss: 'Ovarian hyperstimulation syndrome (OHSS)',
  'ohss-risk': 'Risk of OHSS',
  'high-dose-estrogen': 'Estrogen (estradiol) therapy',
  'recurrent-miscarriage': 'Recurrent miscarriage',
  'antiphospholipid-antibodies': 'Antiphospholipid antibodies',
  'lupus-anticoagulant': 'Lupus anticoagulant',
  'raised-d-dimer': 'Raised D-dimer (flagged by the lab)',
  'factor-v-leiden': 'Factor V Leiden',
  'ongoing-pregnancy-monitoring': 'Ongoing pregnancy (monitoring)',
};

const STATUS: Record<RuleFactStatus, { text: string; icon: string }> = {
  present: { text: 'present', icon: '●' },
  'tested-negative': { text: 'tested negative', icon: '○' },
  unclear: { text: 'unclear', icon: '?' },
};

export function FactStatus({ status }: { status: RuleFactStatus }) {
  const s = STATUS[status] ?? STATUS.unclear;
  return (
    <span className={`fact-status fact-status--${status}`}>
      <span aria-hidden="true">{s.icon} </span>
      {s.text}
    </span>
  );
}

export function IndicationsPanel({ record }: { record: Pick<ClinicalRecord, 'rules' | 'groups'> }) {
  const findings = record.rules.indications;
  const read = searchesRead(record.groups, FINDING_GROUPS);
  return (
    <section className="indications" aria-labelledby="indications-heading">
      <h2 id="indications-heading">Indications the source lists, found in the record</h2>
      <p className="indications__disclaimer">
        These are facts found in the record, shown beside what the source and the guidelines say. They are not a recommendation to treat.
      </p>
      {!read.complete && (
        <p className="indications__incomplete" role="note">
          <span aria-hidden="true">? </span>The record could not be read completely ({read.reason}): findings may be missing.
        </p>
      )}
      {findings.length === 0 ? (
        <p className="indications__empty">{read.complete ? 'None of the indications the source lists was found in the record.' : 'None found in what could be read.'}</p>
      ) : (
        <ul className="indications__list">
          {findings.map((f, i) => (
            <li key={`${f.kind}-${i}`} className="indication">
              <h3 id={`indication-${f.kind}-${i}`} className="indication__title">
                {KIND_LABEL[f.kind] ?? f.kind} <FactStatus status={f.status} />
              </h3>
              <div className="indication__rule">
                <SourceLabel source={f.source} />
                <p>{f.wording}</p>
              </div>
              {f.evidence.length > 0 ? (
                <div className="indication__evidence">
                  <span className="indication__sub">Found in the record:</span>
                  <ul>
                    {f.evidence.map((e, j) => (
                      <li key={`${e.source.id ?? j}-${j}`}>
                        {e.label}
                        {e.atText ? `, ${e.atText}` : ''} <Provenance sources={e.source} />
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="indication__sub">No record is linked to this finding.</p>
              )}
              {f.guidelineNotes.length > 0 && (
                <div className="indication__beside">
                  <span className="indication__sub">Beside it, where the guidelines differ:</span>
                  <InfoLineList lines={f.guidelineNotes} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
