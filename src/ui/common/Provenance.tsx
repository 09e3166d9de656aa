/**
 * "Where did this come from": every number, point and card offers it. A native <details> disclosure, so it is
 * keyboard-operable and announced correctly without script; printed open.
 */
import type { SourceRef } from '../../domain/types';
import { useMessages } from '../messages/MessagesProvider';
import './common.css';

export function sourceLabel(s: SourceRef): string {
  return `${s.resourceType}/${s.id ?? '(no id)'}`;
}

/** One source record as a definition list: type/id, date as written, original value, how it was matched. */
export function SourceDetails({ source }: { source: SourceRef }) {
  const m = useMessages();
  return (
    <dl className="source-details">
      <dt>{m.t('provenance.record')}</dt>
      <dd>{sourceLabel(source)}</dd>
      {source.date !== undefined && (
        <>
          <dt>{m.t('provenance.dateAsRecorded')}</dt>
          <dd>{source.date}</dd>
        </>
      )}
      {source.original !== undefined && (
        <>
          <dt>{m.t('provenance.asRecorded')}</dt>
          <dd>{source.original}</dd>
        </>
      )}
      {source.matchedBy !== undefined && (
        <>
          <dt>{m.t('provenance.recognisedBy')}</dt>
          <dd>{source.matchedBy}</dd>
        </>
      )}
    </dl>
  );
}

/** A compact "Source" disclosure for one or more records. `label` names what the sources are for. */
export function Provenance({ sources, label }: { sources: SourceRef | SourceRef[]; label?: string }) {
  const m = useMessages();
  const name = label ?? m.t('provenance.source');
  const list = Array.isArray(sources) ? sources : [sources];
  if (list.length === 0) return <span className="provenance provenance--none">{m.t('provenance.notFromRecord', { label: name })}</span>;
  return (
    <details className="provenance">
      <summary>
        {name}
        {/* The record ids are printed beside the label (paper has no disclosure); on screen they are one click away. */}
        <span className="provenance__ids">: {list.map(sourceLabel).join(', ')}</span>
      </summary>
      {list.map((s, i) => (
        <SourceDetails key={`${sourceLabel(s)}-${i}`} source={s} />
      ))}
    </details>
  );
}
