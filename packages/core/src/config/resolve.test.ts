import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig, safeResolveConfig } from './resolve.js';

function issuesOf(input: unknown) {
  const r = safeResolveConfig(input);
  if (r.ok) throw new Error('expected the config to be rejected');
  return r.issues;
}

describe('resolveConfig', () => {
  it('fills every default and resolves the batch size', () => {
    const c = resolveConfig({});
    expect(c.depth).toBe(2);
    expect(c.optimizer).toBe('gd');
    expect(c.batchSize).toBe(c.samples);
    expect(resolveConfig({ optimizer: 'sgd', samples: 100 }).batchSize).toBe(32);
    expect(resolveConfig({ optimizer: 'sgd', samples: 10 }).batchSize).toBe(10);
    expect(resolveConfig({ optimizer: 'adam', batchSize: 8 }).batchSize).toBe(8);
  });

  it.each([
    [{ depth: 0 }, 'depth'],
    [{ learningRate: -0.1 }, 'learningRate'],
    [{ optimizer: 'lbfgs' }, 'optimizer'],
    [{ optimizer: 'sgd', batchSize: 500, samples: 100 }, 'batchSize'],
    [{ steps: -1 }, 'steps'],
    [{ depth: 2.5 }, 'depth'],
    [{ activation: 'swish' }, 'activation'],
    [{ teacherRank: 9, inputDim: 8, outputDim: 4 }, 'teacherRank'],
    [{ engine: 'linear', activation: 'relu' }, 'engine'],
    [{ widht: 3 }, ''],
  ])('rejects %j naming the field', (input, field) => {
    const issues = issuesOf(input);
    expect(issues.length).toBeGreaterThan(0);
    const paths = issues.map((i) => i.path.join('.'));
    if (field) expect(paths).toContain(field);
    else expect(issues[0]!.message).toMatch(/widht/);
  });

  it('lists every problem at once and throws a ConfigError naming them', () => {
    const issues = issuesOf({ depth: 0, learningRate: -1, optimizer: 'nope' });
    expect(issues.map((i) => i.path[0]).sort()).toEqual(['depth', 'learningRate', 'optimizer']);
    expect(() => resolveConfig({ depth: 0 })).toThrow(ConfigError);
    expect(() => resolveConfig({ depth: 0 })).toThrow(/depth/);
  });

  it('says which values an enum allows', () => {
    const [issue] = issuesOf({ optimizer: 'lbfgs' });
    expect(issue!.message).toMatch(/adam/);
  });
});
