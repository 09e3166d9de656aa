/**
 * "Where did this come from": every number, point and card offers it. A native <details> disclosure, so it is
 * keyboard-operable and announced correctly without script; printed as its record label ("Source: Observation/dd-1").
 * What the record itself wrote (its id, date and value as written) is marked `data-record-text`: it is the record's
 * language, not the interface's.
 */
import { useState } from 'react';
import type { SourceRef } from '../../domain/types';
import { useMessages } from '../messages/MessagesProvider';
import './common.css';
import { matchReason } from '../../domain/matchedBy';
import { roundedRecordedText } from '../format/labValues';

export function sourceLabel(s: SourceRef): string {
  return `${s.resourceType}/${s.id ?? '(no id)'}`;
}

/** One source record as a definition list: type/id, date as written, original value, how it was matched. */
export function SourceDetails({ source }: { source: SourceRef }) {
  const m = useMessages();
  return (
    <dl className="source-details">
      <dt>{m.t('provenance.record')}</dt>
      <dd data-record-text="">{sourceLabel(source)}</dd>
      {source.date !== undefined && (
        <>
          <dt>{m.t('provenance.dateAsRecorded')}</dt>
          <dd data-record-text="">{source.date}</dd>
        </>
      )}
      {source.date !== undefined && source.dateFrom === 'issued' && (
        <>
          <dt>{m.t('provenance.dateKind')}</dt>
          <dd className="source-details__warning">{m.t('provenance.dateFromIssued')}</dd>
        </>
      )}
      {source.original !== undefined && <RecordedValue original={source.original} />}
      {source.matchedBy !== undefined && (
        <>
          <dt>{m.t('provenance.recognisedBy')}</dt>
          <dd>{m.reason(matchReason(source.matchedBy))}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * The value as the record wrote it. A generator's long decimal ("411.91038430036934 10*3/uL") is also shown rounded
 * for reading, labelled so; the exact text stays visible beside it (provenance keeps what was recorded).
 */
function RecordedValue({ original }: { original: string }) {
  const m = useMessages();
  const rounded = roundedRecordedText(original, m);
  if (rounded === undefined) {
    return (
      <>
        <dt>{m.t('provenance.asRecorded')}</dt>
        <dd data-record-text="">{original}</dd>
      </>
    );
  }
  return (
    <>
      <dt>{m.t('provenance.roundedForReading')}</dt>
      <dd data-record-text="" title={original}>
        {rounded}
      </dd>
      <dt>{m.t('provenance.exactlyAsRecorded')}</dt>
      <dd data-record-text="">{original}</dd>
    </>
  );
}

/**
 * A compact "Source" disclosure for one or more records. `label` names what the sources are for. The details are
 * rendered when the disclosure is first opened (a long record has one per table row: thousands of closed
 * disclosures would otherwise be tens of thousands of elements nobody sees); the summary names the records at once.
 */
export function Provenance({ sources, label }: { sources: SourceRef | SourceRef[]; label?: string }) {
  const m = useMessages();
  const [opened, setOpened] = useState(false);
  const name = label ?? m.t('provenance.source');
  const list = Array.isArray(sources) ? sources : [sources];
  if (list.length === 0) return <span className="provenance provenance--none">{m.t('provenance.notFromRecord', { label: name })}</span>;
  return (
    // A click on the summary (mouse or keyboard) renders the details before the browser opens the disclosure; the
    // toggle event covers opening by other means (find in page).
    <details className="provenance" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary onClick={() => setOpened(true)}>
        {name}
        {/* The record ids are printed beside the label (paper has no disclosure); on screen they are one click away. */}
        <span className="provenance__ids" data-record-text="">: {list.map(sourceLabel).join(', ')}</span>
      </summary>
      {opened && list.map((s, i) => <SourceDetails key={`${sourceLabel(s)}-${i}`} source={s} />)}
    </details>
  );
}
