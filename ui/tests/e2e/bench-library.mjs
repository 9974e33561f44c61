// Measures the library list with a large archive: the built UI (ui/dist) in headless Chromium,
// the in-memory backend holding N made-up article rows (default 100,000). Prints the time to
// the first rows, frame intervals while the list is scrolled (smooth wheel-sized steps, then
// long jumps), long tasks, and how long a filter keystroke takes. A measurement, not a test:
// it asserts nothing. Usage: node tests/e2e/bench-library.mjs [N]   (after `npm run build`)

import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(here, '../../dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROWS = Number(process.argv[2] ?? 100_000);

/** Runs in the page: records every frame's timestamp and every long task until `stop()`. */
function record() {
  /** @type {number[]} */
  const frames = [];
  /** @type {number[]} */
  const longTasks = [];
  let on = true;
  /** @param {number} t */
  const tick = (t) => {
    frames.push(t);
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  /** @type {any} */ (window).__bench = {
    stop() {
      on = false;
      observer.disconnect();
      return { frames, longTasks };
    },
  };
}

/**
 * Runs in the page: scrolls the list `steps` times, one step a frame, `by` pixels each.
 * @param {{ steps: number, by: number }} how
 */
function scroll({ steps, by }) {
  const list = /** @type {HTMLElement} */ (document.querySelector('[data-testid=library-list]'));
  return new Promise((done) => {
    let n = 0;
    const step = () => {
      list.scrollTop += by;
      if (++n < steps) requestAnimationFrame(step);
      else requestAnimationFrame(() => done(list.scrollTop));
    };
    requestAnimationFrame(step);
  });
}

/** @param {number[]} sorted @param {number} p */
const at = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Frame-interval statistics of one phase. @param {string} name @param {{ frames: number[], longTasks: number[] }} run */
function report(name, { frames, longTasks }) {
  const gaps = frames.slice(1).map((t, i) => t - /** @type {number} */ (frames[i])).sort((a, b) => a - b);
  const slow = gaps.filter((g) => g > 1000 / 30).length;
  const ms = (/** @type {number} */ n) => `${n.toFixed(1)} ms`;
  console.log(
    `${name.padEnd(28)} frames ${String(gaps.length).padStart(4)}  p50 ${ms(at(gaps, 50))}  p95 ${ms(at(gaps, 95))}  ` +
      `p99 ${ms(at(gaps, 99))}  max ${ms(gaps.at(-1) ?? 0)}  >33ms ${slow}  ` +
      `long tasks ${longTasks.length} (${ms(longTasks.reduce((a, b) => a + b, 0))})`,
  );
}

async function main() {
  await stat(join(dist, 'index.html')).catch(() => {
    throw new Error('ui/dist/index.html is missing: run `npm run build` first');
  });
  const server = await serve(dist);
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(120_000);
    await page.goto(`${origin}/?articles=${ROWS}`);
    await page.getByTestId('library-row').first().waitFor();
    const firstRows = await page.evaluate(() => performance.now());
    const count = await page.getByTestId('library-count').innerText();
    console.log(`library of ${count.replace(/\s+/g, ' ')}: first rows ${firstRows.toFixed(0)} ms after navigation`);

    for (const [name, steps, by] of /** @type {const} */ ([
      ['scroll, 120 px a frame', 300, 120],
      ['scroll, 2,400 px a frame', 200, 2400],
      ['jumps, 500,000 px a frame', 60, 500_000],
    ])) {
      await page.evaluate(record);
      await page.evaluate(scroll, { steps, by });
      report(name, await page.evaluate(() => /** @type {any} */ (window).__bench.stop()));
    }

    const filter = page.getByTestId('library-filter');
    const typed = await page.evaluate(async () => {
      const input = /** @type {HTMLInputElement} */ (document.querySelector('[data-testid=library-filter]'));
      const start = performance.now();
      input.value = 'summit';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      return performance.now() - start;
    });
    console.log(`filter keystroke over ${ROWS} rows: ${typed.toFixed(0)} ms to the next frame (${(await page.getByTestId('library-count').innerText()).replace(/\s+/g, ' ')})`);
    await filter.fill('');
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
