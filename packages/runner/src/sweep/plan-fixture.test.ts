import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planFixture, type PlanFixture } from './plan-fixture.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
// Taken with the planning code before it was made faster for 10⁶-cell specs (bench:scale).
const fixtures = JSON.parse(
  readFileSync(new URL('./fixtures/plan-fixtures.json', import.meta.url), 'utf8'),
) as PlanFixture[];

describe('planning keeps ids, start order and shard assignment', () => {
  for (const want of fixtures) {
    it(`${want.spec}: ${want.order.length} ids`, () => {
      const got = planFixture(`${root}${want.spec}`, want.spec);
      expect(got.cells).toEqual(want.cells);
      expect(got.order).toEqual(want.order);
      expect(got.shards).toEqual(want.shards);
    });
  }
});
