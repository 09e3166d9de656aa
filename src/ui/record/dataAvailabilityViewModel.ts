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
  /** "Still reading from the EHR: D-dimer results, Appointments." while groups are being read. */
  loading?: string;
  heading: string;
  intro?: string;
  problems: { key: string; group: string; status: string; retryLabel: string; groupId: QueryGroup }[];
  warnings?: { summary: string; items: string[] };
  dropped?: string;
}

/** A query group's name for a reader ("Medication orders"). */
export const groupLabel = (g: QueryGroup, m: Messages): string => m.t(`availability.group.${g}`);

/** Groups still being read are listed as such, not as problems. */
export function buildDataAvailabilityView(slice: AvailabilitySlice, m: Messages, loadingGroups: readonly QueryGroup[] = []): DataAvailabilityView | null {
  const groups = Object.values(slice.groups);
  const problems = groups.filter((g) => g.status !== 'complete' && !loadingGroups.includes(g.group));
  const warnings = groups.flatMap((g) => g.warnings.map((w) => m.t('availability.warning', { group: groupLabel(g.group, m), text: w })));
  if (problems.length === 0 && warnings.length === 0 && slice.dropped.length === 0 && loadingGroups.length === 0) return null;
  return {
    ...(loadingGroups.length > 0 ? { loading: m.t('availability.stillReading', { parts: loadingGroups.map((g) => groupLabel(g, m)).join(m.t('common.listSeparator')) }) } : {}),
    heading: m.t(problems.length > 0 ? 'availability.headingProblems' : loadingGroups.length > 0 ? 'availability.headingReading' : 'availability.headingNotes'),
    ...(problems.length > 0 ? { intro: m.t('availability.intro') } : {}),
    problems: problems.map((g) => ({
      key: g.group,
      groupId: g.group,
      group: groupLabel(g.group, m),
      retryLabel: m.t('availability.retryPart', { part: groupLabel(g.group, m) }),
      status: g.reason ? m.t('availability.statusBecause', { status: g.status, reason: m.reason(g.reason) }) : m.t('availability.status', { status: g.status }),
    })),
    ...(warnings.length > 0 ? { warnings: { summary: m.t('availability.warnings', { n: warnings.length }), items: warnings } } : {}),
    ...(slice.dropped.length > 0 ? { dropped: m.t('availability.dropped', { n: slice.dropped.length }) } : {}),
  };
}
