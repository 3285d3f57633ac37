import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/harness.js';
import { Claims } from './claims.js';

const opened: Claims[] = [];
/** A writer's claims on `dir`, opened; its plan read the results at `planAt`. */
function writer(dir: string, planAt = Date.now(), lease = 60): Claims {
  const c = new Claims(join(dir, 'claims'), lease, planAt);
  c.open();
  opened.push(c);
  return c;
}
afterEach(() => opened.splice(0).forEach((c) => c.close()));

describe('Claims', () => {
  it('one writer gets a cell; another skips it while the claim is live', () => {
    const dir = tempDir();
    const a = writer(dir);
    const b = writer(dir);
    expect(a.tryClaim('x')).toBe(true);
    expect(a.tryClaim('x')).toBe(true); // a retry of its own cell
    expect(b.tryClaim('x')).toBe(false);
    expect(b.elsewhere).toBe(1);
  });

  it('an expired claim is taken over; a released one is free at once', () => {
    const dir = tempDir();
    const a = writer(dir);
    const b = writer(dir, Date.now(), 1);
    expect(a.tryClaim('x')).toBe(true);
    const old = new Date(Date.now() - 5_000);
    utimesSync(join(dir, 'claims', 'x'), old, old);
    expect(b.tryClaim('x')).toBe(true);
    expect(a.tryClaim('y')).toBe(true);
    a.release('y');
    expect(existsSync(join(dir, 'claims', 'y'))).toBe(false);
    expect(b.tryClaim('y')).toBe(true);
  });

  it('a done claim is skipped by writers that planned before it, taken over by later plans', () => {
    const dir = tempDir();
    const a = writer(dir);
    expect(a.tryClaim('x')).toBe(true);
    a.done('x');
    expect(writer(dir, Date.now() - 1_000).tryClaim('x')).toBe(false);
    // A plan made well after the claim was marked done did not find the record: stale.
    expect(writer(dir, Date.now() + 3_600_000).tryClaim('x')).toBe(true);
  });

  it('a claims directory that cannot be written turns claims off: cells run unclaimed', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'claims'), 'a file, not a directory');
    const a = writer(dir);
    expect(a.tryClaim('x')).toBe(true);
    expect(a.off).toMatch(/claims: EEXIST|claims: ENOTDIR/);
  });
});
