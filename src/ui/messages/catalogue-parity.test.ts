/**
 * Catalogue completeness. TRANSITIONAL EXPECTATION: while sections still have English-only catalogues, the first
 * test fails and lists every Russian key still missing (the app shows English for those keys meanwhile); it passes
 * once `ru/<section>.ts` exists for every `en/<section>.ts`. The other tests hold at every step.
 *
 * Key usage: a key is used when its full text appears as a string in a source file of `src/` or `launch/` (tests and
 * the catalogue files themselves excluded). Keys built at run time are checked by their last part instead:
 * - `reason.<code>`: the code appears as a string in `src/domain/` (where `reason('<code>', ...)` is produced and the
 *   module's `...ReasonCode` union lists it);
 * - `rule.<id>`: the whole rule id appears as a string in `src/domain/rules/`;
 * - any other `<prefix>.<rest>` for which a source builds `` `<prefix>.${...}` ``: `<rest>` appears as a string in
 *   `src/` (e.g. a status code such as 'stop-documented', a view code such as 'med.orders').
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { EN, RU, type MessageKey } from './catalogue';

const ROOT = resolve(import.meta.dirname, '../../..');
const CATALOGUE_DIRS = [join(ROOT, 'src/ui/messages/en'), join(ROOT, 'src/ui/messages/ru')];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!CATALOGUE_DIRS.includes(p) && name !== 'node_modules') out.push(...sourceFiles(p));
    } else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

function collect(dirs: string[]): string {
  return dirs.flatMap((d) => sourceFiles(join(ROOT, d))).map((f) => readFileSync(f, 'utf8')).join('\n');
}

const quoted = (s: string) => [`'${s}'`, `"${s}"`, `\`${s}\``];
const hasString = (text: string, s: string) => quoted(s).some((q) => text.includes(q));

/** Argument names a message uses (nested in plurals and selects too). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if ('value' in el && typeof el.value === 'string') into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) argumentsOf(o.value, into);
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

function pluralsOf(elements: MessageFormatElement[], into: string[][] = []): string[][] {
  for (const el of elements) {
    if (el.type === TYPE.plural) {
      into.push(Object.keys(el.options));
      for (const o of Object.values(el.options)) pluralsOf(o.value, into);
    } else if (el.type === TYPE.select) for (const o of Object.values(el.options)) pluralsOf(o.value, into);
  }
  return into;
}

const EN_KEYS = Object.keys(EN) as MessageKey[];
const RU_ENTRIES = Object.entries(RU) as [MessageKey, string][];

describe('Russian catalogue', () => {
  it('has every English key (transitional: lists the keys still to translate)', () => {
    const missing = EN_KEYS.filter((k) => !(k in RU));
    expect(missing).toEqual([]);
  });

  it('has no key that English lacks', () => {
    expect(RU_ENTRIES.map(([k]) => k).filter((k) => !(k in EN))).toEqual([]);
  });

  it('every message parses and uses exactly the arguments of the English message', () => {
    const mismatched = RU_ENTRIES.filter(([k, ru]) => {
      const en = [...argumentsOf(parse(EN[k]))].sort().join();
      return [...argumentsOf(parse(ru))].sort().join() !== en;
    }).map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('every plural gives the Russian one, few and many forms (1 день, 2 дня, 5 дней)', () => {
    const incomplete = RU_ENTRIES.filter(([, ru]) => pluralsOf(parse(ru)).some((opts) => !['one', 'few', 'many', 'other'].every((c) => opts.includes(c) || opts.some((o) => o.startsWith('='))))).map(([k]) => k);
    expect(incomplete).toEqual([]);
  });
});

/** Literal text of a message (arguments left out), to tell a translation from English left in place. */
function literalText(elements: MessageFormatElement[]): string {
  return elements
    .map((el) => (el.type === TYPE.literal ? el.value : el.type === TYPE.plural || el.type === TYPE.select ? Object.values(el.options).map((o) => literalText(o.value)).join(' ') : ' '))
    .join('');
}

