/// <reference lib="dom" />
/**
 * How fast the runs table of a built site answers in headless Chromium (issue 12: ≤ 100 ms a
 * filter keystroke or sort at 10⁵ runs): the site is served, `runs/` opened, and once its column
 * data is in, each step is timed inside the page from the input or click event to the table's
 * new rows laid out (event handlers run synchronously, then a forced layout).
 */
import { serveSite } from '@ansatz/report';
import { chromium } from 'playwright-core';

export interface Interaction {
  /** From navigation to the table's data decoded (`#runs[data-ready]`). */
  loadMs: number;
  /** One per character typed of FILTER_TYPED. */
  keystrokeMs: number[];
  /** First click on a column header (sorts all runs), then the reverse (cached order). */
  sortMs: number;
  reverseMs: number;
  /** Next page. */
  pageMs: number;
  /** Rows matching FILTER_TYPED. */
  matched: number;
}

export const FILTER_TYPED = 'optimizer:gd depth>=3 balanced';

export async function measureInteraction(
  siteDir: string,
  chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
): Promise<Interaction> {
  const { server, url } = await serveSite({ dir: siteDir, base: '/' });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const started = Date.now();
    await page.goto(`${url}runs/`, { waitUntil: 'load' });
    await page.locator('#runs[data-ready]').waitFor({ timeout: 600_000 });
    const loadMs = Date.now() - started;
    const keystrokeMs = await page.evaluate((typed) => {
      const input = document.querySelector<HTMLInputElement>('#run-filter')!;
      const out: number[] = [];
      for (let i = 1; i <= typed.length; i++) {
        const t = performance.now();
        input.value = typed.slice(0, i);
        input.dispatchEvent(new Event('input'));
        void document.body.offsetHeight;
        out.push(performance.now() - t);
      }
      return out;
    }, FILTER_TYPED);
    const matched = Number(
      /^(\d+) of/.exec((await page.locator('#run-count').textContent()) ?? '')?.[1] ?? NaN,
    );
    const timed = (selector: string) =>
      page.evaluate((sel) => {
        const t = performance.now();
        document.querySelector<HTMLElement>(sel)!.click();
        void document.body.offsetHeight;
        return performance.now() - t;
      }, selector);
    // Clear the filter, then sort every run by final loss (a numeric column).
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#run-filter')!;
      input.value = '';
      input.dispatchEvent(new Event('input'));
    });
    const lossHeader = await page
      .locator('#runs th')
      .evaluateAll((ths) => ths.findIndex((th) => th.textContent?.trim() === 'final loss'));
    const sortMs = await timed(`#runs th[data-col="${lossHeader}"] button`);
    const reverseMs = await timed(`#runs th[data-col="${lossHeader}"] button`);
    const pageMs = await timed('#run-next');
    return { loadMs, keystrokeMs, sortMs, reverseMs, pageMs, matched };
  } finally {
    await browser.close();
    server.close();
  }
}
