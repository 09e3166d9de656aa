import { describe, expect, it } from 'vitest';
import { eventsFromRecord } from './events';
import { byCode, byText, matchParam, noMatch } from '../matchedBy';

const note = (record: string, inner: unknown) => ({ code: 'event.record-note', params: { record, note: { kind: 'reason', reason: inner } } });
const item = (reason: unknown) => ({ kind: 'reason', reason });

const SCT = 'http://snomed.info/sct';
const zone = 'Europe/Berlin';
const NOW = Date.parse('2026-09-12T08:00:00Z'); // 10:00 CEST, Saturday 12 Sep 2026
const cs = { coding: [{ system: SCT, code: '177141003', display: 'Elective cesarean section' }] };

const sr = (id: string, fields: Partial<fhir4.ServiceRequest> = {}): fhir4.ServiceRequest => ({
  resourceType: 'ServiceRequest',
  id,
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p' },
  code: cs,
  ...fields,
});
const appt = (id: string, fields: Partial<fhir4.Appointment> = {}): fhir4.Appointment => ({
  resourceType: 'Appointment',
  id,
  status: 'booked',
  participant: [{ status: 'accepted', actor: { reference: 'Patient/p' } }],
  serviceType: [cs],
  ...fields,
});
const proc = (id: string, fields: Partial<fhir4.Procedure> = {}): fhir4.Procedure => ({
  resourceType: 'Procedure',
  id,
  status: 'preparation',
  subject: { reference: 'Patient/p' },
  code: cs,
  ...fields,
});

describe('one event recorded three ways', () => {
  const resources = [
    sr('sr1', { occurrenceDateTime: '2026-10-05T08:00:00+02:00' }),
    appt('ap1', { start: '2026-10-05T07:30:00+02:00', basedOn: [{ reference: 'ServiceRequest/sr1' }] }),
    proc('pr1', { performedDateTime: '2026-10-05T09:00:00+02:00', basedOn: [{ reference: 'https://ehr.example/fhir/ServiceRequest/sr1/_history/2' }] }),
  ];
  it('ServiceRequest + Appointment + Procedure (basedOn) collapse to one planned caesarean', () => {
    const { planned, past, exclusions } = eventsFromRecord(resources, NOW, zone);
    expect(past).toEqual([]);
    expect(exclusions).toEqual([]);
    expect(planned).toHaveLength(1);
    const e = planned[0]!;
    expect(e.class).toBe('caesarean');
    expect(e.planned).toBe(true);
    expect(e.id).toBe('event:Appointment/ap1');
    expect(e.sources.map((s) => `${s.resourceType}/${s.id}`)).toEqual(['Appointment/ap1', 'Procedure/pr1', 'ServiceRequest/sr1']);
  });
  it('the earliest time wins and the record that gave it is named', () => {
    const e = eventsFromRecord(resources, NOW, zone).planned[0]!;
    expect(e.when?.start).toBe(Date.parse('2026-10-05T05:30:00Z'));
    expect(e.timeSource?.id).toBe('ap1');
    expect(e.when?.offset).toBe('explicit');
    expect(e.notes).toEqual([]); // all on the same day
  });
  it('the same records in another order give the same event id', () => {
    expect(eventsFromRecord([...resources].reverse(), NOW, zone).planned[0]!.id).toBe('event:Appointment/ap1');
  });
  it('records on different days are noted, the earliest used', () => {
    const e = eventsFromRecord([sr('sr1', { occurrenceDateTime: '2026-10-06' }), appt('ap1', { start: '2026-10-05T07:30:00+02:00', basedOn: [{ reference: 'ServiceRequest/sr1' }] })], NOW, zone).planned[0]!;
    expect(e.timeSource?.id).toBe('ap1');
    expect(e.notes).toEqual([
      {
        code: 'event.dates-disagree',
        params: {
          records: {
            kind: 'list',
            items: [
              item({ code: 'event.record-date', params: { record: 'Appointment/ap1', when: { kind: 'instant', ms: Date.parse('2026-10-05T05:30:00Z') } } }),
              item({ code: 'event.record-date', params: { record: 'ServiceRequest/sr1', when: { kind: 'date', ms: Date.parse('2026-10-05T22:00:00Z') } } }),
            ],
          },
        },
      },
    ]);
  });
  it('a planned Encounter linked to the Appointment joins the same event', () => {
    const enc: fhir4.Encounter = {
      resourceType: 'Encounter',
      id: 'en1',
      status: 'planned',
      class: { code: 'IMP' },
      type: [{ text: 'Elective caesarean admission' }],
      appointment: [{ reference: 'Appointment/ap1' }],
      period: { start: '2026-10-05T06:00:00+02:00' },
    };
    const { planned } = eventsFromRecord([...resources, enc], NOW, zone);
    expect(planned).toHaveLength(1);
    expect(planned[0]!.timeSource?.id).toBe('en1');
    expect(planned[0]!.recognisedBy).toBe('snomed'); // codes beat the encounter's text
  });
});

