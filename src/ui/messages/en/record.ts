/** Reasons the record builder gives (`reason.record.*`). */
import type { RecordReasonCode } from '../../../domain/record';

export const recordEn = {
  'reason.record.no-current-pregnancy': 'No current pregnancy in the record.',
  'reason.record.no-booking-weight-not-pregnant': 'No current pregnancy, so no booking weight.',
} as const satisfies Record<`reason.${RecordReasonCode}`, string>;
