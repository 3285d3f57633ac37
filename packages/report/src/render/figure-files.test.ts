import { describe, expect, it } from 'vitest';
import { figureFileName, writeFigureFile } from './figure-files.js';

describe('figure files', () => {
  it('are named by the page path and the figure', () => {
    expect(figureFileName('', 'status-bars')).toBe('overview-status-bars');
    expect(figureFileName('alignment/', 'alpha-depth-2')).toBe('alignment-alpha-depth-2');
    expect(figureFileName('/runs/bal-L3-s0/', 'run-heatmap')).toBe('runs-bal-L3-s0-run-heatmap');
  });

  it('are not written outside an astro build', () => {
    expect(writeFigureFile('x.svg', '<svg/>')).toBe(false);
  });
});
