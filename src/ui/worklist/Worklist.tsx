/**
 * The LMWH worklist: every patient of the cohort with her stage, LMWH order, next event, the earliest last-dose
 * deadline and its status, most urgent first. Renders the view model only; words come from the catalogue.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { version } from '../../../package.json';
import type { CohortSource } from '../../fhir/cohort';
import type { Reason } from '../../domain/reasons';
import type { WorklistFilter, WorklistSortKey } from '../../domain/worklist';
import { useAppContext } from '../app/AppContext';
import { useMessages } from '../messages/MessagesProvider';
import { buildWorklistView, type WorklistRowView, type WorklistSort, type WorklistView } from './worklistViewModel';
import { readWorklistHash, writeWorklistHash } from './worklistUrlState';
import { worklistCsv } from './worklistCsv';
import { useCohortChoices, useWorklist } from './useWorklist';
import { DEFAULT_COHORT_SOURCE } from './worklistQuery';
import type { WorklistStore } from './worklistStore';
import './worklist.css';

// The app shell starts the cohort through this chunk, so its first requests need no chunk of their own.
export { startWorklist } from './worklistQuery';

export interface WorklistProps {
  onOpenPatient: (patientId: string) => void;
  /**
   * Called when a patient's view is likely wanted soon: the list has finished loading, or the pointer or focus is on
   * the table (the app then fetches the patient view's code while idle; during the load it would compete with it).
   */
  onPatientViewWanted?: () => void;
}

function initialUi(store: WorklistStore | undefined): { filter: WorklistFilter; sort: WorklistSort } {
  if (store?.ui) return store.ui;
  const fromHash = readWorklistHash(window.location.hash);
  return { filter: { ...fromHash.filter, search: '' }, sort: fromHash.sort };
}

