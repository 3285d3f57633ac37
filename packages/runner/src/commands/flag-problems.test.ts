import { describe, expect, it } from 'vitest';
import {
  claimProblem,
  imageProblem,
  intProblem,
  partitionProblem,
  slurmTimeProblem,
} from './flag-problems.js';

describe('flag checks', () => {
  it('accepts every Slurm time format and rejects others, naming the flag', () => {
    for (const t of ['30', '30:00', '2:00:00', '1-12', '1-12:30', '1-12:30:00', 'UNLIMITED']) {
      expect(slurmTimeProblem(t)).toBeUndefined();
    }
    for (const t of ['2h', '1:2:3:4', '-1', '', '1 day']) {
      expect(slurmTimeProblem(t)).toMatch(/^--time .*expected a Slurm time limit/);
    }
  });

  it('checks integers with their lower bound', () => {
    expect(intProblem('shards', 3, 1)).toBeUndefined();
    expect(intProblem('shards', 0, 1)).toBe('--shards 0: expected an integer ≥ 1');
    expect(intProblem('cpus', 1.5, 1)).toMatch(/--cpus 1.5/);
    expect(intProblem('cpus', Number.NaN, 1)).toMatch(/--cpus NaN/);
  });

  it('checks partitions, images and claims', () => {
    expect(partitionProblem('cpu,short')).toBeUndefined();
    expect(partitionProblem('cpu short')).toMatch(/--partition/);
    expect(imageProblem('ghcr.io/me/ansatz:1.0')).toBeUndefined();
    expect(imageProblem('has space')).toMatch(/--image/);
    expect(claimProblem('ansatz-results')).toBeUndefined();
    expect(claimProblem('Results_1')).toMatch(/--volume/);
  });
});
