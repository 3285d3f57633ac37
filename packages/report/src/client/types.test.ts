import { describe, expect, it } from 'vitest';
import { fmtTip, logAxis } from './types.js';

describe('logAxis', () => {
  it('labels powers of ten only over a wide range', () => {
    const f = logAxis('loss', [1e-31, 10]).tickFormat;
    expect([1e-30, 1e-3, 1, 10].map(f)).toEqual(['1e-30', '1e-3', '1e0', '1e1']);
    expect([5e-5, 2e-3, 3e-3].map(f)).toEqual(['', '', '']);
  });

  it('also labels 2× and 5× a power of ten over under two decades', () => {
    const f = logAxis('imbalance', [0.0024, 0.03]).tickFormat;
    expect([0.005, 0.02, 0.01, 0.003].map(f)).toEqual(['5e-3', '2e-2', '1e-2', '']);
  });
});

describe('fmtTip', () => {
  it('prints tiny values in exponent form, never as 0', () => {
    expect(fmtTip(1.5e-32)).toBe('1.50e-32');
    expect(fmtTip(0.25)).toBe('0.25');
    expect(fmtTip(null)).toBe('–');
  });
});
