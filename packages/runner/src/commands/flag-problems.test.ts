import { describe, expect, it } from 'vitest';
import {
  claimProblem,
  cpuQuantityProblem,
  imageProblem,
  intProblem,
  memoryQuantityProblem,
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

  it('checks Kubernetes CPU and memory quantities', () => {
    for (const q of ['2', '1.5', '500m', '.5'])
      expect(cpuQuantityProblem('cpu-limit', q)).toBeUndefined();
    for (const q of ['two', '1.5m', '2 ', '-1', ''])
      expect(cpuQuantityProblem('cpu-limit', q)).toMatch(/^--cpu-limit .*CPU quantity/);
    for (const q of ['1Gi', '512Mi', '2G', '1000000', '1.5Gi'])
      expect(memoryQuantityProblem('memory', q)).toBeUndefined();
    for (const q of ['1GB', 'lots', '1 Gi', '-1Gi', 'Gi'])
      expect(memoryQuantityProblem('memory', q)).toMatch(/^--memory .*memory quantity/);
  });
});
