/**
 * Figures drawn at build time with linkedom: every chart kind of the fixture site draws an
 * labelled SVG with its marks, and its CSV has one row per mark it plots.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartData, ChartKind } from '../client/chart-kinds.js';
import { alphaFigure } from '../data/alignment.js';
import { RATIO_FLOOR } from '../data/counterexamples.js';
import { buildSiteData, type SiteData } from '../data/site-data.js';
import { runDetail } from '../data/run-detail.js';
import { writeFixtureDir } from '../test-support/fixture-dir.js';
import { staticFigure } from './static-figure.js';

let tmp: string;
let site: SiteData;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'ansatz-static-figure-'));
  writeFixtureDir(tmp);
  site = await buildSiteData([tmp]);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Parse a figure's markup and count the elements of one mark. */
function count(markup: string, mark: string, element: string): number {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  return document.querySelectorAll(`svg g[data-mark="${mark}"] ${element}`).length;
}

const csvRows = (csv: string) => csv.split('\r\n').length - 2;

describe('a figure drawn at build time', () => {
  it('is an SVG named by the title, marks labelled as in the browser, nothing aria-prohibited', () => {
    const f = staticFigure('status-bars', site.overview.counts, 'Runs by status');
    const { document } = parseHTML(`<!doctype html><html><body>${f.markup}</body></html>`);
    const svgs = [...document.querySelectorAll('svg[role="img"]')];
    expect(svgs.length).toBeGreaterThan(0);
    for (const svg of svgs) expect(svg.getAttribute('aria-label')).toBe('Runs by status');
    expect(document.querySelectorAll('g[aria-label], g[aria-description]')).toHaveLength(0);
    // Legend swatches are decoration beside their text.
    expect(
      document.querySelectorAll('[class*="-swatch"] svg:not([aria-hidden="true"])'),
    ).toHaveLength(0);
    expect(document.querySelector('svg style')?.textContent).toMatch(/\.plot-/);
  });

  /** Rows of a CSV whose first column is `series`, for one series. */
  const seriesRows = (csv: string, series: string) =>
    csv.split('\r\n').filter((l) => l.startsWith(`${series},`)).length;

  const cases: [string, () => { kind: ChartKind; data: ChartData[ChartKind] }, string, string][] = [
    ['status-bars', () => ({ kind: 'status-bars', data: site.overview.counts }), 'bar', 'rect'],
    [
      'opt-heatmap',
      () => ({
        kind: 'opt-heatmap',
        data: {
          cells: site.optimizers.cells,
          field: 'err',
          label: 'err',
          scheme: 'magma',
          reverse: true,
        },
      }),
      'cell',
      'rect',
    ],
    [
      'ce-scatter',
      () => ({
        kind: 'ce-scatter',
        data: {
          points: site.counterexamples.points,
          ...site.counterexamples.thresholds,
          floor: RATIO_FLOOR,
        },
      }),
      'dot',
      'path',
    ],
  ];

  it.each(cases)('%s: its CSV has one row per mark drawn', (_, make, mark, element) => {
    const { kind, data } = make();
    const f = staticFigure(kind, data as never, kind);
    const marks = count(f.markup, mark, element);
    expect(marks).toBeGreaterThan(0);
    expect(csvRows(f.csv)).toBe(marks);
  });

  it('alpha-depth: its CSV has a row per dot and one per group median drawn', () => {
    const data = { ...alphaFigure(site.alignment, 'a', true), label: 'α̂' };
    const f = staticFigure('alpha-depth', data, 'alpha');
    const dots = count(f.markup, 'dot', 'circle');
    expect(dots).toBeGreaterThan(0);
    expect(seriesRows(f.csv, 'run')).toBe(dots);
    expect(seriesRows(f.csv, 'group')).toBe(data.summary.length);
    expect(data.summary.length).toBeGreaterThan(0);
  });

  it('corr-half: its CSV has a row per run dot and one per median', () => {
    const data = site.alignment.corr;
    const f = staticFigure('corr-half', data, 'corr');
    const dots = count(f.markup, 'dot', 'circle');
    expect(data.points.length).toBeGreaterThan(0);
    expect(seriesRows(f.csv, 'run')).toBe(data.points.length);
    expect(dots).toBeGreaterThanOrEqual(data.points.length);
    expect(seriesRows(f.csv, 'median')).toBe(data.medians.length);
  });

  it('draws a continuous colour legend without a canvas, and a standalone SVG file', () => {
    const record = site.loaded.records.find((r) => r.id === 'bal-L3-s0')!;
    const detail = runDetail(record);
    const f = staticFigure('run-heatmap', detail.heatmap, 'Heatmap');
    expect(count(f.markup, 'cell', 'rect')).toBe(csvRows(f.csv));
    expect(f.markup).toMatch(/<image[^>]+href="data:image\/svg\+xml,/);
    expect(f.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" xmlns:xlink=/);
    expect(f.svg).not.toContain('&nbsp;');
  });
});