describe('dates keep their precision and whether the offset was assumed', () => {
  it('a date-only Procedure in preparation is a day in the facility zone, offset assumed', () => {
    const e = eventsFromRecord([proc('p', { performedDateTime: '2026-10-05' })], NOW, zone).planned[0]!;
    expect(e.when).toMatchObject({ original: '2026-10-05', precision: 'day', offset: 'assumed', zone, start: Date.parse('2026-10-04T22:00:00Z') });
    expect(e.timeSource?.date).toBe('2026-10-05');
  });
  it('a date-time without an offset is read in the facility zone and marked assumed', () => {
    const e = eventsFromRecord([appt('a', { start: '2026-10-05T08:00:00' })], NOW, zone).planned[0]!;
    expect(e.when).toMatchObject({ precision: 'second', offset: 'assumed', start: Date.parse('2026-10-05T06:00:00Z') });
  });
  it('a date that cannot be read is "date not set" with a note, never a guess', () => {
    const e = eventsFromRecord([sr('s', { occurrenceDateTime: '05/10/2026' })], NOW, zone).planned[0]!;
    expect(e.when).toBeUndefined();
    expect(e.timing).toBe('date-not-set');
    expect(e.notes).toEqual([note('ServiceRequest/s', { code: 'event.date-not-readable', params: { written: '05/10/2026' } })]);
  });
  it('ServiceRequest occurrencePeriod.start and the first occurrenceTiming event are used', () => {
    const a = eventsFromRecord([sr('a', { occurrencePeriod: { start: '2026-10-07', end: '2026-10-09' } })], NOW, zone).planned[0]!;
    const b = eventsFromRecord([sr('b', { occurrenceTiming: { event: ['2026-10-12T09:00:00Z', '2026-10-08T09:00:00Z'] } })], NOW, zone).planned[0]!;
    expect(a.when?.original).toBe('2026-10-07');
    expect(b.when?.original).toBe('2026-10-08T09:00:00Z');
  });
});

describe('statuses', () => {
  it('a ServiceRequest in draft without a date is listed as "date not set"', () => {
    const { planned } = eventsFromRecord([sr('d', { status: 'draft', code: { text: 'Induction of labour' } })], NOW, zone);
    expect(planned.map((e) => [e.class, e.timing, e.when, e.recognisedBy, e.matched])).toEqual([
      ['induction-or-planned-birth', 'date-not-set', undefined, 'text', byText('Induction')],
    ]);
  });
  it.each([
    ['cancelled Appointment', appt('x', { status: 'cancelled', start: '2026-10-05T08:00:00Z' }), { code: 'event.status.cancelled', params: { status: 'cancelled' } }],
    ['no-show Appointment', appt('x', { status: 'noshow', start: '2026-09-01T08:00:00Z' }), { code: 'event.status.noshow', params: { status: 'noshow' } }],
    ['revoked ServiceRequest', sr('x', { status: 'revoked' }), { code: 'event.status.revoked', params: { status: 'revoked' } }],
    ['entered-in-error Procedure', proc('x', { status: 'entered-in-error' }), { code: 'event.status.entered-in-error', params: { status: 'entered-in-error' } }],
    ['not-done Procedure', proc('x', { status: 'not-done' }), { code: 'event.status.not-done', params: { status: 'not-done' } }],
    ['"do not perform" order', sr('x', { doNotPerform: true }), { code: 'event.do-not-perform' }],
    ['order on hold', sr('x', { status: 'on-hold' }), { code: 'event.on-hold' }],
  ])('a %s is excluded with an Exclusion', (_name, resource, reason) => {
    const r = eventsFromRecord([resource], NOW, zone);
    expect(r.planned).toEqual([]);
    expect(r.past).toEqual([]);
    expect(r.exclusions).toEqual([expect.objectContaining({ view: 'event.planned', reason, source: expect.objectContaining({ id: 'x' }) })]);
  });
  it('a cancelled Appointment does not cancel the ServiceRequest it was based on', () => {
    const r = eventsFromRecord([sr('s', { occurrenceDateTime: '2026-10-05' }), appt('a', { status: 'cancelled', basedOn: [{ reference: 'ServiceRequest/s' }] })], NOW, zone);
    expect(r.planned.map((e) => e.sources.map((s) => s.id))).toEqual([['s']]);
    expect(r.exclusions).toHaveLength(1);
  });
  it.each(['proposed', 'pending', 'booked', 'arrived', 'checked-in'] as const)('an Appointment %s is planned', (status) => {
    expect(eventsFromRecord([appt('a', { status, start: '2026-10-05T08:00:00Z' })], NOW, zone).planned).toHaveLength(1);
  });
  it.each(['fulfilled', 'waitlist'] as const)('an Appointment %s is not a planned event', (status) => {
    expect(eventsFromRecord([appt('a', { status, start: '2026-10-05T08:00:00Z' })], NOW, zone).planned).toEqual([]);
  });
  it('a Procedure in progress with a future start is planned; one already started is past', () => {
    const r = eventsFromRecord(
      [proc('future', { status: 'in-progress', performedDateTime: '2026-09-12T12:00:00+02:00' }), proc('started', { status: 'in-progress', performedDateTime: '2026-09-12T09:00:00+02:00' })],
      NOW,
      zone,
    );
    expect(r.planned.map((e) => e.id)).toEqual(['event:Procedure/future']);
    expect(r.past.map((e) => e.id)).toEqual(['event:Procedure/started']);
  });
  it('a completed Procedure based on the order makes the event past', () => {
    const r = eventsFromRecord([sr('s', { occurrenceDateTime: '2026-09-01' }), proc('p', { status: 'completed', performedDateTime: '2026-09-02T09:00:00+02:00', basedOn: [{ reference: 'ServiceRequest/s' }] })], NOW, zone);
    expect(r.planned).toEqual([]);
    expect(r.past.map((e) => [e.class, e.timeSource?.id, e.planned])).toEqual([['caesarean', 'p', false]]);
  });
});

