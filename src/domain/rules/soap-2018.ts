/** SOAP 2018 consensus statement: citation verified, its hour intervals not read, so only a note without numbers. */
import { SOAP_2018 } from './sources';
import type { NoteRule } from './ruleTypes';

export const SOAP_NEURAXIAL_CONSENSUS: NoteRule = {
  id: 'soap2018.note.neuraxial-consensus',
  version: '1.0.0',
  source: SOAP_2018,
  kind: 'note',
  parameters: { topic: 'neuraxial-consensus', eventClasses: ['caesarean', 'induction-or-planned-birth'] },
};

export const SOAP_RULES = [SOAP_NEURAXIAL_CONSENSUS] as const;
