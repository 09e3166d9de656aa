/**
 * Every sentence a person reads comes from the message catalogue. This test parses every component (TypeScript
 * compiler API) and fails on JSX text, or on a string literal in a JSX child or in a read-aloud attribute
 * (aria-label, title, alt, placeholder, ...), that contains a letter and is not an allowed symbol or unit.
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
