/**
 * Results sets of any size made of real records: a real sweep (sweeps/quick.yaml, ~50 runs in
 * seconds) is run once, then the spec is scaled up by giving every experiment `seeds: K`, and
 * each cell of the scaled spec gets the record of the real run that differs from it only in
 * its seed (seed mod the real seeds), with the cell's own config, experiment and id
 * (`runId(config)`, so every record verifies and the runner counts it as done). Metrics,
 * history and matrices are therefore real but repeat across seeds.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  canonicalJson,
  loadSpecFile,
  loadSpecText,
  runId,
  uniqueCells,
  writeSnapshot,
} from '@ansatz/runner';

type Json = Record<string, unknown>;

/** What `makeRecords` built, for the benchmark's output. */
export interface RecordSet {
  dir: string;
  records: number;
  bytes: number;
  seedsPerCell: number;
  how: string;
}

/** Run the real seed sweep into `dir` unless it is already there; returns its records. */
export function seedRecords(cli: string, spec: string, dir: string, cwd: string): Json[] {
  const files = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')) : []);
  if (files().length === 0) {
    const r = spawnSync(process.execPath, [cli, 'sweep', spec, '--out', dir], {
      cwd,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`seed sweep ${spec} failed (exit ${r.status})`);
  }
  const records: Json[] = [];
  for (const f of files()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line.trim() !== '') records.push(JSON.parse(line) as Json);
    }
  }
  return records.filter((r) => r['status'] === 'ok');
}

function withoutSeed(config: Json): string {
  const rest = { ...config };
  delete rest['seed'];
  return canonicalJson(rest);
}

/** The spec `specFile` with every experiment at `seeds` seeds, as JSON (valid YAML). */
export function scaledSpecText(specFile: string, seeds: number, name: string): string {
  const { spec } = loadSpecFile(specFile);
  const experiments: Json = {};
  for (const [n, e] of Object.entries(spec.experiments)) experiments[n] = { ...e, seeds };
  return `${JSON.stringify({ ...spec, name, experiments }, null, 2)}\n`;
}

/** Unique cells of `specFile` per seed (its cells with one seed each). */
export function cellsPerSeed(specFile: string): number {
  return uniqueCells(loadSpecText(scaledSpecText(specFile, 1, 'probe'), 'probe.yaml').cells).length;
}

/**
 * Write a results directory of `target` records or a little more (every cell of the scaled
 * spec): one writer's JSONL file and the spec snapshot, as a sweep leaves them.
 */
export function makeRecords(
  seeds: readonly Json[],
  specFile: string,
  target: number,
  dir: string,
): RecordSet {
  const k = Math.ceil(target / cellsPerSeed(specFile));
  const name = `scale-${target}`;
  const specPath = `${dir}.yaml`;
  const text = scaledSpecText(specFile, k, name);
  const loaded = loadSpecText(text, specPath);
  const templates = new Map<string, Json[]>();
  for (const r of seeds) {
    const key = withoutSeed(r['config'] as Json);
    const list = templates.get(key) ?? [];
    list.push(r);
    templates.set(key, list);
  }
  for (const list of templates.values()) {
    list.sort(
      (a, b) => Number((a['config'] as Json)['seed']) - Number((b['config'] as Json)['seed']),
    );
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(specPath, text);
  writeSnapshot(dir, loaded);
  const fd = openSync(join(dir, 'bench-s0of1.jsonl'), 'w');
  let bytes = 0;
  let batch: string[] = [];
  const flush = () => {
    const chunk = batch.join('');
    bytes += writeSync(fd, chunk);
    batch = [];
  };
  let records = 0;
  for (const cell of uniqueCells(loaded.cells)) {
    const config = cell.config as unknown as Json;
    const list = templates.get(withoutSeed(config));
    if (!list) throw new Error(`no real record for cell ${cell.id} of ${cell.experiment}`);
    if (runId(config) !== cell.id) throw new Error(`cell ${cell.id}: id does not verify`);
    const t = list[Number(config['seed']) % list.length]!;
    const rec = { ...t, id: cell.id, sweep: name, experiment: cell.experiment, config };
    batch.push(`${JSON.stringify(rec)}\n`);
    records++;
    if (batch.length >= 500) flush();
  }
  flush();
  closeSync(fd);
  return {
    dir,
    records,
    bytes,
    seedsPerCell: k,
    how: `${specFile} with seeds: ${k} in every experiment; each record copied from the real run of the same cell with seed mod its real seeds, new config/experiment/id (ids verified)`,
  };
}
