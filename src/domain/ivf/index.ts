/** IVF cycle model: cycle steps, hCG/estradiol/OHSS, pregnancy confirmation after a transfer, LMWH start, supply. */
export * from './ivfTypes';
export * from './ivfCodes';
export { ivfCycleFromRecord, type IvfOptions } from './ivfCycle';
export {
  pregnancyConfirmation,
  gestationalAgeMayBeShownAsFact,
  gestationFromTransfer,
  calendarDaysBetween,
  evidenceAfter,
  GA_AT_TRANSFER_BASE_DAYS,
  HCG_TRIGGER_WINDOW_DAYS,
  triggerBefore,
} from './pregnancyConfirmation';
export { lmwhOrdersOf, lmwhStartRelativeToProtocol, longBeforeProtocolDays, protocolAnchor } from './ivfLmwh';
export { ivfIndications, ohssIndicationFacts, ohssIndicationLabel } from './ivfIndications';
export { embryoDayFromTexts, type EmbryoDayText } from './ivfProcedures';
export { supplyCoverage } from './supply';
export { ivfRecordPart, ivfCycleInView, IVF_PANEL_MAX_WEEKS, type IvfRecordPart } from './ivfRecordPart';
export { STIMULATION_WINDOW_DAYS } from './ivfMedication';
