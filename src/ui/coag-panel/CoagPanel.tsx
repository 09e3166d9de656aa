/**
 * Coagulation panel and LMWH safety labs: one card per analyte with the latest value (display unit, comparator kept),
 * its date in the facility zone, the lab's reference range and flag as the lab gave them, a small trend with a text
 * alternative, the analyte's note, Provenance, and the full series as a table (toggle; always printed). Anti-Xa shows
 * the time since the last recorded dose; platelets show the HIT pattern check. Empty analytes say so.
 */
import { legacyReasonText } from '../../domain/reasons';
import { useId, useMemo, useState } from 'react';
import type { ClinicalRecord } from '../../domain/record';
import type { AnalyteSeries, LabPoint } from '../../domain/labs';
import type { LabAnalyte } from '../../domain/codes';
import { formatMoment, toIsoInZone } from '../../domain/time';
import { antiXaTiming, hitPattern, type AntiXaTiming, type HitPatternResult } from '../../domain/monitoring';
import { Provenance, sourceLabel } from '../common/Provenance';
import { UnknownValue } from '../common/UnknownValue';
import { formatLabValue, formatNumber, interpretationText, referenceRangeText, unitLabel } from './labFormat';
import { Sparkline } from './Sparkline';
import './coag-panel.css';

/** Display order. Anti-Xa LMWH-calibrated and "calibration not stated" apart; CrCl and eGFR apart from creatinine. */
export const COAG_ANALYTES: readonly LabAnalyte[] = [
  'pt',
  'inr',
  'aptt',
  'fibrinogen',
  'platelets',
  'thrombinTime',
  'antithrombin',
  'antiXaLmwh',
  'antiXaGeneric',
  'haemoglobin',
  'creatinine',
  'creatinineClearance',
  'egfr',
];

const isAntiXa = (a: LabAnalyte): boolean => a === 'antiXaLmwh' || a === 'antiXaGeneric';

function LabTime({ point, zone }: { point: LabPoint; zone: string }) {
  return <time dateTime={toIsoInZone(point.time.start, zone)}>{formatMoment(point.time, zone)}</time>;
}

/** "5 results, 248 -> 206" (the text twin of the sparkline). */
export function trendText(series: AnalyteSeries): string {
  const n = series.points.length;
  if (n === 0) return 'no results';
  const first = series.points[0]!;
  const last = series.points[n - 1]!;
  const v = (p: LabPoint) => `${p.comparator ?? ''}${formatNumber(p.value)}`;
  return n === 1 ? `1 result, ${v(first)}` : `${n} results, ${v(first)} -> ${v(last)}`;
}

function TimingText({ timing }: { timing: AntiXaTiming }) {
  if (!timing.timing.known) return <UnknownValue label="Time since the last recorded dose unknown" reason={timing.timing.reason} />;
  const t = timing.timing.value;
  return (
    <>
      {t.text} ({t.windowText})
      {t.kindLabel && <span className="coag-caveat"> · {t.kindLabel}</span>}
      {t.caveats.map((c) => (
        <span key={c} className="coag-caveat">
          {' '}
          · {c}
        </span>
      ))}
    </>
  );
}

function AntiXaLatest({ point, record }: { point: LabPoint; record: ClinicalRecord }) {
  const timing = antiXaTiming(point, record.medication.doses, record.zone);
  return (
    <div className="coag-antixa">
      <div className="coag-antixa__timing">
        <TimingText timing={timing} /> {timing.timing.known && <Provenance sources={timing.timing.value.source} label="Dose source" />}
      </div>
      <p className="coag-reference-note">
        {timing.note.text} <span className="coag-citation">({timing.note.citation}; {timing.note.verification})</span>
      </p>
    </div>
  );
}

