// Browser measurements in Debian's headless Chromium (playwright-core, the launch of
// scripts/chromium.ts, as the end-to-end tests): cold load of the default data, the longest main-thread task
// while a large CSV imports through the file input, and a national-scale layer (load + pan).
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';
import { median, quantile } from './stats';

const DRAWN = '[data-testid="map"][data-drawn="true"]';

export { chromiumPath };

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

async function freshPage(browser: Browser): Promise<Page> {
  // a new context has an empty HTTP cache: every load is cold
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => process.stderr.write(`  page error: ${String(e).slice(0, 200)}\n`));
  if (process.env.BENCH_DEBUG) page.on('response', (r) => process.stderr.write(`  ${r.status()} ${r.url().slice(0, 120)}\n`));
  return page;
}

export interface ColdLoad {
  ms: number[];
  median: number;
  /** Bytes over the wire until drawn (document + every resource, compressed as served), median. */
  transferBytes: number;
  /** Requests until drawn (document included), median. */
  requests: number;
}

/**
 * Navigation start → the map drawn (`data-drawn="true"`), ms; median of `reps` cold loads. Also
 * what does not depend on the machine's load: bytes and requests until drawn.
 */
export async function coldLoad(browser: Browser, url: string, reps: number, timeoutMs = 60_000): Promise<ColdLoad> {
  const ms: number[] = [];
  const bytes: number[] = [];
  const requests: number[] = [];
  for (let i = 0; i < reps; i++) {
    const page = await freshPage(browser);
    const t = Date.now();
    await page.goto(url);
    await page.waitForSelector(DRAWN, { timeout: timeoutMs, state: 'attached' });
    ms.push(Date.now() - t);
    const net = await page.evaluate(() => {
      const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      return { bytes: all.reduce((s, e) => s + e.transferSize, 0), requests: all.length };
    });
    bytes.push(net.bytes);
    requests.push(net.requests);
    await page.context().close();
  }
  return { ms, median: median(ms), transferBytes: median(bytes), requests: median(requests) };
}

// Injected before any page script: records every long task (> 50 ms) and every frame.
const OBSERVE = `
  window.__bench = { long: [], frames: [] };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.long.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__bench.noLongtask = String(e); }
`;

// Starts recording frame intervals; a string, so that the TypeScript transform adds nothing.
const START_FRAMES = `(() => {
  const b = window.__bench;
  b.rafOn = true;
  let last = performance.now();
  const tick = (now) => { b.frames.push(now - last); last = now; if (b.rafOn) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  return performance.now();
})()`;

interface BenchWindow {
  __bench: { long: [number, number][]; frames: number[]; noLongtask?: string; rafOn?: boolean };
}

export interface LongTaskResult {
  maxLongTaskMs: number | null;
  longTasks: number;
  importMs: number | null;
  /** Longest task that ended before the app had the new dataset ready (mark
   *  `social-map:import-ready`): reading, parsing, merging, building the dataset. */
  beforeReadyMs: number | null;
  /** Longest task that ended after it: the page rendering the new data (React, table, map). */
  afterReadyMs: number | null;
  /** The long tasks, [start after the choice, duration] (ms). */
  tasks: [number, number][];
  reason: string | null;
}

// Resolves once no long task has ended for `quiet` ms (animation frames keep coming meanwhile),
// or after `limit` ms: the page has finished reacting to the import.
const SETTLE = `(async (quiet, limit) => {
  const b = window.__bench;
  const t0 = performance.now();
  for (;;) {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    const now = performance.now();
    const last = b.long.reduce((m, e) => Math.max(m, e[0] + e[1]), t0);
    if (now - last >= quiet || now - t0 >= limit) return now;
  }
})`;

/**
 * Imports `file` through `[data-testid="import-input"]` on a drawn map and reports the longest
 * main-thread task from the moment the file is chosen until the page has settled after the
 * join report is shown (no long task for 2 s): the map and the table drawing the new values are
 * part of the import.
 */
