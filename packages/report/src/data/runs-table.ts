import { cfgNum, cfgStr, finalValue, finite, type RunRecord } from './record.js';
import { sig } from './stats.js';

/** One row of the runs table: config columns, status and final metrics. */
export interface RunRow {
  id: string;
  experiment: string;
  status: string;
  depth: number;
  width: number;
  activation: string;
  init: string;
  initScale: number;
  optimizer: string;
  learningRate: number;
  weightDecay: number;
  seed: number;
  loss: number | null;
  nfaCorr: number | null;
  alphaHat: number | null;
  nfaCorrBest: number | null;
  /** Best-α centred correlation (the counterexample statistic). */
  centred: number | null;
  /** Quality flags, comma-separated ('' for none). */
  flags: string;
  seconds: number | null;
}

export const RUN_COLUMNS: { key: keyof RunRow; label: string; numeric: boolean }[] = [
  { key: 'id', label: 'run', numeric: false },
  { key: 'experiment', label: 'experiment', numeric: false },
  { key: 'status', label: 'status', numeric: false },
  { key: 'depth', label: 'L', numeric: true },
  { key: 'width', label: 'width', numeric: true },
  { key: 'activation', label: 'activation', numeric: false },
  { key: 'init', label: 'init', numeric: false },
  { key: 'initScale', label: 'scale', numeric: true },
  { key: 'optimizer', label: 'optimizer', numeric: false },
  { key: 'learningRate', label: 'η', numeric: true },
  { key: 'weightDecay', label: 'λ', numeric: true },
  { key: 'seed', label: 'seed', numeric: true },
  { key: 'loss', label: 'final loss', numeric: true },
  { key: 'nfaCorr', label: 'corr(1/L)', numeric: true },
  { key: 'alphaHat', label: 'α̂', numeric: true },
  { key: 'nfaCorrBest', label: 'best corr', numeric: true },
  { key: 'centred', label: 'best centred ρ', numeric: true },
  { key: 'flags', label: 'flags', numeric: false },
  { key: 'seconds', label: 'seconds', numeric: true },
];

export function runRow(r: RunRecord): RunRow {
  // Metrics of a run that did not finish are not final: shown as missing (the run page has its curves).
  const done = r.status === 'ok';
  const fv = (k: 'loss' | 'nfaCorr' | 'alphaHat') => (done ? finalValue(r, k) : null);
  return {
    id: r.id,
    experiment: r.experiment,
    status: r.status,
    depth: cfgNum(r, 'depth'),
    width: cfgNum(r, 'width'),
    activation: cfgStr(r, 'activation'),
    init: cfgStr(r, 'init'),
    initScale: cfgNum(r, 'initScale'),
    optimizer: cfgStr(r, 'optimizer'),
    learningRate: cfgNum(r, 'learningRate'),
    weightDecay: cfgNum(r, 'weightDecay'),
    seed: cfgNum(r, 'seed'),
    loss: sig(fv('loss'), 3),
    nfaCorr: sig(fv('nfaCorr'), 4),
    alphaHat: sig(fv('alphaHat'), 3),
    nfaCorrBest: sig(r.final ? finite(r.final.nfaCorrBest) : null, 4),
    centred: sig(r.final ? finite(r.final.nfaCorrCentredBest) : null, 4),
    flags: r.flags.join(', '),
    seconds: sig(r.timing.seconds, 3),
  };
}

export { cellText } from './cell-text.js';

/**
 * URL path segment of each run page. Run ids are hex hashes and are used as they are; any other
 * id is made URL-safe, with a numeric suffix where two ids would collide.
 */
export function assignSlugs(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  // `view` and `data` are the run view and its data files (run-pages.ts), `table` the runs
  // table's data (runs-columns.ts).
  const used = new Set<string>(['view', 'data', 'table']);
  for (const id of ids) {
    const base = id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80) || 'run';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    out.set(id, slug);
  }
  return out;
}
