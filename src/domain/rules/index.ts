/** Stop criteria, restart information, stop-now triggers, indications and cautions: rules as data + evaluator. */
export type * from './input';
export type * from './types';
export { PLANNED_EVENT_CLASSES, DELIVERY_EVENT_CLASSES } from './types';
