/** Test support: worklist rows built by hand (for ranking, filtering and view-model tests). */
import type { WorklistRow } from '../../src/domain/worklist';

export const ROW_NOW = Date.UTC(2026, 10, 25, 9, 0);
const H = 3_600_000;

export function row(id: string, over: Partial<WorklistRow> & { deadlineInHours?: number; eventInHours?: number } = {}): WorklistRow {
  const { deadlineInHours, eventInHours, ...rest } = over;
  return {
    patientId: id,
    name: `Patient ${id}`,
    birthDate: '1990-01-01',
    ageYears: 36,
    stage: { code: 'pregnant', gaDays: 250 },
    lmwh: { drug: 'enoxaparin', dose: { value: 40, unit: 'mg', perKg: false }, intervalHours: 24, doseClass: 'prophylactic', activeOrders: 1, activeKnown: true, source: { resourceType: 'MedicationRequest', id: `${id}-mr` } },
    lmwhSearchComplete: true,
    lmwhOrdersFound: 1,
    nextEvent: eventInHours === undefined ? undefined : { class: 'caesarean', name: { class: 'caesarean' }, atMs: ROW_NOW + eventInHours * H, source: { resourceType: 'ServiceRequest', id: `${id}-sr` } },
    deadline:
      deadlineInHours === undefined
        ? undefined
        : { atMs: ROW_NOW + deadlineInHours * H, ruleId: 'asra2018.stop.prophylactic', ruleSource: 'ASRA 2018', status: 'stop-not-documented', eventName: { class: 'caesarean' }, eventClass: 'caesarean' },
    statusWithoutDeadline: undefined,
    ddimer: undefined,
    flags: [],
    ...rest,
  };
}
