import { reason } from '../../domain/reasons';
import { describe, expect, it } from 'vitest';
import { demoRecord } from '../../../test/support/demo-record';
import { createMessages } from '../messages/translator';
import { buildDataAvailabilityView } from './dataAvailabilityViewModel';

const m = createMessages({ locale: 'en', zone: 'UTC' });

describe('buildDataAvailabilityView', () => {
  it('nothing to say when the whole record was read', async () => {
    expect(buildDataAvailabilityView(await demoRecord('third-trimester'), m)).toBeNull();
  });
  it('an unavailable group with its reason, and one dropped record in the singular', async () => {
    const r = await demoRecord('third-trimester', { statuses: { appointments: 'unavailable' } });
    const v = buildDataAvailabilityView({ ...r, dropped: [{ resourceType: 'Observation', id: 'x', reason: reason('fhir.other-patient') }] }, m)!;
    expect(v.heading).toBe('Part of the record could not be read');
    expect(v.problems).toEqual([{ key: 'appointments', groupId: 'appointments', group: 'Appointments', status: 'not available (the appointments search failed: test: appointments unavailable)', retryLabel: 'Try again: Appointments' }]);
    expect(v.dropped).toBe('1 record was left out because they do not belong to this patient (see "Records left out").');
  });

  it('groups still being read are listed as being read, not as problems', async () => {
    const r = await demoRecord('third-trimester');
    const v = buildDataAvailabilityView(r, m, ['appointments', 'encounters'])!;
    expect(v.loading).toBe('Still reading from the EHR: Appointments, Encounters.');
    expect(v.heading).toBe('Reading the record');
    expect(v.problems).toEqual([]);
  });
});
