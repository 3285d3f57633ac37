import { describe, expect, it } from 'vitest';
import { tfjsNodeNote } from './backend-note.js';

describe('tfjsNodeNote', () => {
  it('says once that the reference engine ran without tfjs-node under auto', () => {
    expect(tfjsNodeNote('auto', new Set(['wasm']))).toMatch(
      /^note: tfjs-node .* did not load here, so the reference engine ran on wasm;/,
    );
    expect(tfjsNodeNote('auto', new Set(['wasm', 'cpu']))).toMatch(/ran on cpu and wasm;/);
  });

  it('says nothing when tfjs-node ran, no reference run ran, or a backend was named', () => {
    expect(tfjsNodeNote('auto', new Set(['tensorflow']))).toBeUndefined();
    expect(tfjsNodeNote('auto', new Set())).toBeUndefined();
    expect(tfjsNodeNote('wasm', new Set(['wasm']))).toBeUndefined();
  });
});
