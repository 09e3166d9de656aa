/** Classifies a procedure-like record (codes first, labelled text fallback) into an EventClass. */
import { SYSTEMS } from '../types';
import { findCode, type SimpleCoding } from './fhirRead';
import type { EventClass, EventRecognisedBy } from './eventTypes';
import { HCG_CODES, HCG_TEST_TEXT } from '../ivf/ivfCodes';
import { byCode, byText, noMatch, type MatchedBy } from '../matchedBy';

/** A planned pregnancy test after an embryo transfer: the hCG LOINC codes of the IVF module (one home). */
const HCG_TEST_LOINC: readonly string[] = Object.keys(HCG_CODES);

type Known = Exclude<EventClass, 'other'>;

/**
 * Code lists by class; SNOMED from clinical-reference §3.1 and §8.2, ICD-10-PCS and CPT as given in issue 4.
 *
 * Added from the VSAC value set "Delivery Procedures" (OID 2.16.840.1.113762.1.4.1045.59, expansion eCQM Update
 * 2025-05-08, as listed with displays in canvas-medical/canvas-plugins canvas_sdk/value_set/v2026/procedure.py), the
 * set CMS334 uses for a delivery: SNOMED 84195007 Classical cesarean section (procedure); 22633006 Vaginal delivery,
 * medical personnel present (procedure); 10745001 Delivery of transverse presentation (procedure); 4504004 Potter's
 * obstetrical version with extraction (procedure); ICD-10-PCS 10D07Z3 Extraction of Products of Conception, Low
 * Forceps, Via Natural or Artificial Opening. Deliberately NOT added: SNOMED 65588006 "Premature birth of newborn"
 * (Synthea writes it on a Procedure): it is not in that value set and names the newborn's birth (a finding), not a
 * delivery procedure.
 */
export const EVENT_CODES: Record<'snomed' | 'icd10pcs' | 'cpt', Partial<Record<Known, readonly string[]>>> = {
  snomed: {
    caesarean: ['11466000', '177141003', '274130007', '200148001', '84195007'],
    'induction-or-planned-birth': ['236958009', '31208007', '177135005', '177136006', '408818004'],
    delivery: ['289259007', '177184002', '700000006', '66348005', '22633006', '10745001', '4504004'],
    'embryo-transfer': ['75456002', '236894009', '448543003', '236915005'],
    'oocyte-retrieval': ['177037000', '177042008', '265082003'],
    'other-surgery': ['73632009', '233545006', '88355005'],
  },
  icd10pcs: {
    caesarean: ['10D00Z0', '10D00Z1', '10D00Z2'],
    delivery: ['10E0XZZ', '10D07Z3'],
  },
  cpt: {
    caesarean: ['59510', '59514', '59515', '59618', '59620', '59622'],
    delivery: ['59400', '59409', '59410'],
  },
};

/** ICD-10-PCS is written with two system URIs in the wild; both are read. */
const ICD10PCS_SYSTEMS = [SYSTEMS.icd10pcs, 'http://hl7.org/fhir/sid/icd-10-pcs'];

/** When several classes match, the most specific and most consequential wins. */
export const CLASS_PRIORITY: readonly EventClass[] = [
  'caesarean',
  'induction-or-planned-birth',
  'embryo-transfer',
  'oocyte-retrieval',
  'other-surgery',
  'delivery',
  'hcg-test',
  'other',
];

const TEXT_RULES: readonly { cls: Known; re: RegExp; caseSensitive?: boolean }[] = [
  { cls: 'caesarean', re: /\b(c(a)?esarr?(e|i)an|c[- ]?section|sectio caesarea)\b/i },
  { cls: 'caesarean', re: /\b(LS)?CS\b/, caseSensitive: true },
  { cls: 'embryo-transfer', re: /\bembryo transfer\b/i },
  { cls: 'oocyte-retrieval', re: /\b(oocyte (retrieval|recovery|pick-?up)|egg (collection|retrieval))\b/i },
  { cls: 'induction-or-planned-birth', re: /\b(induction|induce|planned (birth|delivery))\b/i },
  { cls: 'delivery', re: /\b(vaginal delivery|normal delivery|childbirth|spontaneous delivery)\b/i },
  { cls: 'other-surgery', re: /\b(cerclage|laparoscop\w*|hysteroscop\w*|surgery|surgical|operation)\b/i },
  { cls: 'hcg-test', re: HCG_TEST_TEXT },
];

/** Ovarian stimulation is an IVF step, not induction of labour. */
const NOT_LABOUR_INDUCTION = /\b(ovulation|ovarian)\s+(induction|stimulation)\b/i;

/** The result of classifying one record. */
export interface Classification {
  cls: EventClass;
  recognisedBy: EventRecognisedBy;
  matched: MatchedBy;
}

const byPriority = (a: Classification, b: Classification): number => CLASS_PRIORITY.indexOf(a.cls) - CLASS_PRIORITY.indexOf(b.cls);

/** Classifies from codings first, then from texts (labelled as a text match). Never throws. */
export function classifyEvent(codings: SimpleCoding[], texts: string[]): Classification {
  const hits: Classification[] = [];
  for (const [cls, codes] of Object.entries(EVENT_CODES.snomed) as [Known, readonly string[]][]) {
    const c = findCode(codings, SYSTEMS.snomed, codes);
    if (c) hits.push({ cls, recognisedBy: 'snomed', matched: byCode('SNOMED', c) });
  }
  for (const [cls, codes] of Object.entries(EVENT_CODES.icd10pcs) as [Known, readonly string[]][]) {
    for (const sys of ICD10PCS_SYSTEMS) {
      const c = findCode(codings, sys, codes);
      if (c) hits.push({ cls, recognisedBy: 'icd10', matched: byCode('ICD-10-PCS', c) });
    }
  }
  for (const [cls, codes] of Object.entries(EVENT_CODES.cpt) as [Known, readonly string[]][]) {
    const c = findCode(codings, SYSTEMS.cpt, codes);
    if (c) hits.push({ cls, recognisedBy: 'cpt', matched: byCode('CPT', c) });
  }
  const hcg = findCode(codings, SYSTEMS.loinc, HCG_TEST_LOINC);
  if (hcg) hits.push({ cls: 'hcg-test', recognisedBy: 'loinc', matched: byCode('LOINC', hcg) });
  if (hits.length > 0) return hits.sort(byPriority)[0]!;

  for (const text of texts) {
    for (const rule of TEXT_RULES) {
      const m = rule.re.exec(text);
      if (!m) continue;
      if (rule.cls === 'induction-or-planned-birth' && NOT_LABOUR_INDUCTION.test(text)) continue;
      hits.push({ cls: rule.cls, recognisedBy: 'text', matched: byText(m[0]) });
    }
  }
  if (hits.length > 0) return hits.sort(byPriority)[0]!;

  const coded = codings.filter((c) => c.code !== undefined);
  const first = coded[0];
  const matched = first?.code !== undefined ? noMatch(first.system !== undefined ? { system: first.system, code: first.code } : { code: first.code }) : noMatch();
  return { cls: 'other', recognisedBy: 'unrecognised', matched };
}
