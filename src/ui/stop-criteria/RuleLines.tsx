/**
 * Shared pieces of the rule views: the visible source label with its verification badge, an attributed info line,
 * and a stop status shown with text and a shape (never colour only). Used by stop-criteria, stop-now, indications
 * and cautions.
 */
import type { InfoLine, RuleSource, StopStatus } from '../../domain/rules';
import { ruleSourceLabel, verificationText } from '../../domain/rules/ui-helpers';
import { Provenance } from '../common/Provenance';
import './rule-lines.css';

/** "Source article" / "Guideline: ASRA 2018", with a verification badge; the citation on hover and in print. */
export function SourceLabel({ source }: { source: RuleSource }) {
  const kind = source.kind === 'source-article' ? 'source' : 'guideline';
  return (
    <span className={`rule-source rule-source--${kind}`}>
      <span className="rule-source__name" title={source.citation}>
        {ruleSourceLabel(source)}
      </span>{' '}
      <span className={`verification verification--${source.verification}`} title={source.verificationNote}>
        {verificationText(source.verification)}
      </span>
    </span>
  );
}

/** One attributed line: its source label, the wording, data from the record and that data's records. */
export function InfoLineView({ line }: { line: InfoLine }) {
  return (
    <li className={`info-line info-line--${line.source.kind}`} data-rule-id={line.ruleId}>
      <SourceLabel source={line.source} />
      <p className="info-line__wording">{line.wording}</p>
      {line.detail && <p className="info-line__detail">{line.detail}</p>}
      {line.evidence && line.evidence.length > 0 && <Provenance sources={line.evidence} label="Records" />}
    </li>
  );
}

export function InfoLineList({ lines, className }: { lines: InfoLine[]; className?: string }) {
  if (lines.length === 0) return null;
  return (
    <ul className={`info-lines ${className ?? ''}`.trim()}>
      {lines.map((l, i) => (
        <InfoLineView key={`${l.ruleId}-${i}`} line={l} />
      ))}
    </ul>
  );
}

const STATUS_SHAPE: Record<StopStatus, { icon: string; cls: string }> = {
  'Stop documented': { icon: '✓', cls: 'documented' },
  'Stop not documented': { icon: '▲', cls: 'not-documented' },
  'No LMWH order found': { icon: '○', cls: 'no-order' },
  Unknown: { icon: '?', cls: 'unknown' },
};

/** The status in words with a shape beside it (check, triangle, ring, question mark). */
export function StatusBadge({ status }: { status: StopStatus }) {
  const s = STATUS_SHAPE[status] ?? STATUS_SHAPE.Unknown;
  return (
    <span className={`stop-status stop-status--${s.cls}`}>
      <span className="stop-status__icon" aria-hidden="true">
        {s.icon}
      </span>
      <span className="stop-status__text">{status}</span>
    </span>
  );
}
