/** Thrombophilia and history facts (src/domain/findings): how a fact was read, losses, indication labels. */
import type { FindingsReasonCode } from '../../../domain/findings';

const MISCARRIAGE_RECORDS = '{n, plural, one {# miscarriage record} other {# miscarriage records}}';

const reasons = {
  'reason.findings.detail': '{first}; {rest}',
  'reason.findings.clinical-status': 'clinical status {status}',
  'reason.findings.clinical-status-missing': 'clinical status not recorded',
  'reason.findings.verification': 'verification {status}',
  'reason.findings.note.aps-snomed-partial': '{code} is PARTIAL in the reference',
  'reason.findings.recorded-as': "''{label}''",
  'reason.findings.interpretation': 'interpretation {flags}{mixed, select, true { (mixed)} other {}}',
  'reason.findings.value': "value ''{text}''",
  'reason.findings.value-uninterpretable': "value ''{text}'' not interpretable",
  'reason.findings.value-number': 'value {text} without an interpretation the app can read',
  'reason.findings.readings-disagree': 'interpretation and value disagree',
  'reason.findings.result-status': 'status {status}',
  'reason.findings.excluded.verification': 'verification status {status}',
  'reason.findings.excluded.result-status': 'status {status}',
  'reason.findings.excluded.no-value': 'no value',
  'reason.findings.losses.recurrent-coded': 'recurrent-miscarriage code recorded',
  'reason.findings.losses.records': MISCARRIAGE_RECORDS,
  'reason.findings.losses.fewer': `${MISCARRIAGE_RECORDS}; fewer than 2 losses shown in the record (not proof of fewer)`,
  'reason.findings.indication.fact': '{label} ({detail})',
  'reason.findings.indication.recurrent-miscarriage': 'Recurrent miscarriage: {basis}',
  'reason.findings.indication.ddimer-flagged': 'D-dimer {value}, flagged high by the lab',
  'reason.findings.indication.estradiol-order': 'Estradiol order: {order} (whether the dose is "high" is for the clinician)',
} as const satisfies Record<`reason.${FindingsReasonCode}`, string>;

export const findingsEn = {
  ...reasons,
  'exclusions.view.findings': 'Findings',
} as const;
