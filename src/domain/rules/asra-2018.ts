/** ASRA 2018 (4th edition) neuraxial rules, as VERIFIED in docs/clinical-reference.md 5.1; restart detail PARTIAL. */
import { ASRA_2018, ASRA_2018_PARTIAL } from './sources';
import type { CautionRule, RestartAfterRule, StopBeforeEventRule } from './ruleTypes';

const ALL_PLANNED = ['caesarean', 'induction-or-planned-birth', 'other-surgery', 'oocyte-retrieval'] as const;

export const ASRA_NEURAXIAL_PROPHYLACTIC: StopBeforeEventRule = {
  id: 'asra2018.stop-before.neuraxial-prophylactic-12h',
  version: '1.0.0',
  source: ASRA_2018,
  kind: 'stop-before-event',
  parameters: { eventClasses: ALL_PLANNED, hoursBefore: 12, doseClasses: ['prophylactic'], anchor: 'neuraxial-block' },
};

export const ASRA_NEURAXIAL_THERAPEUTIC: StopBeforeEventRule = {
  id: 'asra2018.stop-before.neuraxial-therapeutic-24h',
  version: '1.0.0',
  source: ASRA_2018,
  kind: 'stop-before-event',
  // Intermediate and unknown dose classes use the longest verified interval (24 h); the evaluator says why.
  parameters: { eventClasses: ALL_PLANNED, hoursBefore: 24, doseClasses: ['therapeutic', 'intermediate', 'unknown'], anchor: 'neuraxial-block' },
};

export const ASRA_RESTART_AFTER_CATHETER: RestartAfterRule = {
  id: 'asra2018.restart-after.catheter-removal',
  version: '1.0.0',
  source: ASRA_2018_PARTIAL,
  kind: 'restart-after',
  parameters: { after: 'neuraxial-catheter-removal', hoursAfter: null, partialHours: 4 },
};

export const ASRA_PLATELETS_BEFORE_BLOCK: CautionRule = {
  id: 'asra2018.caution.platelets-before-block',
  version: '1.0.0',
  source: ASRA_2018,
  kind: 'caution',
  parameters: { topic: 'platelets-before-block', heparinDaysOver: 4 },
};

export const ASRA_2018_RULES = [ASRA_NEURAXIAL_PROPHYLACTIC, ASRA_NEURAXIAL_THERAPEUTIC, ASRA_RESTART_AFTER_CATHETER, ASRA_PLATELETS_BEFORE_BLOCK] as const;
