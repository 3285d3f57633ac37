import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The claims directory inside a results directory. */
export const CLAIMS_DIR = 'claims';

/** `--lease` default: seconds a claim outlives its writer's last sign of life. */
export const DEFAULT_LEASE_SECONDS = 60;

/**
 * A claim is marked done by taking away its write bits (mode 0444): that survives every file
 * system (a far-future mtime would be clamped, at 2038 on some) and sets its ctime.
 */
const DONE_MODE = 0o444;
const isDoneMode = (mode: number) => (mode & 0o222) === 0;

/**
 * Clock skew allowed between machines sharing the results directory (a claim's ctime comes
 * from the file server, the plan's start from this machine).
 */
const SKEW_MS = 60_000;

/** The same for a claim of this host: file times come from a coarse kernel clock. */
const LOCAL_SKEW_MS = 1_000;

const codeOf = (err: unknown) => (err as NodeJS.ErrnoException).code;

/**
 * Claim files that let several `runner sweep` processes on one results directory (one
 * machine or a shared filesystem) split the work instead of repeating it (DESIGN.md §3).
 * Before a cell runs, its writer creates `claims/<id>` exclusively (link(2), like O_EXCL):
 * whoever creates it runs the cell. While the run is in flight the owner touches the file every lease/3; a claim whose
 * mtime is older than the lease belongs to a writer that died (kill -9, a lost node) and is
 * taken over — at once when the owner was a process of this host that no longer exists. When
 * the record is written the claim is marked done (mode 0444): another writer that planned
 * before that moment skips the cell. A done claim older than this writer's plan is stale (the
 * plan read the results after it and did not find the record, e.g. it was deleted) and is
 * taken over too. A claim whose run ends unwritten
 * (stopped, aborted, a write error) or whose record is `failed` (retried by the next sweep)
 * is removed at once.
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
  /**
   * Why claims are off, when the claims directory could not be written (a full or read-only
   * disk): cells then run unclaimed, and the record writes report the disk's state.
   */
  off: string | undefined;

  constructor(
    private readonly dir: string,
    private readonly leaseSeconds: number,
    /** When this writer started reading the results directory (ms since the epoch). */
    private readonly planStartedMs: number,
  ) {}

  /** Create the claims directory and start renewing held claims. */
  open(): void {
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (err) {
      this.off = `${this.dir}: ${codeOf(err) ?? String(err)}`;
      return;
    }
    const every = Math.max(200, (this.leaseSeconds * 1000) / 3);
    this.timer = setInterval(() => this.renew(), every);
    this.timer.unref();
  }

  private path(id: string): string {
    return join(this.dir, id);
  }

  /**
   * Claim a cell; true when this writer may run it (it holds the claim, or claims are off
   * because the claims directory cannot be written).
   */
  tryClaim(id: string): boolean {
    if (this.held.has(id) || this.off !== undefined) return true;
    try {
      if (this.claimOnce(id) || this.claimOnce(id)) return true;
    } catch (err) {
      this.off = `${this.path(id)}: ${codeOf(err) ?? String(err)}`;
      return true;
    }
    this.elsewhere++;
    return false;
  }

  /**
   * One try: create the claim, or remove it when expired or stale (then false: try again).
   * The claim is written whole under a temporary name and linked into place: link(2) fails
   * when the name exists (O_EXCL's guarantee, on NFS too), and no claim is ever seen empty.
   */
  private claimOnce(id: string): boolean {
    const tmp = join(this.dir, `.${id}.${hostname()}.${process.pid}.tmp`);
    const owner = { host: hostname(), pid: process.pid, lease: this.leaseSeconds };
    writeFileSync(tmp, `${JSON.stringify(owner)}\n`, { mode: 0o644 });
    try {
      linkSync(tmp, this.path(id));
      this.held.add(id);
      return true;
    } catch (err) {
      if (codeOf(err) !== 'EEXIST') throw err;
    } finally {
      rmSync(tmp, { force: true });
    }
    const st = statSync(this.path(id), { throwIfNoEntry: false });
    if (st === undefined) return false; // released meanwhile: try again
    if (isDoneMode(st.mode)) {
      const skew = this.ownerHost(id) === hostname() ? LOCAL_SKEW_MS : SKEW_MS;
      if (st.ctimeMs >= this.planStartedMs - skew) return false; // done since this plan
    } else if (Date.now() - st.mtimeMs < this.leaseSeconds * 1000 && !this.ownerDead(id)) {
      return false; // in flight in a live writer
    }
    try {
      unlinkSync(this.path(id)); // expired or stale: take it over (the next try creates it)
    } catch (e) {
      if (codeOf(e) !== 'ENOENT') throw e;
    }
    return false;
  }

  /** The host named in a claim, when it can be read. */
  private ownerHost(id: string): unknown {
    try {
      return (JSON.parse(readFileSync(this.path(id), 'utf8')) as { host?: unknown }).host;
    } catch {
      return undefined;
    }
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
      chmodSync(this.path(id), DONE_MODE);
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
