/**
 * "Copy to note": the summary text (patient, planned events incl. ones entered here, stop-now findings, EDD card,
 * the information-only note) to the clipboard. In an EHR iframe without clipboard-write permission the write
 * rejects or the API is missing: then a read-only textarea with the text selected and the keyboard instruction.
 * The exact text can be read before copying (a disclosure under the button); the printed page is the page itself.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ClinicalRecord } from '../../domain/record';
import type { EventCard, RulePatient } from '../../domain/rules';
import { timelineFor } from '../../domain/timeline';
import { useMessages } from '../messages/MessagesProvider';
import { copyToNoteText } from './copyToNoteViewModel';
import { identifierLabel, patientIdentifier, patientName } from '../patient-banner/patientBannerViewModel';
import type { Messages } from '../messages/translator';
import './copy-to-note.css';

/** The patient fields of the note; missing ones stay missing (the text says "not recorded"). */
export function notePatient(patient: fhir4.Patient | undefined, m: Messages): RulePatient {
  const name = patientName(patient);
  const id = patientIdentifier(patient);
  const out: RulePatient = {};
  if (name !== undefined) out.name = name;
  if (patient?.birthDate) out.birthDate = patient.birthDate;
  if (id) out.identifier = `${identifierLabel(id, m)} ${id.value}`;
  return out;
}

export interface CopyToNoteProps {
  record: Pick<ClinicalRecord, 'patient' | 'rules' | 'nowMs' | 'zone'> & Partial<Pick<ClinicalRecord, 'pregnancy' | 'timelines'>>;
  /** Cards of what-if events entered in this session (marked as such in the text). */
  extraCards?: EventCard[];
}

type State = { kind: 'idle' } | { kind: 'copied' } | { kind: 'fallback' };

export function CopyToNote({ record, extraCards = [] }: CopyToNoteProps) {
  const m = useMessages();
  const text = useMemo(
    () =>
      copyToNoteText({
        patient: notePatient(record.patient, m),
        cards: [...record.rules.cards, ...extraCards],
        triggers: record.rules.triggers,
        eddCard: record.rules.eddCard,
        ddimer: record.pregnancy && record.timelines ? timelineFor({ pregnancy: record.pregnancy, timelines: record.timelines }) : undefined,
        nowMs: record.nowMs,
      }, m),
    [record, extraCards, m],
  );
  const [state, setState] = useState<State>({ kind: 'idle' });
  const areaRef = useRef<HTMLTextAreaElement>(null);

  // Layout effect: the textarea is focused and selected in the same commit that shows it, so a keyboard user
  // (and a test) never sees it unfocused.
  useLayoutEffect(() => {
    if (state.kind !== 'fallback') return;
    const a = areaRef.current;
    if (!a) return;
    a.focus();
    a.select();
  }, [state, text]);

  async function copy() {
    const clip = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clip || typeof clip.writeText !== 'function') {
      setState({ kind: 'fallback' });
      return;
    }
    try {
      await clip.writeText(text);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'fallback' });
    }
  }

  return (
    <section className="copy-to-note" aria-label={m.t('copyToNote.button')}>
      <button type="button" className="no-print" onClick={copy}>
        {m.t('copyToNote.button')}
      </button>
      <p role="status" aria-live="polite" className="copy-to-note__status no-print">
        {state.kind === 'copied' ? m.t('copyToNote.copied') : state.kind === 'fallback' ? m.t('copyToNote.clipboardUnavailable') : ''}
      </p>
      {state.kind === 'fallback' && (
        <div className="copy-to-note__fallback no-print">
          <label htmlFor="copy-to-note-text">{m.t('copyToNote.pressToCopy')}</label>
          <textarea id="copy-to-note-text" ref={areaRef} readOnly value={text} rows={Math.min(24, text.split('\n').length + 1)} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      {/* Read before copying: the exact text, closed by default so the page stays short. */}
      <details className="copy-to-note__preview no-print">
        <summary>{m.t('copyToNote.preview')}</summary>
        <pre>{text}</pre>
      </details>
    </section>
  );
}