describe('sorting and timing', () => {
  it('today and future first (ascending), then date not set, then planned dates already passed', () => {
    const r = eventsFromRecord(
      [
        sr('nodate', { code: { text: 'Hysteroscopy' } }),
        appt('past', { start: '2026-08-20T08:00:00+02:00' }),
        appt('today-early', { start: '2026-09-12T08:00:00+02:00' }),
        appt('later', { start: '2026-10-01T08:00:00+02:00' }),
        appt('older', { start: '2026-08-01T08:00:00+02:00' }),
      ],
      NOW,
      zone,
    );
    expect(r.planned.map((e) => [e.sources[0]!.id, e.timing])).toEqual([
      ['today-early', 'future-or-today'],
      ['later', 'future-or-today'],
      ['nodate', 'date-not-set'],
      ['past', 'past-date'],
      ['older', 'past-date'],
    ]);
    expect(r.planned[3]!.notes).toEqual([{ code: 'event.planned-date-passed', params: { when: { kind: 'instant', ms: Date.parse('2026-08-20T06:00:00Z') } } }]);
  });
});

describe('classification of planned and past events', () => {
  it('a planned vaginal delivery is an induction or planned birth; a past one is a delivery', () => {
    const code = { coding: [{ system: SCT, code: '289259007' }] };
    expect(eventsFromRecord([proc('p', { code, performedDateTime: '2026-10-01' })], NOW, zone).planned[0]!.class).toBe('induction-or-planned-birth');
    expect(eventsFromRecord([proc('p', { code, status: 'completed', performedDateTime: '2024-10-01' })], NOW, zone).past[0]!.class).toBe('delivery');
  });
  it('an unrecognised planned procedure is "other", never a known class', () => {
    const e = eventsFromRecord([sr('s', { code: { coding: [{ system: SCT, code: '80146002' }], text: 'Appendectomy' } })], NOW, zone).planned[0]!;
    expect([e.class, e.recognisedBy, e.matched, e.name]).toEqual(['other', 'unrecognised', noMatch({ system: SCT, code: '80146002' }), { text: 'Appendectomy' }]);
  });
  it('an unrecognised completed procedure is not listed among past events', () => {
    expect(eventsFromRecord([proc('p', { status: 'completed', code: { text: 'Medication reconciliation' }, performedDateTime: '2025-01-01' })], NOW, zone).past).toEqual([]);
  });
  it('a D-dimer order (LOINC) is a test, not a planned procedure', () => {
    const lab = sr('lab', { code: { coding: [{ system: 'http://loinc.org', code: '55398-2' }] }, occurrenceDateTime: '2026-10-01' });
    expect(eventsFromRecord([lab], NOW, zone)).toEqual({ planned: [], past: [], exclusions: [] });
  });
  it('records that disagree on the kind of event keep the most consequential and say so', () => {
    const e = eventsFromRecord([sr('s', { code: { coding: [{ system: SCT, code: '236958009' }] } }), appt('a', { basedOn: [{ reference: 'ServiceRequest/s' }] })], NOW, zone).planned[0]!;
    expect(e.class).toBe('caesarean');
    expect(e.notes[0]).toEqual({
      code: 'event.classes-disagree',
      params: {
        records: {
          kind: 'list',
          items: [
            item({ code: 'event.record-class', params: { record: 'Appointment/a', cls: item({ code: 'event.class.caesarean' }), matched: matchParam(byCode('SNOMED', '177141003')) } }),
            item({ code: 'event.record-class', params: { record: 'ServiceRequest/s', cls: item({ code: 'event.class.induction-or-planned-birth' }), matched: matchParam(byCode('SNOMED', '236958009')) } }),
          ],
        },
      },
    });
  });
  it('IVF procedures appear in the timeline: a past oocyte retrieval and a planned frozen embryo transfer', () => {
    const r = eventsFromRecord(
      [
        proc('opu', { status: 'completed', code: { coding: [{ system: SCT, code: '177042008' }] }, performedDateTime: '2026-04-20' }),
        appt('fet', { serviceType: [{ text: 'Frozen embryo transfer' }], start: '2026-09-20T09:00:00+02:00' }),
      ],
      NOW,
      zone,
    );
    expect(r.past.map((e) => e.class)).toEqual(['oocyte-retrieval']);
    expect(r.planned.map((e) => [e.class, e.recognisedBy])).toEqual([['embryo-transfer', 'text']]);
  });
});

