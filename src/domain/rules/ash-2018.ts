/** ASH 2018 (pregnancy VTE guideline): routine anti-Xa monitoring not advised (VERIFIED, conditional). */
import { ASH_2018 } from './sources';
import type { CautionRule } from './ruleTypes';

export const ASH_NO_ROUTINE_ANTI_XA: CautionRule = {
  id: 'ash2018.caution.no-routine-anti-xa',
  version: '1.0.0',
  source: ASH_2018,
  kind: 'caution',
  parameters: { topic: 'anti-xa-monitoring' },
};

export const ASH_2018_RULES = [ASH_NO_ROUTINE_ANTI_XA] as const;
