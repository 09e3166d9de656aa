/**
 * Every sentence a person reads comes from the message catalogue. This test parses every component (TypeScript
 * compiler API) and fails on JSX text, or on a string literal in a JSX child or in a read-aloud attribute
 * (aria-label, title, alt, placeholder, ...), that contains a letter and is not an allowed symbol or unit.
 *
 * The launch page (launch/*.ts) is plain DOM, not JSX: there a string literal is reported when it is a child given
 * to the element builder `h(tag, attrs, ...children)`, the value of a read-aloud attribute, or any literal with two
 * words (a sentence). Its words come from `src/ui/messages/en/launch.ts` through `say()`/`sayWith()`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const DIRS = ['src/ui', 'launch'];
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'alt', 'placeholder', 'label']);
/** Units and symbols that are the same in every language the app speaks. */
const ALLOWED = new Set(['FEU', 'DDU', 'UTC', 'LMWH', 'FHIR', 'SMART', 'INR', 'aPTT', 'PT', 'hCG', 'x', '×']);
const LETTER = /[A-Za-z\u0400-\u04FF]/;

function componentFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...componentFiles(p));
    else if (p.endsWith('.tsx') && !p.endsWith('.test.tsx')) out.push(p);
  }
  return out;
}

const isAllowed = (text: string): boolean => {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '' || !LETTER.test(t)) return true;
  return t.split(/[\s/()·:,.;–-]+/).filter(Boolean).every((w) => ALLOWED.has(w) || !LETTER.test(w));
};

export function literalTexts(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: { line: number; text: string }[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!isAllowed(text)) found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim().slice(0, 80) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && node.expression) {
      const e = node.expression;
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) report(e, e.text);
    } else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))) report(init.expression, init.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const LAUNCH_DIR = join(ROOT, 'launch');
const launchFiles = (): string[] => readdirSync(LAUNCH_DIR).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).map((n) => join(LAUNCH_DIR, n));

const isBuilderChild = (node: ts.Node): boolean => {
  const call = node.parent;
  return !!call && ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'h' && call.arguments.indexOf(node as ts.Expression) >= 2;
};
const isReadAttribute = (node: ts.Node): boolean => {
  const prop = node.parent;
  return !!prop && ts.isPropertyAssignment(prop) && prop.initializer === node && READ_ATTRIBUTES.has(prop.name.getText().replace(/['"]/g, ''));
};
const SENTENCE = /[A-Za-z\u0400-\u04FF]{2,}\s+[A-Za-z\u0400-\u04FF]{2,}/;

/** Readable literals of a plain-DOM file (see the header comment for the rule). */
export function launchLiteralTexts(file: string, text = readFileSync(file, 'utf8')): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const target = ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) ? node.parent.parent ?? node : node;
      const readable = isBuilderChild(target) || isReadAttribute(target) || SENTENCE.test(node.text);
      if (readable && !isAllowed(node.text)) found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text.trim().slice(0, 80) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the launch page takes every readable string from the launch catalogue', () => {
  it('a child text, a placeholder and a sentence are detected; keys, classes and ids are not', () => {
    const probe = `h('h1', {}, 'Launch'); h('input', { placeholder: 'Address', class: 'field' }); setError('Enter the address.'); say('launch.picker.title'); h('p', {}, code(x), say('k'));`;
    expect(launchLiteralTexts('probe.ts', probe).map((f) => f.text)).toEqual(['Launch', 'Address', 'Enter the address.']);
  });

  for (const file of launchFiles()) {
    it(`${relative(ROOT, file)} has no literal sentence`, () => {
      expect(launchLiteralTexts(file)).toEqual([]);
    });
  }
});

describe('components take every readable string from the message catalogue', () => {
  const files = DIRS.flatMap((d) => componentFiles(join(ROOT, d)));

  it('finds the components (the scan itself works)', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('a literal sentence in JSX is detected', () => {
    const probe = join(ROOT, 'src/ui/messages/__probe__.tsx');
    const text = 'export const P = () => <p title="Some words">Hello there {"and more"}</p>;';
    const source = ts.createSourceFile(probe, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    let count = 0;
    const visit = (n: ts.Node) => {
      if (ts.isJsxText(n) && !isAllowed(n.text)) count += 1;
      ts.forEachChild(n, visit);
    };
    visit(source);
    expect(count).toBe(1);
    expect(isAllowed('12 FEU')).toBe(true);
    expect(isAllowed('Last dose')).toBe(false);
  });

  for (const file of files) {
    it(`${relative(ROOT, file)} has no literal sentence`, () => {
      expect(literalTexts(file)).toEqual([]);
    });
  }
});
