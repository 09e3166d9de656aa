/**
 * OHSS from Conditions: the syndrome (present or past) kept apart from a risk of OHSS, with the severity where coded
 * (Condition.severity) or written. ICD-10-CM N98.1 is the only verified code; text is a labelled fallback.
 */
import { known, SYSTEMS, type Exclusion } from '../types';
import { codingsOf, str, textsOf } from '../events/fhirRead';
import { OHSS_ICD10, OHSS_RISK_TEXT, OHSS_TEXT, SEVERITY_SNOMED, SEVERITY_TEXT } from './ivfCodes';
import { codeMatch, firstMoment, ivfReason, refOf, textMatch, unknownBecause } from './ivfRead';
import { IVF_VIEW, type OhssRecord, type OhssSeverity } from './ivfTypes';
import { byCode, byText } from '../matchedBy';

type Res = Record<string, unknown>;

function severity(c: Res, texts: string[]): OhssRecord['severity'] {
  const coded = codingsOf(c.severity).find((x) => x.system === SYSTEMS.snomed && x.code !== undefined && SEVERITY_SNOMED[x.code] !== undefined);
  if (coded?.code) return known({ value: SEVERITY_SNOMED[coded.code]!, from: 'coded' as const, matched: byCode('SNOMED', coded.code) });
  for (const t of texts) {
    const m = SEVERITY_TEXT.exec(t);
    if (m) return known({ value: m[1]!.toLowerCase() as OhssSeverity, from: 'text' as const, matched: byText(m[0]) });
  }
  return unknownBecause('ivf.ohss-severity-not-recorded');
}

const clinicalStatusOf = (c: Res): string | undefined => codingsOf(c.clinicalStatus).find((x) => x.code !== undefined)?.code;
const verificationOf = (c: Res): string | undefined => codingsOf(c.verificationStatus).find((x) => x.code !== undefined)?.code;

export function ohssRecords(conditions: Res[], zone: string, excluded: Exclusion[]): OhssRecord[] {
  const out: OhssRecord[] = [];
  for (const c of conditions) {
    const texts = textsOf(c.code);
    const icd = codeMatch(codingsOf(c.code), SYSTEMS.icd10cm, OHSS_ICD10) ?? codeMatch(codingsOf(c.code), SYSTEMS.icd10, OHSS_ICD10);
    const match = icd ?? textMatch(texts, OHSS_TEXT);
    if (!match) continue;
    const at = firstMoment([c.onsetDateTime, c.recordedDate], zone);
    const source = refOf(c, at?.original, str((c.code as Res | undefined)?.text) ?? texts[0], match.matched);
    const verification = verificationOf(c);
    if (verification === 'entered-in-error' || verification === 'refuted') {
      excluded.push({ source, view: IVF_VIEW, reason: ivfReason('ivf.ohss-entered-in-error', { verification }) });
      continue;
    }
    const risk = textMatch(texts, OHSS_RISK_TEXT);
    out.push({
      kind: risk ? 'risk' : 'disorder',
      kindFrom: risk ? 'text' : icd ? 'code' : 'text',
      severity: severity(c, texts),
      clinicalStatus: clinicalStatusOf(c),
      verificationStatus: verification,
      atMs: at?.start,
      ...match,
      source,
    });
  }
  return out.sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0));
}