/**
 * The same in every language: each language's own name, codes/units that labs and guidelines write in Latin, and
 * guideline titles as published (RCOG Green-top, ACOG Practice Advisory, ASH, SOAP), and Roman numerals, which
 * Russian writes in Latin letters (III триместр, фактор V Лейден), the authors and journal of a cited study, the
 * CSV and ISO format names, the app's name (LMWH Monitor), and a D-dimer study's assay and analyser as published
 * (ELFA, ACL TOP).
 */
const SAME_IN_EVERY_LANGUAGE = /^(English|Русский|FEU|DDU|UTC|INR|aPTT|PT|hCG|RCOG|ASRA|ACOG|ASH|SOAP|ESHRE|Green|top|Practice|Advisory|IVF|LMWH|FHIR|mg|mL|IU|I|II|III|V|Kline|JA|Clin|Chem|CSV|ISO|Monitor|ELFA|ACL|TOP)$/;

describe('the catalogue checks themselves work', () => {
  it('a plural without few/many, a changed argument and English left in place are each detected', () => {
    expect(pluralsOf(parse('{n, plural, one {# день} other {# дней}}'))).toEqual([['one', 'other']]);
    expect([...argumentsOf(parse('через {span}'))]).toEqual(['span']);
    expect([...argumentsOf(parse('через {time}'))]).not.toEqual([...argumentsOf(parse(EN['duration.in']))]);
    expect(literalText(parse('{n, plural, one {# day} other {# дня}}'))).toContain('day');
  });
});

/**
 * Written as they are in every language: the product's name (as the EHR's apps menu lists it), keyboard keys, and the
 * SMART launcher's address and English option labels, which the reader must find on that site as written, and UCUM
 * unit codes quoted as the record writes them.
 */
const KEPT_AS_WRITTEN = ['«U»', '«U/kg»', 'LMWH Monitor', 'SMART Health IT', 'SMART', 'launch.smarthealthit.org', 'R4 provider EHR launch', 'App Launch URL', 'redirect URL', 'Ctrl+C', 'Cmd+C', 'Mac'];
const withoutKeptNames = (text: string) => KEPT_AS_WRITTEN.reduce((t, name) => t.split(name).join(' '), text);

describe('Russian messages are Russian', () => {
  it('only the names kept as written are set aside, not the English around them', () => {
    expect(withoutKeptNames('Запустите LMWH Monitor из МИС')).not.toMatch(/[A-Za-z]/);
    expect(withoutKeptNames('Launch the LMWH Monitor app')).toMatch(/Launch the .* app/);
  });

  it('no translated message keeps English words (names of languages, codes and units aside)', () => {
    const english = RU_ENTRIES.filter(([, ru]) =>
      withoutKeptNames(literalText(parse(ru)))
        // Letters joined to digits are document numbers and versions (RCOG 37a, 37b), not words.
        .split(/[^\p{L}\p{N}]+/u)
        .some((w) => /^[A-Za-z]+$/.test(w) && !SAME_IN_EVERY_LANGUAGE.test(w)),
    ).map(([k]) => k);
    expect(english).toEqual([]);
  });
});

describe('every catalogue key is used by the app', () => {
  const all = collect(['src', 'launch']);
  // Reason codes come from the domain, the FHIR layer (src/fhir/fhirReasons.ts) and the CDS service's prefetch reader.
  const domain = collect(['src/domain', 'src/fhir', 'cds']);
  const rules = collect(['src/domain/rules']);

  /** Some source builds `` `<prefix>${...}` `` and the rest of the key appears as a string (e.g. a view code 'med.orders'). */
  const builtFrom = (key: string): boolean =>
    [...key.matchAll(/\./g)].some(({ index }) => all.includes(`\`${key.slice(0, index + 1)}\${`) && hasString(all, key.slice(index + 1)));

  const isUsed = (key: string): boolean => {
    if (hasString(all, key)) return true;
    if (key.startsWith('reason.')) return hasString(domain, key.slice('reason.'.length));
    if (key.startsWith('rule.')) return hasString(rules, key.slice('rule.'.length));
    return builtFrom(key);
  };

  it('finds the key strings in the sources (the scan itself works)', () => {
    expect(isUsed('duration.days')).toBe(true);
    expect(isUsed('common.no-such-key')).toBe(false);
  });

  it('no key is unused (a dead key is removed, not kept for later)', () => {
    expect(EN_KEYS.filter((k) => !isUsed(k))).toEqual([]);
  });
});
