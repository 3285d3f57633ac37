import { describe, expect, it } from 'vitest';
import { robustDomain } from './robust-domain.js';

describe('robustDomain', () => {
  it('keeps every value when none is far out, padded by 4%', () => {
    const d = robustDomain([0.2, 0.25, 0.3, 0.33])!;
    expect(d.lo).toBeCloseTo(0.2 - 0.13 * 0.04, 12);
    expect(d.hi).toBeCloseTo(0.33 + 0.13 * 0.04, 12);
    expect([d.below, d.above]).toEqual([0, 0]);
  });

  it('one wild value does not set the range: it is counted off-scale', () => {
    const vals = [0.24, 0.25, 0.25, 0.26, 0.33, 0.34, 0.5, 0.51, 40];
    const d = robustDomain(vals)!;
    // Quartiles 0.25 and 0.5: the far-out fence is 0.5 + 3 × 0.25 = 1.25.
    expect(d.hi).toBeLessThan(1.25);
    expect(d.hi).toBeGreaterThan(0.51);
    expect(d.above).toBe(1);
    expect(d.below).toBe(0);
  });

  it('always holds the included values (the theory curve) and ignores nulls', () => {
    const d = robustDomain([0.3, null, 0.31, 0.32], [0.125, 0.5])!;
    expect(d.lo).toBeLessThan(0.125);
    expect(d.hi).toBeGreaterThan(0.5);
    expect(robustDomain([null])).toBeNull();
  });
});
