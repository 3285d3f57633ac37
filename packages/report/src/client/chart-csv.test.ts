import { describe, expect, it } from 'vitest';
import { chartCsv, chartCsvs, csvField, toCsv } from './chart-csv.js';
import type { ChartData } from './chart-kinds.js';

describe('RFC 4180 CSV', () => {
  it('quotes a field only when it holds a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(false)).toBe('false');
  });

  it('ends every record, the header included, with CRLF', () => {
    expect(toCsv({ columns: ['x', 'y, z'], rows: [[1, 'a"b']] })).toBe('x,"y, z"\r\n1,"a""b"\r\n');
    expect(toCsv({ columns: ['x'], rows: [] })).toBe('x\r\n');
  });
});

/** Split a CSV without quoted line breaks into records. */
const records = (csv: string) => csv.split('\r\n').slice(0, -1);

describe('the CSV of each chart kind holds the rows its marks plot', () => {
  it('drops what the renderer drops: other metrics, and values a log axis cannot show', () => {
    const group = {
      g: 0,
      col: 'gaussian',
      init: 'gaussian',
      scale: 1,
      opt: 'gd',
      wd: 0.01,
      L: 2,
      eta: 0.1,
      n: 3,
      notFit: 0,
      runs: 'runs/?q=init%3Agaussian',
    };
    const bands = [
      { g: 0, m: 'i' as const, s: 0, med: 1, q1: 0.5, q3: 2 },
      { g: 0, m: 'i' as const, s: 10, med: 0, q1: 0, q3: 0 }, // not on a log axis
      { g: 0, m: 'c' as const, s: 0, med: 0.5, q1: 0.4, q3: 0.6 },
      { g: 9, m: 'i' as const, s: 0, med: 1, q1: 1, q3: 1 }, // no such group: not drawn
    ];
    const d: ChartData['conv-imbalance'] = {
      groups: [group],
      bands,
      theory: [{ g: 0, s: 0, i: 1 }],
    };
    expect(records(chartCsv('conv-imbalance', d))).toEqual([
      'init,optimizer,weight decay,L,learning rate,runs,series,step,imbalance,quartile 1,quartile 3,runs table',
      'gaussian,gd,0.01,2,0.1,3,median over seeds,0,1,0.5,2,runs/?q=init%3Agaussian',
      'gaussian,gd,0.01,2,0.1,3,gd theory,0,1,,,runs/?q=init%3Agaussian',
    ]);
    expect(records(chartCsv('conv-corr', d))).toHaveLength(1 + 1);
    // The loss chart plots the loss bands: there are none here.
    expect(records(chartCsv('conv-loss', d))).toHaveLength(1);
  });

  it('an α̂ figure lists its dots and its group medians; the α = 1/2 comparison its medians', () => {
    const point = { id: 'r1', L: 3, x: 3.03, init: 'balanced', opt: 'gd', wd: 0 };
    const fig: ChartData['alpha-depth'] = {
      points: [
        { ...point, a: 0.33, as: null, c: 1, h: 0.9 },
        { ...point, id: 'r2', a: null, as: 0.3, c: 1, h: 0.9 }, // no α̂: no dot
      ],
      summary: [
        {
          L: 3,
          init: 'balanced',
          opt: 'gd',
          wd: 0,
          n: 2,
          runs: 'x',
          med: 0.33,
          q1: 0.32,
          q3: 0.34,
        },
      ],
      theory: [],
      y: 'a',
      domain: null,
      perRun: true,
      label: 'α̂',
    };
    expect(records(chartCsv('alpha-depth', fig))).toEqual([
      'series,run,optimizer,init,L,weight decay,runs,α̂,quartile 1,quartile 3',
      'run,r1,gd,balanced,3,0,1,0.33,,',
      'group,,gd,balanced,3,0,2,0.33,0.32,0.34',
    ]);
    const corr: ChartData['corr-half'] = {
      medians: [{ L: 3, which: 'α = 1/2', c: 0.9, n: 40 }],
      points: [],
      total: 40,
    };
    expect(records(chartCsv('corr-half', corr))).toEqual([
      'series,run,L,exponent,cosine similarity,runs',
      'median,,3,α = 1/2,0.9,40',
    ]);
  });

  it('names the plotted field in the header and quotes labels with commas', () => {
    const cells = [
      { opt: 'adam', wd: '0', n: 3, corr: 0.9, err: null },
      { opt: 'gd', wd: '0.01', n: 2, corr: null, err: 0.1 },
    ];
    const csv = chartCsv('opt-heatmap', {
      cells,
      field: 'err',
      label: 'median |α̂ − 1/L|, per cell',
      scheme: 'magma',
      reverse: true,
    });
    expect(records(csv)).toEqual([
      'optimizer,weight decay,"median |α̂ − 1/L|, per cell",runs',
      'gd,0.01,0.1,2',
    ]);
  });

  it('has a definition for every chart kind', () => {
    expect(Object.keys(chartCsvs).sort()).toEqual(
      [
        'alpha-depth',
        'alpha-depth-wd',
        'alpha-spectral',
        'ce-curves',
        'ce-scatter',
        'conv-corr',
        'conv-imbalance',
        'conv-decay',
        'conv-loss',
        'conv-opt',
        'corr-half',
        'opt-heatmap',
        'run-curves',
        'run-heatmap',
        'run-imbalance',
        'status-bars',
      ].sort(),
    );
  });
});
