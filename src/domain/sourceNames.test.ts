/**
 * Every source file in src/ has a name of its own, so a name found in a stack trace, an import or a search leads to
 * one file. Tests and `index.ts` barrels aside. The message catalogue's language folders (`src/ui/messages/<lang>/`)
 * are aside too: there each file is named after the section it words, the same name in every language by design
 * (`en/summary.ts` and `ru/summary.ts` are one section), and it is found by its `<section>En` / `<section>Ru` export.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const LANGUAGE_FOLDER = /^src\/ui\/messages\/[a-z]{2}\//;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [relative(ROOT, p).split('\\').join('/')];
  });
}

const isSource = (path: string): boolean =>
  /\.(ts|tsx)$/.test(path) && !/\.test\.tsx?$/.test(path) && !/(^|\/)index\.ts$/.test(path) && !LANGUAGE_FOLDER.test(path) && !path.endsWith('.d.ts');

/** Base names held by more than one source file, with the files. */
export function sharedNames(paths: readonly string[]): Record<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const p of paths.filter(isSource)) byName.set(basename(p), [...(byName.get(basename(p)) ?? []), p]);
  return Object.fromEntries([...byName].filter(([, ps]) => ps.length > 1));
}

describe('source file names in src/', () => {
  it('a shared name is found; tests, barrels and language folders are not counted', () => {
    expect(sharedNames(['src/a/record.ts', 'src/b/record.ts', 'src/a/index.ts', 'src/b/index.ts', 'src/a/x.test.ts', 'src/b/x.test.ts'])).toEqual({
      'record.ts': ['src/a/record.ts', 'src/b/record.ts'],
    });
    expect(sharedNames(['src/ui/messages/en/summary.ts', 'src/ui/messages/ru/summary.ts'])).toEqual({});
  });

  it('no two source files share a base name', () => {
    const all = files(join(ROOT, 'src'));
    expect(all.length).toBeGreaterThan(100);
    expect(sharedNames(all)).toEqual({});
  });
});
