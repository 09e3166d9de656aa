/** Unknown is shown as unknown, with the reason: never blank, never as normal. */
import type { Reason } from '../../domain/reasons';
import type { Known } from '../../domain/types';
import { useMessages } from '../messages/MessagesProvider';
import './common.css';

/**
 * `reason` is the domain's reason code, worded here; `reasonText` is a reason a view model has already worded from
 * the catalogue.
 */
export function UnknownValue(props: { label?: string } & ({ reason: Reason; reasonText?: undefined } | { reasonText: string; reason?: undefined })) {
  const m = useMessages();
  return (
    <span className="unknown-value">
      {props.label ?? m.t('common.unknown')}
      <span className="unknown-value__reason"> ({props.reasonText ?? m.reason(props.reason)})</span>
    </span>
  );
}

/** Renders a Known<T>: the formatted value, or "Unknown (reason)". */
export function KnownValue<T>({ value, format }: { value: Known<T>; format: (v: T) => string }) {
  return value.known ? <>{format(value.value)}</> : <UnknownValue reason={value.reason} />;
}
