/**
 * Shared pieces of the rule views: the short source label (linking to "About the evidence"), an attributed info line,
 * and a stop status shown with text and a shape (never colour only). Used by stop-criteria, stop-now, indications
 * and cautions. Words come from `ruleLineViewModel.ts`.
 */
import type { InfoLine, RuleSource, StopStatus } from '../../domain/rules';
import { Provenance } from '../common/Provenance';
import { useMessages } from '../messages/MessagesProvider';
import { infoLineView, sourceLabelView, statusView, type SourceLabelView } from './ruleLineViewModel';
import './rule-lines.css';

/** "Source article" / "ASRA 2018": a link to the source's edition and verification in "About the evidence"; the full name on hover. */
export function SourceLabel({ source }: { source: RuleSource }) {
  return <SourceLabelFromView view={sourceLabelView(source, useMessages())} />;
}

export function SourceLabelFromView({ view }: { view: SourceLabelView }) {
  return (
    <span className={`rule-source rule-source--${view.kind}`}>
      <a className="rule-source__name" href={view.href} title={view.fullName}>
        {view.label}
      </a>
    </span>
  );
}

/** One attributed line: its source label, the wording, data from the record and that data's records. */
export function InfoLineView({ line }: { line: InfoLine }) {
  const m = useMessages();
  const v = infoLineView(line, m);
  return (
    <li className={`info-line info-line--${v.sourceKind}`} data-rule-id={v.ruleId}>
      <SourceLabelFromView view={v.source} />
      <p className="info-line__wording">{v.wording}</p>
      {v.detail && <p className="info-line__detail">{v.detail}</p>}
      {v.evidence && v.evidence.length > 0 && <Provenance sources={v.evidence} label={m.t('rules.records')} />}
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

/** The status in words with a shape beside it (check, triangle, ring, question mark). */
export function StatusBadge({ status }: { status: StopStatus }) {
  return <StatusBadgeFromView view={statusView(status, useMessages())} />;
}

export function StatusBadgeFromView({ view }: { view: ReturnType<typeof statusView> }) {
  return (
    <span className={`stop-status stop-status--${view.cls}`}>
      <span className="stop-status__icon" aria-hidden="true">
        {view.icon}
      </span>
      <span className="stop-status__text">{view.text}</span>
    </span>
  );
}