describe('public fixture shapes', () => {
  it('Synthea: Procedure 11466000 with performedPeriod is a past caesarean', () => {
    const synthea = {
      resourceType: 'Procedure',
      id: '7e0b3c1a',
      status: 'completed',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '11466000', display: 'Cesarean section' }], text: 'Cesarean section' },
      subject: { reference: 'urn:uuid:5cbc121b' },
      encounter: { reference: 'urn:uuid:0b2e' },
      performedPeriod: { start: '2019-06-20T10:12:44-04:00', end: '2019-06-20T11:12:44-04:00' },
    };
    const r = eventsFromRecord([synthea], NOW, zone);
    expect(r.past.map((e) => [e.class, e.recognisedBy, e.matched, e.name, e.when?.start])).toEqual([
      ['caesarean', 'snomed', byCode('SNOMED', '11466000'), { text: 'Cesarean section' }, Date.parse('2019-06-20T14:12:44Z')],
    ]);
  });
  it('eCQM CMS334: ICD-10-PCS 10D00Z1 with performedDateTime is a past caesarean', () => {
    const ecqm = {
      resourceType: 'Procedure',
      id: 'cms334-cs',
      status: 'completed',
      code: { coding: [{ system: 'http://www.cms.gov/Medicare/Coding/ICD10', code: '10D00Z1', display: 'Extraction of Products of Conception, Low, Open Approach' }] },
      subject: { reference: 'Patient/numer-pos' },
      performedDateTime: '2026-03-10T08:00:00.000Z',
    };
    const r = eventsFromRecord([ecqm], NOW, zone);
    expect(r.past.map((e) => [e.class, e.recognisedBy, e.matched])).toEqual([['caesarean', 'icd10', byCode('ICD-10-PCS', '10D00Z1')]]);
  });
});

describe('event names', () => {
  it('a record with only a code (no text, no display) is named by its class, not by an English label', () => {
    const sr = { resourceType: 'ServiceRequest', id: 'sr-code-only', status: 'active', intent: 'order', code: { coding: [{ system: SCT, code: '177141003' }] }, occurrenceDateTime: '2026-09-20T08:00:00+02:00' };
    const [e] = eventsFromRecord([sr], NOW, zone).planned;
    expect(e?.class).toBe('caesarean');
    expect(e?.name).toEqual({ class: 'caesarean' });
  });
  it("a record's display is its name, as written", () => {
    const sr = { resourceType: 'ServiceRequest', id: 'sr-display', status: 'active', intent: 'order', code: cs, occurrenceDateTime: '2026-09-20T08:00:00+02:00' };
    expect(eventsFromRecord([sr], NOW, zone).planned[0]?.name).toEqual({ text: 'Elective cesarean section' });
  });
});

