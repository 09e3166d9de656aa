/** Small builders for the rules tests (not used by production code). Dates are fixed, never the machine's day. */
import { parseFhirDate } from '../../src/domain/time';
import type { RuleContext, RuleDose, RuleEvent, RuleOrder } from '../../src/domain/rules/context';
import type { SourceRef } from '../../src/domain/types';
import type { Reason, ReasonParam } from '../../src/domain/reasons';

export const ref = (resourceType: string, id: string, original?: string): SourceRef => (original ? { resourceType, id, original } : { resourceType, id });

export const ms = (iso: string): number => Date.parse(iso);

export function event(cls: RuleEvent['class'], when: string | undefined, zone = 'UTC', extra: Partial<RuleEvent> = {}): RuleEvent {
  const m = when === undefined ? undefined : parseFhirDate(when, zone);
  const e: RuleEvent = { id: `ev-${cls}`, class: cls, name: cls === 'caesarean' ? { text: 'Elective caesarean section' } : { class: cls }, sources: [ref('ServiceRequest', `sr-${cls}`)], ...extra };
  if (m) e.when = m;
  return e;
}

/** "Enoxaparin 40 mg SC every 24 h" as the record module describes it. */
export const ORDER_DESCRIPTION: Reason = {
  code: 'order.summary',
  params: {
    drug: { kind: 'reason', reason: { code: 'drug.enoxaparin' } },
    hasDose: true,
    dose: 40,
    unit: { kind: 'unit', code: 'mg' },
    perKg: false,
    route: 'subcutaneous',
    hasFrequency: true,
    interval: 24,
  },
};

/** An order's description as the record module gives it (`order.summary`), given subcutaneous. */
export function orderDescription(drug: string, dose: number, unit: 'mg' | 'IU', intervalHours?: number): Reason {
  return {
    code: 'order.summary',
    params: {
      drug: { kind: 'reason', reason: { code: `drug.${drug}` } },
      hasDose: true,
      dose,
      unit: { kind: 'unit', code: unit === 'IU' ? '[IU]' : unit },
      perKg: false,
      route: 'subcutaneous',
      hasFrequency: intervalHours !== undefined,
      interval: intervalHours ?? null,
    },
  };
}

export function order(extra: Partial<RuleOrder> = {}): RuleOrder {
  return {
    id: 'mr-1',
    drug: { code: 'drug.enoxaparin' },
    drugClass: 'lmwh',
    ingredient: 'enoxaparin',
    isOrder: true,
    status: 'active',
    startMs: ms('2026-01-10T09:00:00Z'),
    endMs: undefined,
    onHold: false,
    doseClass: 'prophylactic',
    doseClassReason: { code: 'med.regimen', params: { value: 40, unit: 'mg', perKg: false, intervalHours: 24 } },
    dailyDose: { value: 40, unit: 'mg' },
    description: ORDER_DESCRIPTION,
    source: ref('MedicationRequest', 'mr-1', 'Enoxaparin 40 mg SC once daily'),
    ...extra,
  };
}

export function dose(atIso: string, extra: Partial<RuleDose> = {}): RuleDose {
  return { drug: { code: 'drug.enoxaparin' }, atMs: ms(atIso), kind: 'administered', source: ref('MedicationAdministration', `ma-${atIso}`), ...extra };
}

export function context(extra: Partial<RuleContext> = {}): RuleContext {
  return {
    nowMs: ms('2026-03-20T09:00:00Z'),
    zone: 'UTC',
    events: [],
    orders: [],
    doses: [],
    medicationsComplete: true,
    bleeding: [],
    indicationFacts: [],
    aspirin: [],
    heparinAllergyOrHit: [],
    allergiesComplete: true,
    ...extra,
  };
}

/** Every code in a reason and the reasons nested in its parameters (what a test asserts instead of words). */
export function reasonCodes(r: Reason | undefined): string[] {
  if (!r) return [];
  const out = [r.code];
  const visit = (p: ReasonParam): void => {
    if (p === null || typeof p !== 'object') return;
    if (p.kind === 'reason') out.push(...reasonCodes(p.reason));
    else if (p.kind === 'list') p.items.forEach(visit);
  };
  Object.values(r.params ?? {}).forEach(visit);
  return out;
}

/** The plain parameter values of a reason and of the reasons nested in it (strings and numbers as given). */
export function reasonValues(r: Reason | undefined): (string | number | boolean)[] {
  if (!r) return [];
  const out: (string | number | boolean)[] = [];
  const visit = (p: ReasonParam): void => {
    if (p === null || p === undefined) return;
    if (typeof p !== 'object') return void out.push(p);
    if (p.kind === 'reason') out.push(...reasonValues(p.reason));
    else if (p.kind === 'list') p.items.forEach(visit);
  };
  Object.values(r.params ?? {}).forEach(visit);
  return out;
}
