import { describe, expect, it } from 'vitest';
import { BackendUnavailableError } from './backend.js';
import { chooseBackend, type BackendAttempt, type ConcreteBackend } from './choose-backend.js';

/** Fake attempts: the backends in `loads` succeed, the others fail with a reason; records calls. */
function fake(loads: ConcreteBackend[]) {
  const tried: ConcreteBackend[] = [];
  const attempt =
    (b: ConcreteBackend): BackendAttempt =>
    async () => {
      tried.push(b);
      return loads.includes(b) ? undefined : `${b} missing`;
    };
  return {
    tried,
    attempts: { tensorflow: attempt('tensorflow'), wasm: attempt('wasm'), cpu: attempt('cpu') },
  };
}

describe('chooseBackend', () => {
  it('auto picks tfjs-node (tensorflow) when it loads, trying nothing else', async () => {
    const f = fake(['tensorflow', 'wasm', 'cpu']);
    expect(await chooseBackend('auto', f.attempts)).toBe('tensorflow');
    expect(f.tried).toEqual(['tensorflow']);
  });

  it('auto falls back to wasm, then cpu, when tfjs-node does not load', async () => {
    const a = fake(['wasm', 'cpu']);
    expect(await chooseBackend('auto', a.attempts)).toBe('wasm');
    expect(a.tried).toEqual(['tensorflow', 'wasm']);
    const b = fake(['cpu']);
    expect(await chooseBackend('auto', b.attempts)).toBe('cpu');
    expect(b.tried).toEqual(['tensorflow', 'wasm', 'cpu']);
  });

  it('auto fails with every reason when nothing loads', async () => {
    await expect(chooseBackend('auto', fake([]).attempts)).rejects.toThrow(
      /"auto" is not available: tensorflow: tensorflow missing; wasm: wasm missing; cpu: cpu missing/,
    );
  });

  it('a named backend must load: no fallback', async () => {
    const f = fake(['wasm', 'cpu']);
    const err = await chooseBackend('tensorflow', f.attempts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendUnavailableError);
    expect((err as Error).message).toMatch(/"tensorflow" is not available: tensorflow missing/);
    expect(f.tried).toEqual(['tensorflow']);
    expect(await chooseBackend('cpu', fake(['cpu']).attempts)).toBe('cpu');
  });
});
