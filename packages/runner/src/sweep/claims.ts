import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The claims directory inside a results directory. */
export const CLAIMS_DIR = 'claims';

/** `--lease` default: seconds a claim outlives its writer's last sign of life. */
export const DEFAULT_LEASE_SECONDS = 60;

/** A done claim's mtime: far in the future, so it never expires as a lease. */
const DONE_MTIME = new Date('9999-01-01T00:00:00Z');
const DONE_THRESHOLD_MS = Date.UTC(9000, 0, 1);

/**
 * Clock skew allowed between machines sharing the results directory (a claim's ctime comes
 * from the file server, the plan's start from this machine).
 */
const SKEW_MS = 60_000;

const codeOf = (err: unknown) => (err as NodeJS.ErrnoException).code;

/**
 * Claim files that let several `runner sweep` processes on one results directory (one
 * machine or a shared filesystem) split the work instead of repeating it (DESIGN.md §3).
 * Before a cell runs, its writer creates `claims/<id>` with O_EXCL: whoever creates it runs the
 * cell. While the run is in flight the owner touches the file every lease/3; a claim whose
 * mtime is older than the lease belongs to a writer that died (kill -9, a lost node) and is
 * taken over — at once when the owner was a process of this host that no longer exists. When the record is written the claim is marked done (mtime set far in the
 * future): another writer that planned before that moment skips the cell. A done claim older
 * than this writer's plan is stale (the plan read the results after it and did not find the
 * record, e.g. it was deleted) and is taken over too. A claim whose run ends unwritten
 * (stopped, aborted, a write error) is removed at once.
 *
 * Limits: two writers taking over the same expired claim at the same instant may both run
 * that cell (the reader's dedupe keeps one record); after a kill, its in-flight cells run at
 * most once more, after the lease.
 */
export class Claims {
  private readonly held = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** Cells found claimed by another writer (skipped). */
  elsewhere = 0;

  constructor(
    private readonly dir: string,
    private readonly leaseSeconds: number,
    /** When this writer started reading the results directory (ms since the epoch). */
    private readonly planStartedMs: number,
  ) {}

  /** Create the claims directory and start renewing held claims. */
  open(): void {
    mkdirSync(this.dir, { recursive: true });
    const every = Math.max(200, (this.leaseSeconds * 1000) / 3);
    this.timer = setInterval(() => this.renew(), every);
    this.timer.unref();
  }

  private path(id: string): string {
    return join(this.dir, id);
  }

  /** Claim a cell; true when this writer may run it (it holds the claim). */
  tryClaim(id: string): boolean {
    if (this.held.has(id)) return true;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.path(id), 'wx');
        try {
          const owner = { host: hostname(), pid: process.pid, lease: this.leaseSeconds };
          writeSync(fd, `${JSON.stringify(owner)}\n`);
        } finally {
          closeSync(fd);
        }
        this.held.add(id);
        return true;
      } catch (err) {
        if (codeOf(err) !== 'EEXIST') throw err;
      }
      const st = statSync(this.path(id), { throwIfNoEntry: false });
      if (st === undefined) continue; // released meanwhile: try again
      if (st.mtimeMs >= DONE_THRESHOLD_MS) {
        if (st.ctimeMs >= this.planStartedMs - SKEW_MS) break; // done since this plan
      } else if (Date.now() - st.mtimeMs < this.leaseSeconds * 1000 && !this.ownerDead(id)) {
        break; // in flight in a live writer
      }
      try {
        unlinkSync(this.path(id)); // expired or stale: take it over
      } catch (err) {
        if (codeOf(err) !== 'ENOENT') throw err;
      }
    }
    this.elsewhere++;
    return false;
  }

  /**
   * Whether the claim's owner is a process of this host that no longer exists (killed, e.g.
   * kill -9): then its claim is taken over at once, without waiting for the lease, so a
   * resume right after a kill runs exactly the missing cells. Other hosts' claims wait.
   */
  private ownerDead(id: string): boolean {
    let owner: { host?: unknown; pid?: unknown };
    try {
      owner = JSON.parse(readFileSync(this.path(id), 'utf8')) as typeof owner;
    } catch {
      return false; // being written, or gone: treat as alive
    }
    if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;
    if (owner.pid === process.pid) return false;
    try {
      process.kill(owner.pid, 0);
      return false;
    } catch (err) {
      return codeOf(err) === 'ESRCH';
    }
  }

  /** The cell's record is written: its claim stays, marked done. */
  done(id: string): void {
    if (!this.held.delete(id)) return;
    try {
      utimesSync(this.path(id), new Date(), DONE_MTIME);
    } catch {
      // The record is written; a claim that stays a lease expires and is found done on read.
    }
  }

  /** The cell ended without a record: remove its claim so that any writer can run it. */
  release(id: string): void {
    if (!this.held.delete(id)) return;
    try {
      unlinkSync(this.path(id));
    } catch {
      // Gone already, or the directory is unwritable: the lease expires by itself.
    }
  }

  /** Touch every held claim: this writer is alive. */
  renew(): void {
    const now = new Date();
    for (const id of this.held) {
      try {
        utimesSync(this.path(id), now, now);
      } catch {
        // Taken over or removed: the run goes on; the reader's dedupe keeps one record.
      }
    }
  }

  /** Stop renewing and release every claim still held (runs that ended unwritten). */
  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    for (const id of [...this.held]) this.release(id);
  }
}
