/**
 * The IVF cycle panel: renders the IVF cycle view model (ivfCycleViewModel.ts) above the D-dimer chart while a cycle is
 * in progress or the pregnancy is under 12 weeks. Each fact with Provenance; flags are words, not only colour.
 */
import { useMemo } from 'react';
import type { QueryGroup } from '../../domain/input';
import { Provenance } from '../common/Provenance';
import { useMessages } from '../messages/MessagesProvider';
import { buildIvfCycleView, type IvfCycleSlice, type IvfCycleView, type IvfFact } from './ivfCycleViewModel';
import './ivf-cycle.css';

/** The query groups the cycle is read from. */
export const IVF_CYCLE_GROUPS: readonly QueryGroup[] = [
  'procedures',
  'observations-pregnancy',
  'medication-requests',
  'medication-administrations',
  'medication-dispenses',
  'medications',
  'service-requests',
  'appointments',
  'conditions',
];

function Fact({ f }: { f: IvfFact }) {
  const m = useMessages();
  return (
    <li className={f.flag ? 'ivf-cycle__flag' : undefined}>
      {f.flag && <strong className="ivf-cycle__badge">{m.t('ivfCycle.review')}: </strong>}
      {f.text} {f.sources.length > 0 && <Provenance sources={f.sources} />}
    </li>
  );
}

function Facts({ title, items, id }: { title: string; items: IvfFact[]; id: string }) {
  return (
    <section className="ivf-cycle__part" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul className="ivf-cycle__list">
        {items.map((f) => (
          <Fact key={f.key} f={f} />
        ))}
      </ul>
    </section>
  );
}

function Strip({ strip }: { strip: IvfCycleView['strip'] }) {
  return (
    <ol className="ivf-cycle__strip" aria-label={strip.label}>
      {strip.steps.map((s) => (
        <li key={s.key} className={s.known ? 'ivf-cycle__step' : 'ivf-cycle__step ivf-cycle__step--unknown'}>
          <span className="ivf-cycle__step-label">{s.label}</span>
          {s.iso ? <time dateTime={s.iso}>{s.when}</time> : <span>{s.when}</span>}
          {s.relative && <span className="ivf-cycle__relative">{s.relative}</span>}
          {s.note && <span className="ivf-cycle__note">{s.note}</span>}
          {s.sources.length > 0 && <Provenance sources={s.sources} />}
        </li>
      ))}
    </ol>
  );
}

function EstradiolChart({ chart }: { chart: NonNullable<IvfCycleView['estradiol']['chart']> }) {
  const pts = chart.points.map((p) => `${(4 + p.x * 192).toFixed(1)},${(56 - p.y * 52).toFixed(1)}`).join(' ');
  return (
    <figure className="ivf-cycle__chart">
      <svg viewBox="0 0 200 60" role="img" aria-label={chart.label}>
        <polyline points={pts} fill="none" stroke="currentColor" strokeWidth="2" />
        {chart.points.map((p, i) => (
          <circle key={i} cx={4 + p.x * 192} cy={56 - p.y * 52} r="2.5" fill="currentColor" />
        ))}
      </svg>
      <figcaption>{chart.label}</figcaption>
    </figure>
  );
}

function Estradiol({ e }: { e: IvfCycleView['estradiol'] }) {
  return (
    <section className="ivf-cycle__part" aria-labelledby="ivf-e2">
      <h3 id="ivf-e2">{e.title}</h3>
      {e.none && <p>{e.none}</p>}
      {e.chart && <EstradiolChart chart={e.chart} />}
      {e.rows.length > 0 && (
        <table className="ivf-cycle__table">
          <caption>{e.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{e.headers.date}</th>
              <th scope="col">{e.headers.reported}</th>
              <th scope="col">{e.headers.converted}</th>
            </tr>
          </thead>
          <tbody>
            {e.rows.map((r) => (
              <tr key={r.key}>
                <td>
                  <time dateTime={r.iso}>{r.date}</time>
                </td>
                <td>
                  {r.reported} <Provenance sources={r.sources} />
                </td>
                <td>{r.converted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function IvfCycleView({ view }: { view: IvfCycleView }) {
  const c = view.confirmation;
  return (
    <section className="ivf-cycle" aria-labelledby="ivf-cycle-heading">
      <h2 id="ivf-cycle-heading">{view.title}</h2>
      <div className="ivf-cycle__confirmation">
        <strong className="ivf-cycle__headline">{c.headline}</strong>
        <ul className="ivf-cycle__list">
          {c.lines.map((f) => (
            <Fact key={f.key} f={f} />
          ))}
          {c.flag && <Fact f={c.flag} />}
        </ul>
      </div>
      <Strip strip={view.strip} />
      <Estradiol e={view.estradiol} />
      <Facts id="ivf-ohss" title={view.ohss.title} items={view.ohss.items} />
      <Facts id="ivf-luteal" title={view.luteal.title} items={view.luteal.items} />
      <Facts id="ivf-lmwh" title={view.lmwh.title} items={[view.lmwh.item]} />
      <Facts id="ivf-indications" title={view.indications.title} items={view.indications.items} />
      <Facts id="ivf-supply" title={view.supply.title} items={[view.supply.item, ...view.supply.flags]} />
    </section>
  );
}

/** The panel for a record; nothing when no cycle is in view, a short line while its searches are still running. */
export function IvfCyclePanel({ record, loading = [] }: { record: IvfCycleSlice; loading?: readonly QueryGroup[] }) {
  const m = useMessages();
  const view = useMemo(() => buildIvfCycleView(record, m), [record, m]);
  if (IVF_CYCLE_GROUPS.some((g) => loading.includes(g))) {
    return (
      <section className="section-loading" aria-busy="true" aria-label={view.title}>
        <p>{m.t('ivfCycle.loading')}</p>
      </section>
    );
  }
  if (!view.show) return null;
  return <IvfCycleView view={view} />;
}
