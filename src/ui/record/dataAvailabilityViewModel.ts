/**
 * The "part of the record could not be read" banner as display data: every query group that is incomplete or
 * unavailable with its reason, the server's own warnings, and the count of records dropped because they belong to
 * another patient. Nothing to show when the whole record was read.
 */
import type { QueryGroup } from '../../domain/input';
import type { ClinicalRecord } from '../../domain/record';
import type { Messages } from '../messages/translator';

export type AvailabilitySlice = Pick<ClinicalRecord, 'groups' | 'dropped'>;

export interface DataAvailabilityView {
  heading: string;
  intro?: string;
  problems: { key: string; group: string; status: string }[];
  warnings?: { summary: string; items: string[] };
  dropped?: string;
}

/** A query group's name for a reader ("Medication orders"). */
export const groupLabel = (g: QueryGroup, m: Messages): string => m.t(`availability.group.${g}`);

export function buildDataAvailabilityView(slice: AvailabilitySlice, m: Messages): DataAvailabilityView | null {
  const groups = Object.values(slice.groups);
  const problems = groups.filter((g) => g.status !== 'complete');
  const warnings = groups.flatMap((g) => g.warnings.map((w) => m.t('availability.warning', { group: groupLabel(g.group, m), text: w })));
  if (problems.length === 0 && warnings.length === 0 && slice.dropped.length === 0) return null;
  return {
    heading: m.t(problems.length > 0 ? 'availability.headingProblems' : 'availability.headingNotes'),
    ...(problems.length > 0 ? { intro: m.t('availability.intro') } : {}),
    problems: problems.map((g) => ({
      key: g.group,
      group: groupLabel(g.group, m),
      status: g.reason ? m.t('availability.statusBecause', { status: g.status, reason: g.reason }) : m.t('availability.status', { status: g.status }),
    })),
    ...(warnings.length > 0 ? { warnings: { summary: m.t('availability.warnings', { n: warnings.length }), items: warnings } } : {}),
    ...(slice.dropped.length > 0 ? { dropped: m.t('availability.dropped', { n: slice.dropped.length }) } : {}),
  };
}
