/** Unknown is shown as unknown, with the reason: never blank, never as normal. */
import type { Reason } from '../../domain/reasons';
import type { Known } from '../../domain/types';
import { useMessages } from '../messages/MessagesProvider';
import './common.css';

export function UnknownValue({ reason, label }: { reason: Reason | string; label?: string }) {
  const m = useMessages();
  return (
    <span className="unknown-value">
      {label ?? m.t('common.unknown')}
      <span className="unknown-value__reason"> ({m.reason(reason)})</span>
    </span>
  );
}

/** Renders a Known<T>: the formatted value, or "Unknown (reason)". */
export function KnownValue<T>({ value, format }: { value: Known<T>; format: (v: T) => string }) {
  return value.known ? <>{format(value.value)}</> : <UnknownValue reason={value.reason} />;
}
