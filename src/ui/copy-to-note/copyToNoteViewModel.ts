/**
 * The plain text for the clinical note: what a clinician would paste. The plan (events, drug and dose, last dose,
 * deadlines as absolute times with their offset, status, stop-now findings), the D-dimer trend in one line and the
 * sources by name. No rule ids, versions, countdowns (stale once pasted) or verification remarks: those stay on the
 * page. Pure: dates written unambiguously ("3 Apr 2026 08:30 (UTC+01:00)").
 */
import type { DdimerPoint } from '../../domain/timeline';
import type { DeadlineLine, EddInfoCard, EventCard, InfoLine, RuleOrder, RulePatient, StopNowTrigger } from '../../domain/rules';
import { parseFhirDate } from '../../domain/time';
import type { Messages } from '../messages/translator';
import type { MessageKey } from '../messages/catalogue';
import { buildEddCardView, eventWhenText } from '../stop-criteria/stopCriteriaViewModel';
import { formatStatusCode } from '../format/dose';
import { ruleWording, statusView } from '../stop-criteria/ruleLineViewModel';
import { eventName } from '../format/eventName';
import { sourceFullName } from '../evidence/sourceLabels';

/** The kind of a recorded dose in the reader's language, as the stop-criteria card words it. */
const doseKind = (kind: string, m: Messages): string => m.t(`stopCriteria.doseKind.${kind}` as MessageKey);

export interface NoteTextInput {
  patient: RulePatient;
  cards: EventCard[];
  triggers?: StopNowTrigger[];
  eddCard?: EddInfoCard | null;
  /** The D-dimer results of the shown timeline (current pregnancy, or the record without dating). */
  ddimer?: { feu: readonly DdimerPoint[]; ddu: readonly DdimerPoint[] };
  nowMs: number;
}

/**
 * The rule's wording without its verification remark in brackets ("(wording from a verbatim reproduction; primary
 * not opened)"): the page and the evidence section carry that; a pasted note carries the advice and its source.
 */
export function withoutVerificationRemark(text: string): string {
  return text.replace(/\s*\((?:[^()]*?)(?:verbatim reproduction|primary[^()]*not opened)[^()]*\)\.?/gi, '.').replace(/\.\./g, '.');
}

function birthDate(value: string | undefined, m: Messages): string {
  if (!value) return m.t('copyToNote.notRecorded');
  const parsed = parseFhirDate(value, m.zone);
  return parsed ? m.moment(parsed) : m.t('copyToNote.notReadable', { value });
}

const ruleLine = (l: Pick<InfoLine, 'source' | 'ruleId'>, m: Messages) =>
  m.t('copyToNote.rule', { source: sourceFullName(l.source.name, m), wording: withoutVerificationRemark(ruleWording(l.ruleId, m)) });

function deadlineLines(l: DeadlineLine, m: Messages): string[] {
  const when = l.deadlineMs !== null ? m.t('copyToNote.deadline', { at: m.instant(l.deadlineMs) }) : m.reason(l.noDeadlineReason);
  const out = [`  - ${m.t('copyToNote.deadlineLine', { source: sourceFullName(l.source.name, m), deadline: when, status: statusView(l.status, m).text })}`];
  if (l.intervalReason) out.push(`    ${m.reason(l.intervalReason)}`);
  if (l.dateOnlyNote) out.push(`    ${m.reason(l.dateOnlyNote)}`);
  if (l.dosesAfterDeadline.length > 0) {
    const doses = l.dosesAfterDeadline.map((d) => m.t('copyToNote.lateDose', { drug: m.reason(d.drug), kind: doseKind(d.kind, m), at: m.instant(d.atMs) })).join('; ');
    out.push(`    ${m.t('copyToNote.lateDoses', { doses })}`);
  }
  return out;
}

const orderText = (o: RuleOrder, m: Messages) =>
  m.t('copyToNote.order', {
    description: m.reason(o.description),
    status: formatStatusCode(o.status, m),
    onHold: o.onHold,
    from: o.startMs !== undefined ? m.instant(o.startMs) : m.t('copyToNote.startNotRecorded'),
    to: o.endMs !== undefined ? m.instant(o.endMs) : m.t('copyToNote.noEndDate'),
  });

