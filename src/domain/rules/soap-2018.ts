/** SOAP 2018 consensus statement: citation verified, its hour intervals not read, so only a note without numbers. */
import { SOAP_2018 } from './sources';
import type { NoteRule } from './ruleTypes';

export const SOAP_NEURAXIAL_CONSENSUS: NoteRule = {
  id: 'soap2018.note.neuraxial-consensus',
  version: '1.0.0',
  source: SOAP_2018,
  kind: 'note',
  parameters: { topic: 'neuraxial-consensus', eventClasses: ['caesarean', 'induction-or-planned-birth'] },
  wording:
    'SOAP 2018 consensus statement (guideline): pregnancy-specific advice on timing neuraxial procedures for women on thromboprophylaxis or higher-dose anticoagulants. Its intervals were not verified here and are not shown.',
};

export const SOAP_RULES = [SOAP_NEURAXIAL_CONSENSUS] as const;
