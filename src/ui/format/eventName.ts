/**
 * An event's name on screen: the record's own text as written (quoted data), else its class worded by the catalogue
 * (`reason.event.class.<class>`), so a record without text reads "Caesarean section" or "Кесарево сечение".
 */
import { classNameReason, type EventName } from '../../domain/events';
import type { Messages } from '../messages/translator';

export const eventName = (n: EventName, m: Messages): string => ('text' in n ? n.text : m.reason(classNameReason(n.class)));

/** Whether two names read the same (the same record text, or the same class without text). */
export const sameEventName = (a: EventName, b: EventName | undefined): boolean =>
  b !== undefined && ('text' in a ? 'text' in b && a.text === b.text : 'class' in b && a.class === b.class);
