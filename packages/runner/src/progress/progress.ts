import cliProgress from 'cli-progress';
import { finished, formatDuration, rate, type Tally } from './tally.js';

/** Live progress of a sweep: a bar on a terminal, a plain line every few seconds otherwise. */
export interface Progress {
  update(): void;
  /** Print a message without breaking the bar. */
  log(line: string): void;
  stop(): void;
}

/** Seconds between plain progress lines (ANSATZ_PROGRESS_SECONDS overrides). */
export function plainInterval(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env['ANSATZ_PROGRESS_SECONDS']);
  return Number.isFinite(v) && v > 0 ? v : 5;
}

function eta(t: Tally): string {
  const r = rate(t);
  const left = t.total - finished(t);
  return left === 0 ? '0s' : r > 0 ? formatDuration(left / r) : '?';
}

/** One plain progress line, e.g. `[quick] 12/40 (30%) 1.8 runs/s ETA 16s failed 0 diverged 1`. */
export function progressLine(name: string, t: Tally): string {
  const done = finished(t);
  const pct = t.total > 0 ? Math.floor((100 * done) / t.total) : 100;
  return (
    `[${name}] ${done}/${t.total} (${pct}%) ${rate(t).toFixed(2)} runs/s ETA ${eta(t)} ` +
    `failed ${t.failed} diverged ${t.diverged}`
  );
}

class BarProgress implements Progress {
  private readonly multi: cliProgress.MultiBar;
  private readonly bar: cliProgress.SingleBar;

  constructor(
    name: string,
    private readonly tally: Tally,
  ) {
    this.multi = new cliProgress.MultiBar(
      {
        format: `${name} {bar} {value}/{total} | {rate} runs/s | ETA {etaText} | failed {failed}`,
        hideCursor: true,
        clearOnComplete: false,
        stream: process.stderr,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar = this.multi.create(tally.total, finished(tally), this.payload());
  }

  private payload() {
    return {
      rate: rate(this.tally).toFixed(2),
      etaText: eta(this.tally),
      failed: this.tally.failed,
    };
  }

  update(): void {
    this.bar.update(finished(this.tally), this.payload());
  }

  log(line: string): void {
    this.multi.log(`${line}\n`);
  }

  stop(): void {
    this.update();
    this.multi.stop();
  }
}

class PlainProgress implements Progress {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly name: string,
    private readonly tally: Tally,
    seconds: number,
  ) {
    process.stderr.write(`${progressLine(name, tally)}\n`);
    this.timer = setInterval(
      () => process.stderr.write(`${progressLine(name, tally)}\n`),
      seconds * 1000,
    );
    this.timer.unref();
  }

  update(): void {}

  log(line: string): void {
    process.stderr.write(`${line}\n`);
  }

  stop(): void {
    clearInterval(this.timer);
    process.stderr.write(`${progressLine(this.name, this.tally)}\n`);
  }
}

/** A bar when stderr is a terminal, plain periodic lines otherwise. */
export function startProgress(name: string, tally: Tally): Progress {
  if (process.stderr.isTTY) return new BarProgress(name, tally);
  return new PlainProgress(name, tally, plainInterval());
}
