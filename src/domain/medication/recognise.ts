/**
 * Recognition of anticoagulants (LMWH, UFH, fondaparinux) and of other relevant drugs (estradiol, aspirin) from a
 * CodeableConcept and/or a Medication. Codes first (RxNorm, then ATC by exact code, then SNOMED); text last, labelled.
 */
import type { RecognisedBy } from '../types';
import {
  ANTICOAGULANT_NAMES,
  ATC_ANTICOAGULANTS,
  ATC_OTHER,
  type CodeEntry,
  DRUG_CLASS,
  MED_SYSTEMS,
  OTHER_NAMES,
  RXNORM_ANTICOAGULANTS,
  RXNORM_OTHER,
  SNOMED_ANTICOAGULANTS,
} from './medicationCodes';
import { arr, codings, findWord, get, str } from './safe';
import type { AnticoagulantDrug, AnticoagulantRecognition, OtherRelevantDrug, OtherRelevantRecognition } from './medicationTypes';
import { byCode as codeMatched, byText as textMatched } from '../matchedBy';

interface Sources {
  concepts: unknown[];
}

function conceptsOf(concept: unknown, medication: unknown): Sources {
  const concepts: unknown[] = [concept, get(medication, 'code')];
  for (const ing of arr(get(medication, 'ingredient'))) concepts.push(get(ing, 'itemCodeableConcept'));
  return { concepts: concepts.filter((c) => c !== undefined && c !== null) };
}

function allCodings(s: Sources) {
  return s.concepts.flatMap((c) => codings(c));
}

function allTexts(s: Sources): string[] {
  const out: string[] = [];
  for (const c of s.concepts) {
    const t = str(get(c, 'text'));
    if (t) out.push(t);
    for (const cd of codings(c)) if (cd.display) out.push(cd.display);
  }
  return out;
}

const LABEL: Record<'rxnorm' | 'atc' | 'snomed', string> = { rxnorm: 'RxNorm', atc: 'ATC', snomed: 'SNOMED' };

function byCode<D>(
  s: Sources,
  tables: { rxnorm: Record<string, CodeEntry<D>>; atc: Record<string, CodeEntry<D>>; snomed: Record<string, CodeEntry<D>> },
): { entry: CodeEntry<D>; by: 'rxnorm' | 'atc' | 'snomed'; code: string } | undefined {
  const cds = allCodings(s);
  for (const by of ['rxnorm', 'atc', 'snomed'] as const) {
    const systems: readonly string[] = MED_SYSTEMS[by];
    for (const c of cds) {
      if (!c.system || !c.code || !systems.includes(c.system)) continue;
      const code = by === 'atc' ? c.code.toUpperCase() : c.code;
      const entry = Object.prototype.hasOwnProperty.call(tables[by], code) ? tables[by][code] : undefined;
      if (entry) return { entry, by, code };
    }
  }
  return undefined;
}

function byText<D>(s: Sources, names: { drug: D; names: string[] }[]): { drug: D; found: string } | undefined {
  const texts = allTexts(s);
  for (const group of names) {
    for (const name of group.names) {
      for (const t of texts) {
        const found = findWord(t, name);
        if (found) return { drug: group.drug, found };
      }
    }
  }
  return undefined;
}

/**
 * Recognises enoxaparin, dalteparin, nadroparin, tinzaparin, certoparin (LMWH), unfractionated heparin and
 * fondaparinux; undefined when nothing matches. Never throws on malformed input.
 */
export function recogniseAnticoagulant(
  concept?: fhir4.CodeableConcept,
  medication?: fhir4.Medication,
): AnticoagulantRecognition | undefined {
  const s = conceptsOf(concept, medication);
  const hit = byCode(s, { rxnorm: RXNORM_ANTICOAGULANTS, atc: ATC_ANTICOAGULANTS, snomed: SNOMED_ANTICOAGULANTS });
  if (hit) {
    const matched = codeMatched(LABEL[hit.by], hit.code);
    const rec: AnticoagulantRecognition = {
      drug: hit.entry.drug,
      drugClass: DRUG_CLASS[hit.entry.drug],
      recognisedBy: hit.by,
      matched,
      codeStatus: hit.entry.status,
    };
    if (hit.entry.strength) rec.strengthHint = { ...hit.entry.strength, from: `${LABEL[hit.by]} ${hit.code}: ${hit.entry.note}` };
    return rec;
  }
  const t = byText<AnticoagulantDrug>(s, ANTICOAGULANT_NAMES);
  if (t) return { drug: t.drug, drugClass: DRUG_CLASS[t.drug], recognisedBy: 'text', matched: textMatched(t.found) };
  return undefined;
}

/** Recognises estradiol and aspirin (cautions and indications); undefined when nothing matches. */
export function recogniseOtherRelevant(
  concept?: fhir4.CodeableConcept,
  medication?: fhir4.Medication,
): OtherRelevantRecognition | undefined {
  const s = conceptsOf(concept, medication);
  const hit = byCode<OtherRelevantDrug>(s, { rxnorm: RXNORM_OTHER, atc: ATC_OTHER, snomed: {} });
  if (hit) {
    const recognisedBy: RecognisedBy = hit.by;
    return { drug: hit.entry.drug, recognisedBy, matched: codeMatched(LABEL[hit.by], hit.code), codeStatus: hit.entry.status };
  }
  const t = byText<OtherRelevantDrug>(s, OTHER_NAMES);
  if (t) return { drug: t.drug, recognisedBy: 'text', matched: textMatched(t.found) };
  return undefined;
}

/** True when some code or text is present (so "not recognised" means "something else", not "nothing written"). */
export function hasAnyIdentification(concept?: fhir4.CodeableConcept, medication?: fhir4.Medication): boolean {
  const s = conceptsOf(concept, medication);
  return allCodings(s).length > 0 || allTexts(s).length > 0;
}
