import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './test-support/run-cli.js';

// Every "DESIGN.md §N" and "DESIGN.md §N "Heading"" cited in the code and docs resolves to a
// section of docs/DESIGN.md, the project's living design notes.
const SKIP = new Set(['node_modules', 'dist', '.git', '.turbo', '.astro', 'results', 'site']);

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|astro|mjs|md|yaml)$/.test(name)) yield path;
  }
}

describe('docs/DESIGN.md', () => {
  const design = readFileSync(join(ROOT, 'docs/DESIGN.md'), 'utf8');
  const sections = new Set([...design.matchAll(/^## (\d+)\. /gm)].map((m) => m[1]));
  const headings = new Set([...design.matchAll(/^### (.+)$/gm)].map((m) => m[1]!.trim()));

  it('has every section and heading the repository cites', () => {
    const missing: string[] = [];
    let cited = 0;
    for (const file of [...sources(join(ROOT, 'packages')), ...sources(join(ROOT, 'docs'))]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/DESIGN\.md §(\d+)(?: "([^"]+)")?/g)) {
        cited++;
        const where = `${relative(ROOT, file)}: ${m[0]}`;
        if (!sections.has(m[1])) missing.push(where);
        else if (m[2] && ![...headings].some((h) => h.startsWith(m[2]!))) missing.push(where);
      }
    }
    expect(cited).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });
});
