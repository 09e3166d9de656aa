/**
 * Cautions: what the source, product labelling and guidelines say, beside the record data each is based on; and the
 * checks that could not be made, with the reason (never silently "fine").
 */
import type { ClinicalRecord } from '../../domain/record';
import { ruleById } from '../../domain/rules';
import { ruleSourceLabel } from '../../domain/rules/ui-helpers';
import { Provenance } from '../common/Provenance';
import { InfoLineList, SourceLabel } from '../stop-criteria/RuleLines';
import './cautions.css';

/** "No creatinine clearance is recorded." -> "no creatinine clearance is recorded." (acronyms kept). */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? `${s[0]!.toLowerCase()}${s.slice(1)}` : s);

export function CautionsPanel({ record }: { record: Pick<ClinicalRecord, 'rules'> }) {
  const { cautions, notChecked } = record.rules.cautions;
  return (
    <section className="cautions" aria-labelledby="cautions-heading">
      <h2 id="cautions-heading">Cautions</h2>
      {cautions.length === 0 && <p className="cautions__empty">No caution applies to what the record shows{notChecked.length > 0 ? '; some checks could not be made (below)' : ''}.</p>}
      {cautions.length > 0 && (
        <ul className="cautions__list">
          {cautions.map((c, i) => (
            <li key={`${c.ruleId}-${i}`} className="caution">
              <SourceLabel source={c.source} />
              <p className="caution__wording">{c.wording}</p>
              <div className="caution__detail">
                <span className="caution__sub">In the record: </span>
                {c.detail} {c.evidence.length > 0 && <Provenance sources={c.evidence} label={c.evidence.length > 1 ? `Records (${c.evidence.length})` : 'Record'} />}
              </div>
              {c.beside.length > 0 && (
                <div className="caution__beside">
                  <span className="caution__sub">Beside it:</span>
                  <InfoLineList lines={c.beside} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {notChecked.length > 0 && (
        <div className="cautions__not-checked">
          <h3>Not checked</h3>
          <ul>
            {notChecked.map((n, i) => {
              const rule = ruleById(n.ruleId);
              return (
                <li key={`${n.ruleId}-${i}`}>
                  <span aria-hidden="true">? </span>
                  Not checked: {lowerFirst(n.reason)}
                  {rule && (
                    <span className="caution__sub">
                      {' '}
                      ({ruleSourceLabel(rule.source)}: {rule.wording})
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
