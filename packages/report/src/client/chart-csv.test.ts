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
  it('drops what the renderer drops: null values, and values a log axis cannot show', () => {
    const runs = [
      {
        k: 0,
        id: 'r0',
        init: 'balanced',
        wd: 0.01,
        opt: 'gd',
        L: 2,
        eta: 0.1,
        fit: null,
        theory: null,
        flags: '',
      },
    ];
    const points = [
      { k: 0, s: 0, c: 0.5, i: 1, l: 2 },
      { k: 0, s: 1, c: null, i: 0, l: 1 },
      { k: 9, s: 2, c: 0.7, i: 1, l: 1 }, // no such run: not drawn
    ];
    expect(records(chartCsv('conv-corr', { runs, points }))).toHaveLength(1 + 1);
    expect(records(chartCsv('conv-loss', { runs, points }))).toHaveLength(1 + 2);
    const withTheory: ChartData['conv-imbalance'] = {
      runs,
      points,
      theory: [{ k: 0, s: 0, i: 1 }],
    };
    const csv = records(chartCsv('conv-imbalance', withTheory));
    expect(csv).toEqual([
      'run,init,weight decay,optimizer,L,series,step,imbalance',
      'r0,balanced,0.01,gd,2,run,0,1',
      'r0,balanced,0.01,gd,2,gd theory,0,1',
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
        'ce-curves',
        'ce-scatter',
        'conv-corr',
        'conv-imbalance',
        'conv-loss',
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
