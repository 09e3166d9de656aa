/**
 * RCOG Green-top 37a (2015). The stop-with-bleeding-or-labour wording and the regional-block numbers are PARTIAL-strong
 * (verbatim reproduction; primary PDF not opened): shown labelled, and no deadline is computed from an RCOG line (the
 * identical 12 h / 24 h VERIFIED numbers come from ASRA 2018). Table 3 weight bands are PARTIAL.
 */
import { RCOG_37A, RCOG_37A_PARTIAL, RCOG_37A_TABLE3 } from './sources';
import type { CautionRule, NoteRule, RestartAfterRule, StopBeforeEventRule, StopNowRule } from './types';

const ALL_PLANNED = ['caesarean', 'induction-or-planned-birth', 'other-surgery', 'oocyte-retrieval'] as const;

export const RCOG_STOP_BLEEDING_OR_LABOUR: StopNowRule = {
  id: 'rcog37a.stop-now.bleeding-or-labour',
  version: '1.0.0',
  source: RCOG_37A_PARTIAL,
  kind: 'stop-now',
  parameters: { triggers: ['genital-bleeding', 'labour-onset'] },
  wording:
    'RCOG Green-top 37a (guideline): women on antenatal LMWH are advised not to inject further LMWH if they have any vaginal bleeding or once labour begins. (Wording from a verbatim reproduction; the primary RCOG document was not opened.)',
};

export const RCOG_REGIONAL_PROPHYLACTIC: StopBeforeEventRule = {
  id: 'rcog37a.stop-before.regional-prophylactic-12h',
  version: '1.0.0',
  source: RCOG_37A_PARTIAL,
  kind: 'stop-before-event',
  parameters: { eventClasses: ALL_PLANNED, hoursBefore: 12, doseClasses: ['prophylactic'], anchor: 'neuraxial-block' },
  wording:
    'RCOG Green-top 37a (guideline) gives the same 12 h after a prophylactic dose before a regional block (wording from a verbatim reproduction; primary not opened). The computed time comes from the ASRA 2018 line.',
};

export const RCOG_REGIONAL_THERAPEUTIC: StopBeforeEventRule = {
  id: 'rcog37a.stop-before.regional-therapeutic-24h',
  version: '1.0.0',
  source: RCOG_37A_PARTIAL,
  kind: 'stop-before-event',
  parameters: { eventClasses: ALL_PLANNED, hoursBefore: 24, doseClasses: ['therapeutic', 'intermediate', 'unknown'], anchor: 'neuraxial-block' },
  wording:
    'RCOG Green-top 37a (guideline) gives the same 24 h after a therapeutic dose before a regional block (wording from a verbatim reproduction; primary not opened). The computed time comes from the ASRA 2018 line.',
};

export const RCOG_RESTART_AFTER_SPINAL_OR_CATHETER: RestartAfterRule = {
  id: 'rcog37a.restart-after.spinal-or-catheter-removal',
  version: '1.0.0',
  source: RCOG_37A_PARTIAL,
  kind: 'restart-after',
  parameters: { after: 'neuraxial-catheter-removal', hoursAfter: null, partialHours: 4 },
  wording:
    'RCOG Green-top 37a (guideline): no LMWH for 4 h after a spinal anaesthetic or after the epidural catheter is removed, and the catheter is not removed within 12 h of the last injection. (Numbers from a verbatim reproduction; primary not opened: no time is computed from them.)',
};

export const RCOG_RESTART_AFTER_DELIVERY: RestartAfterRule = {
  id: 'rcog37a.restart-after.delivery',
  version: '1.0.0',
  source: RCOG_37A_PARTIAL,
  kind: 'restart-after',
  parameters: { after: 'delivery', hoursAfter: null },
  wording:
    'RCOG Green-top 37a (guideline): the first postnatal dose as soon as possible after delivery when there is no postpartum haemorrhage and no regional anaesthesia. (Partly verified: secondary sources only.)',
};

export const RCOG_POSTNATAL_DURATION: NoteRule = {
  id: 'rcog37a.note.postnatal-duration',
  version: '1.0.0',
  source: RCOG_37A,
  kind: 'note',
  parameters: { topic: 'postnatal-duration', eventClasses: ['caesarean', 'induction-or-planned-birth'] },
  wording: 'RCOG Green-top 37a (guideline): postnatal prophylaxis for 6 weeks at high risk and 10 days at intermediate risk.',
};

export const RCOG_OHSS_RISK_FACTOR: NoteRule = {
  id: 'rcog37a.note.ohss-risk-factor',
  version: '1.0.0',
  source: RCOG_37A,
  kind: 'note',
  parameters: { topic: 'ohss-risk-factor' },
  wording:
    'RCOG Green-top 37a (guideline) lists OHSS (first trimester only) and IVF/ART as risk factors for venous thrombosis: there, LMWH is given against thrombosis, not against OHSS itself.',
};

export const RCOG_WEIGHT_BANDS: CautionRule = {
  id: 'rcog37a.caution.weight-band',
  version: '1.0.0',
  source: RCOG_37A_TABLE3,
  kind: 'caution',
  parameters: { topic: 'dose-per-kg-band', weightUsed: 'booking' },
  wording:
    'RCOG Green-top 37a Table 3 (guideline) doses prophylactic LMWH by booking weight. The bands used here come from a third-party transcription and are not verified against the primary: a difference is a prompt to check, not a verified guideline finding.',
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
