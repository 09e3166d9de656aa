/**
 * JavaScript budgets of the built pages, read from dist/ (sizes of files, never times): every script a page loads or
 * preloads before its first render (its module scripts, modulepreloads and their static imports, followed
 * transitively), gzip level 9. Build first: ./node_modules/.bin/vite build (npm test does it before this project).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JS_BUDGETS, htmlScripts, initialJs, staticImports } from '../../scripts/initial-js.mjs';

const DIST = path.resolve(import.meta.dirname, '../../dist');
const APP_HTML = path.join(DIST, 'index.html');
const LAUNCH_HTML = path.join(DIST, 'launch/index.html');

function requireBuild(): void {
  if (!existsSync(APP_HTML) || !existsSync(LAUNCH_HTML)) throw new Error('dist/ has no build of the app: run ./node_modules/.bin/vite build first.');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const listing = (r: ReturnType<typeof initialJs>) => r.files.map((f) => `${path.basename(f.file)} (${f.how}) ${kb(f.gzip)}`).join(', ');

/** The npm packages a built chunk holds, from its source map (or, without one, from marker strings in the code). */
function packagesIn(file: string): Set<string> {
  const map = `${file}.map`;
  const out = new Set<string>();
  if (existsSync(map)) {
    for (const s of (JSON.parse(readFileSync(map, 'utf8')) as { sources?: string[] }).sources ?? []) {
      const rest = s.split('node_modules/').pop();
      if (rest === undefined || rest === s) continue;
      const parts = rest.split('/');
      out.add(parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
    }
    return out;
  }
  const code = readFileSync(file, 'utf8');
  if (code.includes('recharts-surface')) out.add('recharts');
  if (code.includes('ucum-lhc') || code.includes('UcumLhcUtils')) out.add('@lhncbc/ucum-lhc');
  if (code.includes('react-dom.production') || code.includes('__reactContainer')) out.add('react-dom');
  return out;
}

describe('static imports of a built chunk', () => {
  it('finds minified imports and re-exports, and leaves dynamic import() out', () => {
    const code =
      'import{a as e,r as t}from"./rolldown-runtime-X.js";import"./side-effect-Y.js";export{b as c}from"../shared-Z.js";' +
      'const p=()=>import("./lazy-W.js"),q=()=>import(`./lazy-U.js`);export*from"./all-V.js";';
    expect(staticImports(code)).toEqual(['./rolldown-runtime-X.js', './side-effect-Y.js', '../shared-Z.js', './all-V.js']);
  });

  it('imports on separate lines of unminified output are found too', () => {
    expect(staticImports('import React from "./react-A.js";\nimport { x } from "./x-B.js";\nawait import("./later-C.js");')).toEqual(['./react-A.js', './x-B.js']);
  });
});

describe('JavaScript before first render (gzip)', () => {
  it(`the app page stays within ${kb(JS_BUDGETS.app)}`, () => {
    requireBuild();
    const r = initialJs(APP_HTML);
    expect(r.missing).toEqual([]);
    // Not vacuous: the page's own module script is counted.
    expect(r.files.some((f) => f.how === 'script')).toBe(true);
    expect(r.gzip, `app page initial JS ${kb(r.gzip)}: ${listing(r)}`).toBeLessThanOrEqual(JS_BUDGETS.app);
  });

  it(`the launch page, which only redirects, stays within ${kb(JS_BUDGETS.launch)} and carries no React`, () => {
    requireBuild();
    const r = initialJs(LAUNCH_HTML);
    expect(r.missing).toEqual([]);
    expect(r.files.some((f) => f.how === 'script')).toBe(true);
    expect(r.gzip, `launch page initial JS ${kb(r.gzip)}: ${listing(r)}`).toBeLessThanOrEqual(JS_BUDGETS.launch);
    for (const f of r.files) expect([...packagesIn(f.file)], path.basename(f.file)).not.toContain('react-dom');
  });

  it('every chunk a page script imports statically is counted, even without a modulepreload for it', () => {
    requireBuild();
    const r = initialJs(APP_HTML);
    const counted = new Set(r.files.map((f) => f.file));
    for (const { file } of htmlScripts(APP_HTML)) {
      for (const spec of staticImports(readFileSync(file, 'utf8'))) expect(counted.has(path.resolve(path.dirname(file), spec))).toBe(true);
    }
  });

  it('neither the chart library nor UCUM is loaded before the first render of either page', () => {
    requireBuild();
    for (const html of [APP_HTML, LAUNCH_HTML]) {
      for (const f of initialJs(html).files) {
        const pkgs = packagesIn(f.file);
        expect(pkgs.has('recharts'), `${path.basename(f.file)} holds recharts`).toBe(false);
        expect(pkgs.has('@lhncbc/ucum-lhc'), `${path.basename(f.file)} holds UCUM`).toBe(false);
      }
    }
  });

  it('the app page starts the chart chunk download from its own initial scripts (in parallel with the FHIR data)', () => {
    requireBuild();
    const assets = path.join(DIST, 'assets');
    const chart = initialJs(APP_HTML)
      .files.flatMap((f) => [...readFileSync(f.file, 'utf8').matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => path.resolve(path.dirname(f.file), m[1]!)))
      .filter((target) => target.startsWith(assets) && existsSync(target) && packagesIn(target).has('recharts'));
    expect(chart.length).toBeGreaterThan(0);
  });
});