function download(csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'lmwh-worklist.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function Worklist({ onOpenPatient, onPatientViewWanted }: WorklistProps) {
  const [source, setSource] = useState<CohortSource>(DEFAULT_COHORT_SOURCE);
  const { store, state } = useWorklist(source);
  const [ui, setUi] = useState(() => initialUi(store));
  const m = useMessages();
  const { clock } = useAppContext();
  const view = useMemo(() => buildWorklistView(state.entries, ui.filter, ui.sort, state.nowMs, m), [state, ui, m]);

  useEffect(() => {
    const hash = writeWorklistHash(window.location.hash, ui);
    if (hash !== window.location.hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  }, [ui]);
  const wanted = useRef(false);
  const patientViewWanted = useCallback(() => {
    if (wanted.current) return;
    wanted.current = true;
    onPatientViewWanted?.();
  }, [onPatientViewWanted]);
  const settled = state.phase === 'done' || state.phase === 'cancelled' || state.phase === 'failed';
  useEffect(() => {
    if (settled) patientViewWanted();
  }, [settled, patientViewWanted]);
  useLayoutEffect(() => {
    if (store?.ui) window.scrollTo(0, store.ui.scrollY);
    // Restores once per store (coming back to it), not on every update.
  }, [store]);

  const setFilter = (f: Partial<WorklistFilter>) => setUi((u) => ({ ...u, filter: { ...u.filter, ...f } }));
  const sortBy = (key: WorklistSortKey) =>
    setUi((u) => ({ ...u, sort: { key, direction: u.sort.key === key && u.sort.direction === 'asc' ? 'desc' : 'asc' } }));
  const open = (id: string) => {
    store?.rememberUi({ ...ui, scrollY: window.scrollY });
    onOpenPatient(id);
  };

  return (
    <section className="worklist" aria-labelledby="worklist-heading">
      <h1 id="worklist-heading">{m.t('worklist.heading')}</h1>
      <SourcePicker source={source} onChange={setSource} />
      <Filters view={view} filter={ui.filter} onChange={setFilter} />
      <Progress view={view} phase={state.phase} onCancel={() => store?.cancel()} reason={state.cohort?.status !== 'complete' ? state.cohort?.reason : undefined} />
      <div className="worklist-actions no-print">
        <button type="button" className="button" onClick={() => download(worklistCsv(view.rows, m, { exportedAtMs: clock.now(), version }))}>
          {m.t('worklist.export')}
        </button>
        <button type="button" className="button" onClick={() => window.print()}>
          {m.t('worklist.print')}
        </button>
      </div>
      <WorklistTable view={view} onSort={sortBy} onOpen={open} onIntent={patientViewWanted} />
      {view.empty && <p role="status">{view.empty}</p>}
      <FailedRows view={view} onRetry={(id) => store?.retry(id)} />
    </section>
  );
}

function SourcePicker({ source, onChange }: { source: CohortSource; onChange: (s: CohortSource) => void }) {
  const m = useMessages();
  const choices = useCohortChoices();
  if (choices.length === 0) return null;
  const value = source.kind === 'lmwh-orders' ? 'lmwh' : `${source.kind}:${source.id}`;
  const change = (e: ChangeEvent<HTMLSelectElement>) => {
    const [kind, ...rest] = e.target.value.split(':');
    onChange(kind === 'list' || kind === 'group' ? { kind, id: rest.join(':') } : { kind: 'lmwh-orders' });
  };
  return (
    <div className="worklist-source setting">
      <label htmlFor="worklist-source">{m.t('worklist.source')}</label>
      <select id="worklist-source" value={value} onChange={change}>
        <option value="lmwh">{m.t('worklist.source.lmwh')}</option>
        {choices.map((c) => (
          <option key={`${c.kind}:${c.id}`} value={`${c.kind}:${c.id}`}>
            {m.t(c.kind === 'list' ? 'worklist.source.list' : 'worklist.source.group', { title: c.title ?? m.t('worklist.source.untitled') })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One labelled drop-down of the filter bar. */
function FilterSelect({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: readonly { value: string; label: string }[]; onChange: (value: string) => void }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters({ view, filter, onChange }: { view: WorklistView; filter: WorklistFilter; onChange: (f: Partial<WorklistFilter>) => void }) {
  const m = useMessages();
  return (
    <fieldset className="worklist-filters">
      <legend>{m.t('worklist.filter.legend')}</legend>
      <FilterSelect id="wl-window" label={m.t('worklist.filter.window')} value={String(filter.window)} options={view.options.windows} onChange={(v) => onChange({ window: v === 'all' ? 'all' : (Number(v) as 7 | 14 | 30) })} />
      <FilterSelect id="wl-status" label={m.t('worklist.filter.status')} value={filter.status} options={view.options.statuses} onChange={(v) => onChange({ status: v as WorklistFilter['status'] })} />
      <FilterSelect id="wl-flag" label={m.t('worklist.filter.flag')} value={filter.flag} options={view.options.flags} onChange={(v) => onChange({ flag: v as WorklistFilter['flag'] })} />
      <div>
        <label htmlFor="wl-search">{m.t('worklist.filter.search')}</label>
        <input id="wl-search" type="search" value={filter.search} autoComplete="off" onChange={(e) => onChange({ search: e.target.value })} />
      </div>
    </fieldset>
  );
}

function Progress({ view, phase, onCancel, reason }: { view: WorklistView; phase: string; onCancel: () => void; reason: Reason | undefined }) {
  const m = useMessages();
  const { loaded, total } = view.progress;
  const loading = phase === 'finding' || phase === 'loading';
  return (
    <div className="worklist-progress">
      {phase === 'finding' ? (
        <p role="status">{m.t('worklist.finding')}</p>
      ) : (
        <>
          <progress id="wl-progress" max={Math.max(total, 1)} value={loaded} aria-label={m.t('worklist.progressLabel')} />
          <p role="status">
            {phase === 'cancelled' ? m.t('worklist.cancelled', { loaded, total }) : total === 0 ? m.t('worklist.cohortEmpty') : view.progress.text}
          </p>
        </>
      )}
      {loading && (
        <button type="button" className="button" onClick={onCancel}>
          {m.t('worklist.cancel')}
        </button>
      )}
      {reason && <p role="alert">{m.t('worklist.cohortIncomplete', { reason: m.reason(reason) })}</p>}
    </div>
  );
}

function WorklistTable({ view, onSort, onOpen, onIntent }: { view: WorklistView; onSort: (k: WorklistSortKey) => void; onOpen: (id: string) => void; onIntent: () => void }) {
  return (
    <table className="worklist-table" onPointerOver={onIntent} onFocus={onIntent}>
      <caption>{view.caption}</caption>
      <thead>
        <tr>
          {view.columns.map((c) => (
            <th key={c.key} scope="col" aria-sort={c.ariaSort}>
              {c.sortable ? (
                <button type="button" onClick={() => onSort(c.key as WorklistSortKey)}>
                  {c.label}
                </button>
              ) : (
                c.label
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {view.rows.map((r) => (
          <Row key={r.patientId} r={r} onOpen={onOpen} />
        ))}
      </tbody>
    </table>
  );
}

function Row({ r, onOpen }: { r: WorklistRowView; onOpen: (id: string) => void }) {
  return (
    <tr data-patient={r.patientId}>
      <th scope="row">
        <button type="button" className="link-button" onClick={() => onOpen(r.patientId)}>
          {/* The patient's name as the record writes it (marked so language checks leave it alone). */}
          <span data-record-text="">{r.name}</span>
        </button>
      </th>
      <td>{r.age}</td>
      <td>{r.stage}</td>
      <td>
        {r.lmwh}
        <span className="worklist-sub">{r.lmwhClass}</span>
      </td>
      <td>
        {r.event}
        {r.eventTime && (
          <span className="worklist-sub">
            <time dateTime={r.eventTime.iso}>{r.eventTime.text}</time> ({r.eventTime.relative})
          </span>
        )}
        {r.eventUndated && <span className="worklist-sub">{r.eventUndated}</span>}
      </td>
      <td>
        {r.deadline ? <time dateTime={r.deadline.iso}>{r.deadline.text}</time> : r.deadlineText}
        {r.deadline && <span className="worklist-sub">{r.deadline.relative}</span>}
        <span className="worklist-sub">{r.deadlineFor}</span>
        <span className="worklist-sub">{r.ruleSource}</span>
      </td>
      <td className={`status-${r.statusCode}`}>{r.status}</td>
      <td>
        {r.ddimer}
        {r.ddimerTime && (
          <span className="worklist-sub">
            <time dateTime={r.ddimerTime.iso}>{r.ddimerTime.text}</time>
          </span>
        )}
      </td>
      <td>
        {r.flags.map((f) => (
          <span key={f.code} className="worklist-flag">
            {f.text}
          </span>
        ))}
      </td>
    </tr>
  );
}

function FailedRows({ view, onRetry }: { view: WorklistView; onRetry: (id: string) => void }) {
  const m = useMessages();
  if (view.failed.length === 0) return null;
  return (
    <ul className="worklist-failed">
      {view.failed.map((f) => (
        <li key={f.patientId}>
          {f.text}{' '}
          <button type="button" className="button" onClick={() => onRetry(f.patientId)} aria-label={m.t('worklist.row.retryFor')}>
            {m.t('worklist.row.retry')}
          </button>
        </li>
      ))}
    </ul>
  );
}
