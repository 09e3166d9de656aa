import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../domain/rules/registry';
import { DOSE_CLASS_THRESHOLDS } from '../../domain/medication/doseClassThresholds';
import { createMessages } from '../messages/translator';
import { SOURCE_SLUG, sourceFullName } from './sourceLabels';

const en = createMessages({ locale: 'en', zone: 'UTC' });
const ru = createMessages({ locale: 'ru', zone: 'UTC' });

describe('every cited source is worded by the catalogue, in each language', () => {
  it('each rule source has a full name, a verification note and (if not a published work) a description', () => {
    for (const r of ALL_RULES) {
      const slug = SOURCE_SLUG[r.source.name];
      expect(slug, r.id).toBeDefined();
      for (const m of [en, ru]) {
        expect(m.has(`evidence.name.${slug}`), `${r.id} name`).toBe(true);
        expect(m.has(`evidence.note.${r.source.noteId}`), `${r.id} note`).toBe(true);
        if (r.source.citation === null) expect(m.has(`evidence.citation.${slug}`), `${r.id} citation`).toBe(true);
      }
    }
  });

  it('the source article is named in Russian in a Russian note, and as the article in English', () => {
    expect(sourceFullName('The source article (Clexane article)', ru)).toBe('Статья-источник (статья о Клексане)');
    expect(sourceFullName('The source article (Clexane article)', en)).toBe('The source article (Clexane article)');
  });

  it('each dose-class threshold row names a source the catalogue words', () => {
    for (const t of Object.values(DOSE_CLASS_THRESHOLDS)) {
      for (const id of [t!.bandSource, ...t!.therapeutic.map((r) => r.source)]) {
        expect(en.has(`medication.classSource.${id}`), id).toBe(true);
        expect(ru.t(`medication.classSource.${id}` as never)).not.toBe(en.t(`medication.classSource.${id}` as never));
      }
    }
  });
});