export async function importLongTask(browser: Browser, url: string, file: string, timeoutMs = 300_000): Promise<LongTaskResult> {
  const page = await freshPage(browser);
  try {
    await page.addInitScript(OBSERVE);
    await page.goto(url);
    await page.waitForSelector(DRAWN, { timeout: 180_000, state: 'attached' });
    const input = await page.$('[data-testid="import-input"]');
    if (!input) return { maxLongTaskMs: null, longTasks: 0, importMs: null, beforeReadyMs: null, afterReadyMs: null, tasks: [], reason: 'the app has no [data-testid="import-input"] yet' };
    const t0 = await page.evaluate(() => performance.now());
    const t = Date.now();
    // an uncaught error in the page ends the wait at once (instead of the timeout)
    let onError: (e: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      onError = (e) => reject(new Error(`page error during the import: ${String(e).slice(0, 200)}`));
      page.on('pageerror', onError);
    });
    await input.setInputFiles(file);
    try {
      await Promise.race([page.waitForSelector('[data-testid="join-report"]', { timeout: timeoutMs, state: 'attached' }), failed]);
    } finally {
      page.off('pageerror', onError);
      failed.catch(() => undefined);
    }
    const importMs = Date.now() - t;
    await page.evaluate(`${SETTLE}(2000, 60000)`);
    const { tasks, ready } = await page.evaluate((from) => {
      const marks = performance.getEntriesByName('social-map:import-ready');
      return {
        tasks: (window as unknown as BenchWindow).__bench.long.filter(([s]) => s >= from),
        ready: marks.length > 0 ? (marks[marks.length - 1] as PerformanceEntry).startTime : null,
      };
    }, t0);
    const max = (xs: [number, number][]) => xs.reduce((m, [, d]) => Math.max(m, d), 0);
    return {
      maxLongTaskMs: max(tasks),
      longTasks: tasks.length,
      importMs,
      beforeReadyMs: ready === null ? null : max(tasks.filter(([s, d]) => s + d < ready)),
      afterReadyMs: ready === null ? null : max(tasks.filter(([s, d]) => s + d >= ready)),
      tasks: tasks.map(([s, d]) => [Math.round(s - t0), Math.round(d)]),
      reason: null,
    };
  } finally {
    await page.context().close();
  }
}

export interface PanResult {
  loadMs: number;
  frames: number;
  frameMedianMs: number;
  frameP95Ms: number;
  frameMaxMs: number;
  maxLongTaskMs: number;
  /** The same, panning after zooming in (+3 levels) where the units' outlines are drawn too. */
  zoomed: { zoom: number | null; outlineZoom: number; frameMedianMs: number; frameP95Ms: number; maxLongTaskMs: number } | null;
}

/** Frame intervals and long tasks recorded from START_FRAMES at `from` until now. */
async function stopFrames(page: Page, from: number): Promise<{ frames: number[]; long: [number, number][] }> {
  return page.evaluate((f) => {
    const b = (window as unknown as BenchWindow).__bench;
    b.rafOn = false;
    return { frames: b.frames.slice(1), long: b.long.filter(([s]) => s >= f) };
  }, from);
}

const drags = async (page: Page, cx: number, cy: number) => {
  for (const [dx, dy] of [[-300, 0], [0, -200], [300, 200], [-150, 150]] as const) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 20 });
    await page.mouse.up();
  }
};

async function panZoomedIn(page: Page, cx: number, cy: number, outlineZoom: number): Promise<NonNullable<PanResult['zoomed']>> {
  for (let i = 0; i < 3; i++) {
    await page.locator('.maplibregl-ctrl-zoom-in').click();
    await page.waitForTimeout(400);
  }
  await page.waitForTimeout(1500);
  const zoom = Number((await page.locator('[data-testid="map"]').getAttribute('data-zoom')) ?? NaN);
  const t1 = (await page.evaluate(START_FRAMES)) as number;
  await drags(page, cx, cy);
  await page.waitForTimeout(300);
  const z = await stopFrames(page, t1);
  return {
    zoom: Number.isFinite(zoom) ? zoom : null,
    outlineZoom,
    frameMedianMs: median(z.frames),
    frameP95Ms: quantile(z.frames, 0.95),
    maxLongTaskMs: z.long.reduce((m, [, d]) => Math.max(m, d), 0),
  };
}

/**
 * Loads `url` (a large package), then drags the map around and zooms, recording frame times;
 * then, given `outlineZoom` (the app's map, where the units' outlines appear from that zoom),
 * zooms in 3 more levels with the map's button and drags again.
 */
export async function panLarge(browser: Browser, url: string, outlineZoom: number | null = null, timeoutMs = 180_000): Promise<PanResult> {
  const page = await freshPage(browser);
  try {
    await page.addInitScript(OBSERVE);
    const t = Date.now();
    await page.goto(url);
    await page.waitForSelector(DRAWN, { timeout: timeoutMs, state: 'attached' });
    const loadMs = Date.now() - t;
    const box = await page.locator('[data-testid="map"]').boundingBox();
    if (!box) throw new Error('map has no box');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const t0 = (await page.evaluate(START_FRAMES)) as number;
    await drags(page, cx, cy);
    for (let i = 0; i < 3; i++) {
      await page.mouse.move(cx, cy);
      await page.mouse.wheel(0, -240);
      await page.waitForTimeout(120);
    }
    await page.waitForTimeout(300);
    const { frames, long } = await stopFrames(page, t0);
    const zoomed = outlineZoom === null ? null : await panZoomedIn(page, cx, cy, outlineZoom);
    return {
      loadMs,
      frames: frames.length,
      frameMedianMs: median(frames),
      frameP95Ms: quantile(frames, 0.95),
      frameMaxMs: frames.reduce((m, x) => Math.max(m, x), 0),
      maxLongTaskMs: long.reduce((m, [, d]) => Math.max(m, d), 0),
      zoomed,
    };
  } finally {
    await page.context().close();
  }
}
