/**
 * Pseudo-locale run: renders a component tree with every catalogue message wrapped in ⟪…⟫ and its letters accented
 * ("Unknown" -> "⟪Ûñķñöŵñ⟫"), then reports any visible text or read-aloud attribute with letters outside the
 * markers: a string that did not come from the catalogue. Names, codes, numbers and units are allowed (`allow`).
 */
import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { EN, type Catalogue, type Locale } from '../../src/ui/messages/catalogue';
import { MessagesProvider } from '../../src/ui/messages/MessagesProvider';

export const PSEUDO_OPEN = '⟪';
export const PSEUDO_CLOSE = '⟫';

const ACCENTS: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ď', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ʠ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ď', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/**
 * Accents the literal text of an ICU message and leaves its syntax alone: text sits at even brace depth (0 at the
 * top, 2 inside a plural/select option), argument names, types and option keywords at odd depth. Quoted ICU text
 * ('{') is rare in the catalogue and is accented like text.
 */
export function pseudoMessage(message: string): string {
  let depth = 0;
  let out = '';
  for (const ch of message) {
    if (ch === '{') depth += 1;
    else if (ch === '}') depth -= 1;
    out += depth % 2 === 0 && ch !== '}' ? (ACCENTS[ch] ?? ch) : ch;
  }
  return `${PSEUDO_OPEN}${out}${PSEUDO_CLOSE}`;
}

export function pseudoCatalogue(catalogue: Catalogue = EN): Catalogue {
  return Object.fromEntries(Object.entries(catalogue).map(([k, v]) => [k, pseudoMessage(v)])) as Catalogue;
}

/** Words that are the same in every language: units, codes, guideline and standard names, symbols. */
export const PSEUDO_ALLOWED = new Set([
  'FEU', 'DDU', 'UTC', 'LMWH', 'FHIR', 'SMART', 'INR', 'aPTT', 'PT', 'hCG', 'RCOG', 'ASRA', 'ACOG', 'ESHRE', 'LOINC',
  'SNOMED', 'RxNorm', 'UCUM', 'IU', 'mg', 'mL', 'kg', 'g', 'L', 'dL', 'ng', 'µg', 'ug', 'mmol', 'µmol', 'min', 'h', 's', 'x', '×',
]);

export interface UntranslatedText {
  /** "text" for a visible text node, or the attribute name. */
  where: string;
  /** What is left once the catalogue's marked messages are removed. */
  leftover: string;
  /** The whole text, for the report. */
  text: string;
}

const READ_ALOUD = ['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'alt', 'placeholder', 'label'];
const LETTER = /\p{L}/u;

/** Removes every ⟪…⟫ (nested ones too: a message can carry another as a parameter). */
export function stripMarked(text: string): string {
  let rest = text;
  const innermost = new RegExp(`${PSEUDO_OPEN}[^${PSEUDO_OPEN}${PSEUDO_CLOSE}]*${PSEUDO_CLOSE}`, 'gu');
  for (let prev = ''; prev !== rest; ) {
    prev = rest;
    rest = rest.replace(innermost, ' ');
  }
  return rest;
}

function leftoverWords(text: string, allow: ReadonlySet<string>): string {
  const words = stripMarked(text).split(/[\s/()·:;,.–—\-+%=<>≥≤"'«»]+/u).filter(Boolean);
  return words.filter((w) => LETTER.test(w) && !PSEUDO_ALLOWED.has(w) && !allow.has(w)).join(' ');
}

/** Every visible text node and read-aloud attribute under `root` with letters that are not from the catalogue. */
export function findUntranslatedText(root: Element, allow: Iterable<string> = []): UntranslatedText[] {
  const allowed = new Set(allow);
  const found: UntranslatedText[] = [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && ['SCRIPT', 'STYLE'].includes(parent.tagName)) continue;
    const text = node.textContent ?? '';
    const leftover = leftoverWords(text, allowed);
    if (leftover) found.push({ where: 'text', leftover, text: text.trim() });
  }
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const name of READ_ALOUD) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const leftover = leftoverWords(value, allowed);
      if (leftover) found.push({ where: name, leftover, text: value });
    }
  }
  return found;
}

/** Renders `ui` with the pseudo catalogue (formats still follow `locale`). */
export function renderWithPseudoLocale(ui: ReactElement, options: { locale?: Locale; zone?: string } = {}): RenderResult {
  return render(
    <MessagesProvider locale={options.locale ?? 'en'} zone={options.zone ?? 'UTC'} catalogue={pseudoCatalogue()}>
      {ui}
    </MessagesProvider>,
  );
}
