/**
 * Renders a section once the query groups it is built from are in; until then a short static line says it is
 * still being read (no animation runs for the whole load). Sections render from what has arrived, each on its own.
 */
import type { ReactNode } from 'react';
import { useMessages } from '../messages/MessagesProvider';
import { QUERY_GROUPS, type QueryGroup } from '../../domain/input';
import { FIRST_SCREEN_READS } from '../../domain/plan/firstScreenReads';
import './record.css';

/** Groups each section of the patient view is built from. */
export const SECTION_GROUPS = {
  summary: [
    'patient',
    'medication-requests',
    'medication-administrations',
    'medications',
    'observations-pregnancy',
    'procedures',
    'service-requests',
    'appointments',
    'encounters',
  ],
  timeline: [
    'observations-ddimer',
    'diagnostic-reports',
    'medication-requests',
    'medication-administrations',
    'medications',
    'observations-pregnancy',
    'procedures',
    'service-requests',
    'appointments',
    'encounters',
  ],
  coagulation: ['observations-coagulation', 'diagnostic-reports', 'medication-requests', 'medication-administrations', 'medications'],
  medications: ['medication-requests', 'medication-administrations', 'medication-statements', 'medication-dispenses', 'medications'],
  /** The stop-now alerts and the plan strip: every search but the lab results (its lab-based flags wait on their own). */
  firstScreen: FIRST_SCREEN_READS,
  /** Rules, indications, cautions and the note use the whole record. */
  all: QUERY_GROUPS,
} as const satisfies Record<string, readonly QueryGroup[]>;

export function SectionGate({ title, groups, loading, children }: { title: string; groups: readonly QueryGroup[]; loading: readonly QueryGroup[]; children: ReactNode }) {
  const m = useMessages();
  if (!groups.some((g) => loading.includes(g))) return <>{children}</>;
  return (
    <section className="section-loading" aria-busy="true" aria-label={title}>
      <p>{m.t('app.sectionReading', { title })}</p>
    </section>
  );
}
