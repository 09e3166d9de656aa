/** Unknown is shown as unknown, with the reason: never blank, never as normal. */
import type { Known } from '../../domain/types';
import './common.css';

export function UnknownValue({ reason, label = 'Unknown' }: { reason: string; label?: string }) {
  return (
    <span className="unknown-value">
      {label}
      <span className="unknown-value__reason"> ({reason})</span>
    </span>
  );
}

/** Renders a Known<T>: the formatted value, or "Unknown (reason)". */
export function KnownValue<T>({ value, format }: { value: Known<T>; format: (v: T) => string }) {
  return value.known ? <>{format(value.value)}</> : <UnknownValue reason={value.reason} />;
}
