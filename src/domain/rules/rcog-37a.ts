/**
 * RCOG Green-top 37a (2015). The stop-with-bleeding-or-labour wording and the regional-block numbers are PARTIAL-strong
 * (verbatim reproduction; primary PDF not opened): shown labelled, and no deadline is computed from an RCOG line (the
 * identical 12 h / 24 h VERIFIED numbers come from ASRA 2018). Table 3 weight bands are PARTIAL.
 */
import { RCOG_37A, RCOG_37A_PARTIAL, RCOG_37A_TABLE3 } from './sources';
import type { CautionRule, NoteRule, RestartAfterRule, StopBeforeEventRule, StopNowRule } from './ruleTypes';

const ALL_PLANNED = ['caesarean', 'induction-or-planned-birth', 'other-surgery', 'oocyte-retrieval'] as const;

export const RCOG_STOP_BLEEDING_OR_LABOUR: StopNowRule = {
  id: 'rcog37a.stop-now.bleeding-or-labour',
  version: '1.0.0',
  source: RCOG_37A_PARTIAL,
  kind: 'stop-now',
  parameters: { triggers: ['genital-bleeding', 'labour-onset'] },
};

export const RCOG_REGIONAL_PROPHYLACTIC: StopBeforeEventRule = {
  id: 'rcog37a.stop-before.regional-prophylactic-12h',
  version: '1.0.0',
  source: RCOG_37A_PARTIAL,
  kind: 'stop-before-event',
  parameters: { eventClasses: ALL_PLANNED, hoursBefore: 12, doseClasses: ['prophylactic'], anchor: 'neuraxial-block' },
};

export const RCOG_REGIONAL_THERAPEUTIC: StopBeforeEventRule = {
  id: 'rcog37a.stop-before.regional-therapeutic-24h',
  version: '1.0.0',
  source: RCOG_37A_PARTIAL,
  kind: 'stop-before-event',
  parameters: { eventClasses: ALL_PLANNED, hoursBefore: 24, doseClasses: ['therapeutic', 'intermediate', 'unknown'], anchor: 'neuraxial-block' },
};

export const RCOG_RESTART_AFTER_SPINAL_OR_CATHETER: RestartAfterRule = {
  id: 'rcog37a.restart-after.spinal-or-catheter-removal',
  version: '1.0.0',
  source: RCOG_37A_PARTIAL,
  kind: 'restart-after',
  parameters: { after: 'neuraxial-catheter-removal', hoursAfter: null, partialHours: 4 },
};

export const RCOG_RESTART_AFTER_DELIVERY: RestartAfterRule = {
  id: 'rcog37a.restart-after.delivery',
  version: '1.0.0',
  source: RCOG_37A_PARTIAL,
  kind: 'restart-after',
  parameters: { after: 'delivery', hoursAfter: null },
};

export const RCOG_POSTNATAL_DURATION: NoteRule = {
  id: 'rcog37a.note.postnatal-duration',
  version: '1.0.0',
  source: RCOG_37A,
  kind: 'note',
  parameters: { topic: 'postnatal-duration', eventClasses: ['caesarean', 'induction-or-planned-birth'] },
};

export const RCOG_OHSS_RISK_FACTOR: NoteRule = {
  id: 'rcog37a.note.ohss-risk-factor',
  version: '1.0.0',
  source: RCOG_37A,
  kind: 'note',
  parameters: { topic: 'ohss-risk-factor' },
};

export const RCOG_WEIGHT_BANDS: CautionRule = {
  id: 'rcog37a.caution.weight-band',
  version: '1.0.0',
  source: RCOG_37A_TABLE3,
  kind: 'caution',
  parameters: { topic: 'dose-per-kg-band', weightUsed: 'booking' },
};

export const RCOG_37A_RULES = [
  RCOG_STOP_BLEEDING_OR_LABOUR,
  RCOG_REGIONAL_PROPHYLACTIC,
  RCOG_REGIONAL_THERAPEUTIC,
  RCOG_RESTART_AFTER_SPINAL_OR_CATHETER,
  RCOG_RESTART_AFTER_DELIVERY,
  RCOG_POSTNATAL_DURATION,
  RCOG_OHSS_RISK_FACTOR,
  RCOG_WEIGHT_BANDS,
] as const;

/**
 * Table 3 lives once, in the medication domain (one band type, one `bandFor`), so the weight-band caution and the dose
 * class always place a weight in the same band.
 */
export { bandFor, bandDailyDose, RCOG_TABLE3_PROPHYLACTIC, RCOG_TABLE3_INTERMEDIATE_50_90, type WeightBand, type WeightBandId } from '../medication/rcogTable3';
