import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runtime (non-type) import specifiers of a TypeScript source file. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  // Static `import … from '…'` and `export … from '…'`, except `import type`/`export type`
  // (erased under verbatimModuleSyntax), and dynamic `import('…')`, which loads lazily.
  const re = /^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms;
  for (const m of text.matchAll(re)) specs.push(m[1]!);
  return specs;
}

/** Every source file and bare package that loading `entry` evaluates. */
function moduleGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) visit(join(dirname(file), spec.replace(/\.js$/, '.ts')));
      else
        packages.add(
          spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!,
        );
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the worker-thread entry @ansatz/core/run-training', () => {
  const graph = moduleGraph(join(SRC, 'training/run-training.ts'));

  it('never loads the config schema or zod (validation happens where specs are expanded)', () => {
    const files = [...graph.files].map((f) => relative(SRC, f));
    expect(files).not.toContain(join('config', 'schema.ts'));
    expect(files).not.toContain(join('config', 'resolve.ts'));
    expect(graph.packages).not.toContain('zod');
  });

  it('is a real graph: it reaches the engines, the metrics and ml-matrix', () => {
    const files = [...graph.files].map((f) => relative(SRC, f));
    expect(files).toContain(join('training', 'linear-cohort-engine.ts'));
    expect(files).toContain(join('wasm', 'gemm-module.ts'));
    expect(files).toContain(join('metrics', 'snapshot.ts'));
    expect(graph.packages).toContain('ml-matrix');
    // The package index does load zod: the check above can fail.
    expect(moduleGraph(join(SRC, 'index.ts')).packages).toContain('zod');
  });
});