function HitBox({ hit, medicationComplete, medicationReason }: { hit: HitPatternResult; medicationComplete: boolean; medicationReason?: string }) {
  const headingId = useId();
  const missed = !medicationComplete ? (
    <p className="coag-caveat">Medication records could not be read completely ({medicationReason ?? 'reason not given'}): heparin exposure may be missed.</p>
  ) : null;
  if (hit.state === 'no-heparin') {
    return (
      <div className="hit-check hit-check--quiet">
        <p>{hit.statement}</p>
        {missed}
      </div>
    );
  }
  const isPattern = hit.state === 'pattern';
  const outside = hit.falls.filter((f) => !f.inWindow);
  return (
    <section className={`hit-check${isPattern ? ' hit-check--pattern' : ''}${hit.state === 'no-baseline' || hit.state === 'start-unknown' ? ' hit-check--unchecked' : ''}`} aria-labelledby={headingId}>
      <h4 id={headingId}>{isPattern ? 'Possible heparin-induced thrombocytopenia pattern' : 'Heparin-induced thrombocytopenia pattern check'}</h4>
      {isPattern ? (
        <ul>
          {hit.pattern.map((f) => (
            <li key={f.point.source.id ?? f.text}>
              {f.text} <Provenance sources={[f.point.source, f.baseline.source]} label="Counts" />
            </li>
          ))}
        </ul>
      ) : (
        <p>{hit.statement}</p>
      )}
      {isPattern && <p className="hit-check__attribution">Pattern: a fall of 50% or more from the pre-heparin baseline in days 5–14 of heparin (earlier with heparin in the previous 100 days); {hit.attribution}.</p>}
      {outside.length > 0 && (
        <>
          <p>Falls of 50% or more outside the window (not the pattern):</p>
          <ul>
            {outside.map((f) => (
              <li key={`o-${f.point.source.id ?? f.text}`}>
                {f.text} <Provenance sources={[f.point.source, f.baseline.source]} label="Counts" />
              </li>
            ))}
          </ul>
        </>
      )}
      {hit.courses.length > 0 && (
        <div className="coag-caveat">
          Heparin started {hit.courses.at(-1)!.startText} ({hit.courses.at(-1)!.drugs.join(', ')}). <Provenance sources={hit.courses.at(-1)!.startSource} label="Start source" />
        </div>
      )}
      {hit.caveats.length > 0 && (
        <ul className="coag-caveat">
          {hit.caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {missed}
      {hit.guidance.length > 0 && (
        <ul className="hit-check__guidance">
          {hit.guidance.map((g) => (
            <li key={g.id}>
              {g.text}{' '}
              <span className="coag-citation">
                ({g.citation}, {g.verification}; <a href={g.url} target="_blank" rel="noreferrer noopener">source</a>)
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SeriesTable({ series, record, id, hidden }: { series: AnalyteSeries; record: ClinicalRecord; id: string; hidden: boolean }) {
  const antiXa = isAntiXa(series.analyte);
  const unit = unitLabel(series.displayUnit);
  return (
    <div id={id} className="coag-series" hidden={hidden}>
      <table className="coag-table">
        <caption>{series.label} results</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Result (as reported)</th>
            <th scope="col">Value{unit ? ` (${unit})` : ''}</th>
            <th scope="col">Reference range</th>
            <th scope="col">Status</th>
            {antiXa && <th scope="col">Time since last recorded dose</th>}
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {[...series.points].reverse().map((p, i) => {
            const flag = interpretationText(p.interpretation);
            const range = referenceRangeText(p.referenceRange);
            return (
              <tr key={`${sourceLabel(p.source)}-${i}`}>
                <td>
                  <LabTime point={p} zone={record.zone} />
                </td>
                <td>{p.original.text}</td>
                <td>
                  {p.comparator ?? ''}
                  {formatNumber(p.value)}
                  {p.conversion && <span className="coag-caveat"> ({p.conversion})</span>}
                </td>
                <td>{range || <span className="coag-none">none given</span>}</td>
                <td>
                  {p.status}
                  {flag ? `; lab flag: ${flag}` : ''}
                </td>
                {antiXa && (
                  <td>
                    <TimingText timing={antiXaTiming(p, record.medication.doses, record.zone)} />
                  </td>
                )}
                <td>
                  <Provenance sources={p.source} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function AnalyteCard({ series, record, hit }: { series: AnalyteSeries; record: ClinicalRecord; hit?: HitPatternResult }) {
  const [open, setOpen] = useState(false);
  const baseId = useId();
  const headingId = `${baseId}-h`;
  const tableId = `${baseId}-t`;
  const latest = series.latest;
  const flag = latest ? interpretationText(latest.interpretation) : '';
  const range = latest ? referenceRangeText(latest.referenceRange) : '';
  return (
    <article className={`coag-card${latest ? '' : ' coag-card--empty'}`} aria-labelledby={headingId} data-analyte={series.analyte}>
      <h3 id={headingId}>{series.label}</h3>
      {series.note && <p className="coag-note">{series.note}</p>}
      {latest ? (
        <>
          <p className="coag-latest">
            <span className="coag-latest__label">Latest </span>
            <strong className="coag-latest__value">{formatLabValue(latest)}</strong> <LabTime point={latest} zone={record.zone} />
            {latest.status !== 'final' && <span className="coag-status"> ({latest.status})</span>}
          </p>
          <p className="coag-range">
            Reference range (lab): {range || <span className="coag-none">none given</span>} · Lab flag: {flag || <span className="coag-none">none given</span>}
          </p>
          {latest.conversion && <p className="coag-caveat">As reported: {latest.original.text} ({latest.conversion})</p>}
          <p className="coag-trend">
            <Sparkline points={series.points} />
            <span className="coag-trend__text">{trendText(series)}</span>
          </p>
          {isAntiXa(series.analyte) && <AntiXaLatest point={latest} record={record} />}
          <Provenance sources={latest.source} />
        </>
      ) : (
        <p className="coag-empty">No {series.label} results</p>
      )}
      {hit && <HitBox hit={hit} medicationComplete={record.medication.complete} medicationReason={record.medication.incompleteReason} />}
      {series.exclusions.length > 0 && (
        <div className="coag-exclusions">
          <p>
            {series.exclusions.length} {series.label} result{series.exclusions.length === 1 ? '' : 's'} left out:
          </p>
          <ul>
            {series.exclusions.map((e, i) => (
              <li key={`${sourceLabel(e.source)}-${i}`}>
                {e.source.original ?? sourceLabel(e.source)}: {legacyReasonText(e.reason)} <Provenance sources={e.source} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {series.points.length > 0 && (
        <>
          <button type="button" className="coag-toggle" aria-expanded={open} aria-controls={tableId} onClick={() => setOpen((o) => !o)}>
            {open ? `Hide ${series.label} results` : `Show all ${series.points.length} ${series.label} results`}
          </button>
          <SeriesTable series={series} record={record} id={tableId} hidden={!open} />
        </>
      )}
    </article>
  );
}

export interface CoagPanelProps {
  record: ClinicalRecord;
}

export function CoagPanel({ record }: CoagPanelProps) {
  const group = record.groups['observations-coagulation'];
  const hit = useMemo(
    () => hitPattern(record.labs.platelets, record.medication.orders.map((o) => o.order), record.medication.doses, record.nowMs, record.zone),
    [record],
  );
  const incomplete = !group || group.status !== 'complete';
  const reason = !group ? 'the coagulation search was not run' : (group.reason ?? `search ${group.status}`);
  return (
    <section className="coag-panel" aria-labelledby="coag-panel-heading">
      <h2 id="coag-panel-heading">Coagulation panel and safety labs</h2>
      {incomplete && (
        <p className="coag-banner" role="status">
          Coagulation results may be incomplete: {reason}
        </p>
      )}
      <div className="coag-grid">
        {COAG_ANALYTES.map((a) => (
          <AnalyteCard key={a} series={record.labs[a]} record={record} hit={a === 'platelets' ? hit : undefined} />
        ))}
      </div>
    </section>
  );
}
