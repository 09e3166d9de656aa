// @ts-check
/**
 * "Initial JS" of a built HTML page: every script the page loads or preloads before its first render, that is the
 * HTML's module scripts and modulepreload links plus everything those import statically (followed transitively),
 * each file counted once, sized raw and gzip (level 9, as a production host would serve it). Dynamic `import()`
 * targets are not followed: they are the chunks loaded later. Read from the files of a build; nothing is run.
 *
 * Used by `npm run bench` (figures) and by test/e2e/js-budget.test.ts (the budgets).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** JavaScript budgets, gzip bytes: every script before first render. */
export const JS_BUDGETS = {
  /** The app page (dist/index.html). */
  app: 150 * 1024,
  /** The launch page (dist/launch/index.html), which only redirects. */
  launch: 30 * 1024,
};

/** @param {string} file */
export const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * The local scripts an HTML page names: module scripts and modulepreload links (absolute paths on disk).
 * @param {string} htmlFile
 * @returns {{ file: string, how: 'script' | 'modulepreload' }[]}
 */
export function htmlScripts(htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const dir = path.dirname(htmlFile);
  /** @type {{ file: string, how: 'script' | 'modulepreload' }[]} */
  const out = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    if (!isScript && !/\brel=["']?modulepreload["']?/i.test(tag)) continue;
    const ref = (isScript ? /\bsrc=["']([^"']+)["']/i : /\bhref=["']([^"']+)["']/i).exec(tag)?.[1];
    if (!ref || /^(https?:)?\/\//i.test(ref) || ref.startsWith('data:')) continue;
    out.push({ file: path.resolve(dir, ref.replace(/[?#].*$/, '')), how: isScript ? 'script' : 'modulepreload' });
  }
  return out;
}

/**
 * Relative specifiers a built ES module imports statically (`import ... from "./x.js"`, `import "./x.js"`,
 * `export ... from "./x.js"`), not `import("./x.js")`.
 * @param {string} code
 * @returns {string[]}
 */
export function staticImports(code) {
  /** @type {string[]} */
  const out = [];
  const re = /(?:^|[;\n}])\s*(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*)["'`](\.{1,2}\/[^"'`]+)["'`]/g;
  for (const m of code.matchAll(re)) if (m[1]) out.push(m[1]);
  return out;
}

/**
 * Initial JS of one built page.
 * @param {string} htmlFile
 * @returns {{ files: { file: string, how: 'script' | 'modulepreload' | 'static import', raw: number, gzip: number }[], raw: number, gzip: number, missing: string[] }}
 */
export function initialJs(htmlFile) {
  /** @type {Map<string, 'script' | 'modulepreload' | 'static import'>} */
  const seen = new Map();
  /** @type {string[]} */
  const missing = [];
  /** @type {string[]} */
  const queue = [];
  for (const { file, how } of htmlScripts(htmlFile)) {
    if (!seen.has(file)) {
      seen.set(file, how);
      queue.push(file);
    }
  }
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    if (!existsSync(file)) {
      missing.push(file);
      continue;
    }
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      const dep = path.resolve(path.dirname(file), spec);
      if (!seen.has(dep)) {
        seen.set(dep, 'static import');
        queue.push(dep);
      }
    }
  }
  const files = [...seen]
    .filter(([file]) => existsSync(file))
    .map(([file, how]) => ({ file, how, raw: readFileSync(file).length, gzip: gzipSize(file) }));
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0), missing };
}
