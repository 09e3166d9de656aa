/** Plain text for the clinical note. Pure: dates written unambiguously ("3 Apr 2026 08:30 (UTC+01:00)"). */
import { formatDateTime, formatMoment, isValidZone, parseFhirDate } from '../time';
import type { RulePatient } from './context';
import type { EddInfoCard, EventCard, StopNowTrigger } from './ruleTypes';

export const INFORMATION_ONLY_NOTE =
  "Information only: this summary does not replace clinical judgement; it shows the source's and the guidelines' advice, attributed, beside data from the record, which may be incomplete.";

export interface NoteTextInput {
  patient: RulePatient;
  cards: EventCard[];
  triggers?: StopNowTrigger[];
  eddCard?: EddInfoCard | null;
  nowMs: number;
  zone: string;
}

function birthDate(value: string | undefined, zone: string): string {
  if (!value) return 'not recorded';
  const m = parseFhirDate(value, zone);
  return m ? formatMoment(m, zone) : `not readable ("${value}")`;
}

/** The summary as plain text lines joined with "\n". */
export function copyToNoteText(input: NoteTextInput): string {
  const zone = isValidZone(input.zone) ? input.zone : 'UTC';
  const p = input.patient;
  const out: string[] = [];
  out.push(`LMWH Monitor summary, ${formatDateTime(input.nowMs, zone)}; times in ${zone}`);
  out.push(`Patient: ${p.name?.trim() || 'name not recorded'}; date of birth: ${birthDate(p.birthDate, zone)}; identifier: ${p.identifier?.trim() || 'not recorded'}`);
  if (input.cards.length === 0) out.push('Planned events: none found in the record.');
  for (const c of input.cards) {
    out.push('');
    const whatIf = c.enteredHereNote ? ` [${c.enteredHereNote}]` : '';
    out.push(`Event: ${c.event.label}${whatIf}: ${c.anchorText}${c.countdownMs !== null ? ` (${c.countdownText})` : ''}`);
    if (!c.applies) {
      out.push(`  ${c.notApplicableReason ?? 'No stop rule applies.'}`);
      continue;
    }
    out.push(`  Dose class used for the guideline intervals: ${c.doseClass}. ${c.doseClassReason}`);
    for (const l of c.deadlines) {
      out.push(`  - ${l.source.name} [${l.ruleId} v${l.ruleVersion}]: ${l.wording}`);
      out.push(`    ${l.deadlineText}. Status: ${l.status}. ${l.statusReason}`);
      if (l.intervalReason) out.push(`    ${l.intervalReason}`);
      if (l.dateOnlyNote) out.push(`    ${l.dateOnlyNote}`);
      if (l.dosesAfterDeadline.length > 0) {
        out.push(`    Doses recorded after this deadline: ${l.dosesAfterDeadline.map((d) => `${d.drug} ${d.kind} ${formatDateTime(d.atMs, zone)}`).join('; ')}`);
      }
    }
    for (const d of c.differences) out.push(`  Difference: ${d}`);
    if (c.orders.length > 0) {
      out.push(
        `  LMWH orders: ${c.orders
          .map((o) => `${o.description} (${o.status}${o.onHold ? ', on hold' : ''}; from ${o.startMs !== undefined ? formatDateTime(o.startMs, zone) : 'start not recorded'} to ${o.endMs !== undefined ? formatDateTime(o.endMs, zone) : 'no end date'})`)
          .join('; ')}`,
      );
    }
    out.push(`  Last recorded LMWH dose: ${c.lastDose ? `${c.lastDose.drug}, ${c.lastDose.kind}, ${formatDateTime(c.lastDose.atMs, zone)}` : 'none found'}`);
    if (c.delivery) {
      out.push(`  ${c.delivery.platelets}. ${c.delivery.aspirin}. ${c.delivery.heparinAllergyOrHit}.`);
    }
    for (const r of c.restart) out.push(`  After: ${r.source.name} [${r.ruleId} v${r.ruleVersion}]: ${r.wording}`);
  }
  if (input.eddCard) {
    out.push('');
    out.push(`${input.eddCard.eddText}. ${input.eddCard.gaText}. ${input.eddCard.noCountdownReason}`);
  }
  const triggers = input.triggers ?? [];
  if (triggers.length > 0) {
    out.push('');
    for (const t of triggers) {
      out.push(`Stop-now finding: ${t.fact.label} (${t.fact.atText}). ${t.context}`);
      for (const l of t.lines) out.push(`  - ${l.source.name} [${l.ruleId} v${l.ruleVersion}]: ${l.wording}`);
    }
  }
  out.push('');
  out.push(INFORMATION_ONLY_NOTE);
  return out.join('\n');
}