function cardLines(c: EventCard, m: Messages): string[] {
  const whatIf = c.event.enteredHere ? m.t('copyToNote.enteredHere', { note: m.t('stopCriteria.enteredHere') }) : '';
  const out = ['', m.t('copyToNote.event', { label: eventName(c.event.name, m), whatIf, when: eventWhenText(c, m) })];
  if (!c.applies) return [...out, `  ${m.reason(c.notApplicableReason ?? { code: 'rules.not-applicable.other' })}`];
  out.push(`  ${m.t('copyToNote.doseClass', { doseClass: m.t(`stopCriteria.doseClass.${c.doseClass}`), reason: m.reason(c.doseClassReason) })}`);
  for (const l of c.deadlines) out.push(...deadlineLines(l, m));
  for (const d of c.differences) out.push(`  ${m.t('copyToNote.difference', { text: m.reason(d) })}`);
  if (c.orders.length > 0) out.push(`  ${m.t('copyToNote.orders', { orders: c.orders.map((o) => orderText(o, m)).join('; ') })}`);
  const last = c.lastDose ? m.t('copyToNote.lateDose', { drug: m.reason(c.lastDose.drug), kind: doseKind(c.lastDose.kind, m), at: m.instant(c.lastDose.atMs) }) : m.t('stopCriteria.lastDoseNone');
  out.push(`  ${m.t('copyToNote.lastDose', { dose: last })}`);
  if (c.delivery) out.push(`  ${m.t('copyToNote.delivery', { platelets: m.reason(c.delivery.platelets), aspirin: m.reason(c.delivery.aspirin), allergy: m.reason(c.delivery.heparinAllergyOrHit) })}`);
  for (const r of c.restart) out.push(`  ${m.t('copyToNote.after', { rule: ruleLine(r, m) })}`);
  return out;
}

function eddLines(card: EddInfoCard, m: Messages): string[] {
  const v = buildEddCardView(card, m);
  return ['', m.t('copyToNote.edd', { edd: v.eddText, ga: v.gaText, why: v.noCountdownReason })];
}

function triggerLines(triggers: StopNowTrigger[], m: Messages): string[] {
  if (triggers.length === 0) return [];
  const out = [''];
  for (const t of triggers) {
    const at = t.fact.atMs !== undefined ? m.instant(t.fact.atMs) : m.t('stopNow.dateNotRecorded');
    out.push(m.t('copyToNote.stopNow', { label: t.fact.label, at, context: m.reason(t.context) }));
    for (const l of t.lines) out.push(`  - ${ruleLine(l, m)}`);
  }
  return out;
}

const pointValue = (p: DdimerPoint, m: Messages) => `${p.comparator ?? ''}${m.number(p.ngPerMl, 0)}`;

/** "D-dimer: 9 results (FEU), 12 May 2026 to 24 Nov 2026: <270 to 1,850 ng/mL FEU; latest 1,850 ng/mL FEU on 24 Nov 2026 (preliminary)." */
export function ddimerTrendLine(ddimer: NoteTextInput['ddimer'], m: Messages): string {
  const feu = [...(ddimer?.feu ?? [])].sort((a, b) => a.atMs - b.atMs);
  const ddu = ddimer?.ddu ?? [];
  if (feu.length === 0 && ddu.length === 0) return m.t('copyToNote.ddimerNone');
  const dduText = ddu.length > 0 ? m.t('copyToNote.ddimerDdu', { n: ddu.length, values: ddu.map((p) => pointValue(p, m)).join(', ') }) : '';
  if (feu.length === 0) return m.t('copyToNote.ddimerOnlyDdu', { ddu: dduText });
  const latest = feu.at(-1)!;
  const values = feu.map((p) => p.ngPerMl);
  const low = feu.find((p) => p.ngPerMl === Math.min(...values))!;
  const high = feu.find((p) => p.ngPerMl === Math.max(...values))!;
  return m.t('copyToNote.ddimer', {
    n: feu.length,
    first: m.date(feu[0]!.atMs),
    last: m.date(latest.atMs),
    low: pointValue(low, m),
    high: pointValue(high, m),
    latest: pointValue(latest, m),
    status: latest.status === 'final' ? 'final' : m.t('timeline.status', { status: latest.status }),
    hasDdu: dduText ? 'yes' : 'no',
    ddu: dduText,
  });
}

/** "Sources: The source article (Clexane article); ASRA 2018." (each source named once). */
function sourcesLine(input: NoteTextInput, m: Messages): string | undefined {
  const names = new Set<string>();
  for (const c of input.cards) for (const l of [...c.deadlines, ...c.restart]) names.add(sourceFullName(l.source.name, m));
  for (const t of input.triggers ?? []) for (const l of t.lines) names.add(sourceFullName(l.source.name, m));
  return names.size > 0 ? m.t('copyToNote.sources', { names: [...names].join('; ') }) : undefined;
}

/** The summary as plain text lines joined with "\n". */
export function copyToNoteText(input: NoteTextInput, m: Messages): string {
  const p = input.patient;
  const out: string[] = [
    m.t('copyToNote.header', { now: m.instant(input.nowMs), zone: m.zone }),
    m.t('copyToNote.patient', {
      name: p.name?.trim() || m.t('copyToNote.nameNotRecorded'),
      birthDate: birthDate(p.birthDate, m),
      identifier: p.identifier?.trim() || m.t('copyToNote.notRecorded'),
    }),
  ];
  if (input.cards.length === 0) out.push(m.t('copyToNote.noEvents'));
  for (const c of input.cards) out.push(...cardLines(c, m));
  if (input.eddCard) out.push(...eddLines(input.eddCard, m));
  out.push(...triggerLines(input.triggers ?? [], m));
  out.push('', ddimerTrendLine(input.ddimer, m));
  const sources = sourcesLine(input, m);
  if (sources) out.push(sources);
  out.push('', m.t('copyToNote.informationOnly'));
  return out.join('\n');
}
