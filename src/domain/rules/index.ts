/** Stop criteria, restart information, stop-now triggers, indications and cautions: rules as data + evaluator. */
export type * from './context';
export type * from './ruleTypes';
export { PLANNED_EVENT_CLASSES, DELIVERY_EVENT_CLASSES } from './ruleTypes';
export { ALL_RULES, ruleById, numbersUsable } from './registry';
export { OMITTED_ITEMS, type OmittedItem } from './omitted';
export { RCOG_TABLE3_PROPHYLACTIC, RCOG_TABLE3_INTERMEDIATE_50_90, type WeightBand } from './rcog-37a';
export { eventAnchor, type Anchor } from './ruleCommon';
export { evaluateEvent, eventCards, eddInfoCard, aggregateStatus, readOrder, ordersForEvent } from './evaluate-event';
export { stopNowTriggers, indications, cautions, currentPregnancyWindow } from './alerts';
