/**
 * Partial data is said, never hidden: every query group that is incomplete or unavailable is listed with its reason,
 * with the server's own warnings and the records dropped because they belong to another patient.
 */
import type { ClinicalRecord } from '../../domain/record';
import type { QueryGroup } from '../../domain/input';
import './record.css';

const GROUP_LABELS: Record<QueryGroup, string> = {
  patient: 'Patient details',
  'observations-ddimer': 'D-dimer results',
  'observations-coagulation': 'Coagulation and safety labs',
  'observations-weight': 'Body weight',
  'observations-pregnancy': 'Pregnancy dating',
  'observations-findings': 'Thrombophilia work-up',
  'diagnostic-reports': 'Lab reports',
  'medication-requests': 'Medication orders',
  'medication-administrations': 'Doses given',
  'medication-statements': 'Medications reported',
  'medication-dispenses': 'Medications dispensed',
  medications: 'Medication details',
  procedures: 'Procedures',
  'service-requests': 'Service requests (planned procedures)',
  appointments: 'Appointments',
  encounters: 'Encounters',
  conditions: 'Conditions',
  allergies: 'Allergies',
};

export const groupLabel = (g: QueryGroup): string => GROUP_LABELS[g];

export interface DataAvailabilityProps {
  record: ClinicalRecord;
  /** Groups still being read: listed as such, not as problems. */
  loadingGroups?: readonly QueryGroup[];
  /** Reads one group again; each problem gets a "Try again" button when given. */
  onRetry?: (group: QueryGroup) => void;
}

/** A banner listing what could not be read completely; nothing when the whole record was read. */
export function DataAvailability({ record, loadingGroups = [], onRetry }: DataAvailabilityProps) {
  const groups = Object.values(record.groups);
  const problems = groups.filter((g) => g.status !== 'complete' && !loadingGroups.includes(g.group));
  const warnings = groups.flatMap((g) => g.warnings.map((w) => ({ group: g.group, text: w })));
  if (problems.length === 0 && warnings.length === 0 && record.dropped.length === 0 && loadingGroups.length === 0) return null;
  return (
    <section className="data-availability" aria-labelledby="data-availability-heading">
      {loadingGroups.length > 0 && (
        <p role="status" className="data-availability__loading">
          Still reading from the EHR: {loadingGroups.map(groupLabel).join(', ')}.
        </p>
      )}
      <h2 id="data-availability-heading">{problems.length > 0 ? 'Part of the record could not be read' : loadingGroups.length > 0 ? 'Reading the record' : 'Notes on the record'}</h2>
      {problems.length > 0 && (
        <>
          <p>What is shown below may be incomplete. A missing item here means "not known", not "none".</p>
          <ul>
            {problems.map((g) => (
              <li key={g.group}>
                <strong>{groupLabel(g.group)}</strong>: {g.status === 'unavailable' ? 'not available' : 'incomplete'}
                {g.reason ? ` (${g.reason})` : ''}
                {onRetry && (
                  <button type="button" className="button data-availability__retry no-print" aria-label={`Try again: ${groupLabel(g.group)}`} onClick={() => onRetry(g.group)}>
                    Try again
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>Messages from the EHR ({warnings.length})</summary>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>
                {groupLabel(w.group)}: {w.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      {record.dropped.length > 0 && (
        <p>
          {record.dropped.length} record{record.dropped.length === 1 ? ' was' : 's were'} left out because they do not belong to this patient (see
          "Records left out").
        </p>
      )}
    </section>
  );
}
