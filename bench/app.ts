// The dashboard at 50,000 pods, in web mode and headless Chromium, as a user meets it: start to
// first useful paint, click to the first pod rows, filter keystroke to repaint, sort, scrolling
// frame time, the renderer's JS heap, and watch event to paint while 200 events/s arrive.
// The web host and an in-process core without components (no scheduler or kubelets, so the
// pods stay as written) share this process, as they share the app's host process.
// Every time is taken inside the page (performance.now, or Date.now against the writer's clock
// for events): "paint" is the first task after the next animation frame, when the frame has
// been committed.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumMissing, CHROMIUM, fillPods, podName, setRestarts, startWebApp } from '../test/support/web-app';
import { REPO_ROOT } from './lib/cluster-process';
import { printTable, runBench } from './lib/report';
import { summarize, type Summary } from './lib/stats';

// The functions given to page.evaluate run in the page: the few browser globals they use are
// declared here, in this module only, so the Node program does not take in the DOM library.
interface PageElement {
  textContent: string | null;
  scrollTop: number;
  value: string;
  click(): void;
  querySelector(selector: string): PageElement | null;
  dispatchEvent(event: PageEvent): boolean;
}
interface PageEvent {
  readonly type: string;
}
declare const document: PageElement & { querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement> };
declare function requestAnimationFrame(run: (time: number) => void): number;
declare const Event: new (type: string) => PageEvent;
declare const MutationObserver: new (run: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };

const PODS = 50_000;
const NAMESPACES = 10;
const EVENTS_PER_SEC = 200;
const STREAM_MS = 15_000;
/** Of the 200 events/s, these go to the first row on screen, and are timed to its repaint. */
const PROBES_PER_SEC = 10;
const SCROLL_FRAMES = 180;
const FILTER_TEXT = 'web-04321';

interface PageHelpers {
  /** Resolves after the next frame is committed. */
  paint(): Promise<void>;
  /** Resolves when the selector matches (and the text, if given), after that frame's paint. */
  until(selector: string, text?: string): Promise<void>;
  firstRowsAt?: number;
  probes: { value: number; at: number }[];
}
type BenchWindow = typeof globalThis & { bench: PageHelpers };

/** Installed before the app's scripts: page-side timing helpers and the first-rows mark. */
function installHelpers(): void {
  const w = globalThis as BenchWindow;
  const paint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const matches = (selector: string, text?: string) => {
    const el = document.querySelector(selector);
    return !!el && (text === undefined || el.textContent?.trim() === text);
  };
  w.bench = {
    paint,
    probes: [],
    until: (selector, text) =>
      new Promise<void>((resolve) => {
        if (matches(selector, text)) return void paint().then(resolve);
        const observer = new MutationObserver(() => {
          if (!matches(selector, text)) return;
          observer.disconnect();
          void paint().then(resolve);
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
      }),
  };
  void w.bench.until('.resource-table tbody tr[data-name]').then(() => (w.bench.firstRowsAt = performance.now()));
}

const ms = (n: number) => Math.round(n * 10) / 10;

/** Sets the filter's text as a keystroke would, to the repainted rows. */
function timeFilterInput(page: Page, value: string): Promise<number> {
  return page.evaluate(async (text) => {
    const input = document.querySelector('[data-test="filter"]')!;
    const t0 = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await (globalThis as BenchWindow).bench.paint();
    return performance.now() - t0;
  }, value);
}

/** Types FILTER_TEXT one character at a time, then clears it. */
async function timeFilter(page: Page): Promise<{ keystrokes: Summary; clearMs: number }> {
  const times: number[] = [];
  for (let i = 1; i <= FILTER_TEXT.length; i++) times.push(await timeFilterInput(page, FILTER_TEXT.slice(0, i)));
  return { keystrokes: summarize(times), clearMs: ms(await timeFilterInput(page, '')) };
}

/** A click on a column's header to the repainted rows. */
function timeSort(page: Page, column: string): Promise<number> {
  return page.evaluate(async (name) => {
    const header = [...document.querySelectorAll('.resource-table th')].find((th) => th.textContent?.trim().replace(/[▲▼]/, '') === name);
    if (!header) throw new Error(`no ${name} column`);
    const t0 = performance.now();
    header.querySelector('button')!.click();
    await (globalThis as BenchWindow).bench.paint();
    return performance.now() - t0;
  }, column);
}

/** Scrolls 50 rows a frame and records the frame intervals. */
function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(
    (frames) =>
      new Promise<number[]>((resolve) => {
        const el = document.querySelector('.table-wrap')!;
        const intervals: number[] = [];
        let last = performance.now();
        const step = (t: number) => {
          intervals.push(t - last);
          last = t;
          el.scrollTop += 1400;
          if (intervals.length < frames) requestAnimationFrame(step);
          else resolve(intervals.slice(1));
        };
        requestAnimationFrame(step);
      }),
    SCROLL_FRAMES,
  );
}

/** Watches the first row's Restarts cell; each new value is stamped after its paint. */
function watchProbe(page: Page, name: string): Promise<void> {
  return page.evaluate((probe) => {
    const w = globalThis as BenchWindow;
    const index = [...document.querySelectorAll('.resource-table th')].findIndex((th) => th.textContent?.trim().startsWith('Restarts'));
    let seen = -1;
    new MutationObserver(() => {
      const cell = document.querySelector(`.resource-table tbody tr[data-name="${probe}"] td:nth-child(${index + 1})`);
      const value = parseInt(cell?.textContent ?? '', 10);
      if (Number.isNaN(value) || value === seen) return;
      seen = value;
      void w.bench.paint().then(() => w.bench.probes.push({ value, at: Date.now() }));
    }).observe(document.querySelector('.resource-table tbody')!, { childList: true, subtree: true, characterData: true });
  }, name);
}

/** Writes EVENTS_PER_SEC pod status updates a second for STREAM_MS; returns the probes' send times. */
async function eventStream(write: (i: number, value: number) => Promise<void>, probe: (value: number) => Promise<void>): Promise<{ sent: Map<number, number>; written: number }> {
  const sent = new Map<number, number>();
  const tickMs = 50;
  const perTick = (EVENTS_PER_SEC * tickMs) / 1000;
  const probeEvery = EVENTS_PER_SEC / PROBES_PER_SEC;
  let written = 0;
  let probeValue = 1000;
  const t0 = performance.now();
  for (let tick = 0; performance.now() - t0 < STREAM_MS; tick++) {
    const writes: Promise<void>[] = [];
    for (let k = 0; k < perTick; k++, written++) {
      if (written % probeEvery === 0) {
        const value = ++probeValue;
        sent.set(value, Date.now());
        writes.push(probe(value));
      } else writes.push(write(1 + Math.floor(Math.random() * (PODS - 1)), Math.floor(Math.random() * 50)));
    }
    await Promise.all(writes);
    // Paced on the clock, not on the writes: a slow tick is followed by a short wait.
    const next = t0 + (tick + 1) * tickMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  return { sent, written };
}

await runBench('app', async () => {
  if (chromiumMissing) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium): the app benchmark drives it`);
  const app = await startWebApp({ components: 'none', rendererRoot: join(REPO_ROOT, 'dist', 'renderer') });
  try {
    const page = app.page;
    const tFill = performance.now();
    await fillPods(app.client, PODS, NAMESPACES);
    const fillSeconds = ms((performance.now() - tFill) / 1000);
    console.log(`filled ${PODS} pods in ${fillSeconds} s`);

    await page.addInitScript(installHelpers);
    await page.goto(`${app.host.url}#/namespaces`);
    await page.waitForFunction(() => (globalThis as BenchWindow).bench.firstRowsAt !== undefined);
    const firstPaintMs = await page.evaluate(() => (globalThis as BenchWindow).bench.firstRowsAt!);

    const open = await page.evaluate(async (total) => {
      const b = (globalThis as BenchWindow).bench;
      const t0 = performance.now();
      document.querySelector('.sidebar a[data-kind="pods"]')!.click();
      await b.until('.resource-table tbody tr[data-name^="web-"]');
      const firstRows = performance.now() - t0;
      await b.until('[data-test="row-count"]', String(total));
      return { firstRows, allRows: performance.now() - t0, rowsInDom: document.querySelectorAll('.resource-table tbody tr[data-name]').length };
    }, PODS);

    const filter = await timeFilter(page);
    const sort = {
      restartsAscMs: ms(await timeSort(page, 'Restarts')),
      restartsDescMs: ms(await timeSort(page, 'Restarts')),
      restartsOffMs: ms(await timeSort(page, 'Restarts')),
      nameAscMs: ms(await timeSort(page, 'Name')),
      nameDescMs: ms(await timeSort(page, 'Name')),
      nameOffMs: ms(await timeSort(page, 'Name')),
    };
    const frames = summarize(await scrollFrames(page));
    await page.locator('.table-wrap').evaluate((el) => (el.scrollTop = 0));

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const heapMb = ms(heap.usedSize / 2 ** 20);

    const first = podName(0, NAMESPACES);
    await watchProbe(page, first.name);
    const stream = await eventStream(
      (i, value) => {
        const { namespace, name } = podName(i, NAMESPACES);
        return setRestarts(app.client, namespace, name, value);
      },
      (value) => setRestarts(app.client, first.namespace, first.name, value),
    );
    await page.waitForFunction((n) => (globalThis as BenchWindow).bench.probes.length >= n, stream.sent.size, { timeout: 10_000 }).catch(() => undefined);
    const probes = await page.evaluate(() => (globalThis as BenchWindow).bench.probes);
    const latencies = probes.filter((p) => stream.sent.has(p.value)).map((p) => p.at - stream.sent.get(p.value)!);
    const eventToPaint = { ...summarize(latencies), probesSent: stream.sent.size, probesPainted: latencies.length, eventsPerSec: Math.round(stream.written / (STREAM_MS / 1000)) };

    const figures = {
      pods: PODS,
      fillSeconds,
      startToFirstPaintMs: ms(firstPaintMs),
      clickToFirstRowsMs: ms(open.firstRows),
      clickToAllRowsMs: ms(open.allRows),
      rowsInDom: open.rowsInDom,
      filter,
      sort,
      scrollFrameMs: frames,
      heapMb,
      eventToPaint,
    };
    printTable(`The dashboard with ${PODS} pods (web mode, headless Chromium)`, ['figure', 'measured', 'target'], [
      ['start to first useful paint (namespaces listed), ms', figures.startToFirstPaintMs, ''],
      ['click Pods to first rows, ms', figures.clickToFirstRowsMs, '< 1000'],
      ['click Pods to all 50,000 rows, ms', figures.clickToAllRowsMs, ''],
      ['rows in the DOM', figures.rowsInDom, ''],
      [`filter keystroke to repaint ("${FILTER_TEXT}"), p50 ms`, filter.keystrokes.p50, ''],
      ['filter keystroke to repaint, max ms', filter.keystrokes.max, '< 50'],
      ['clear filter to repaint, ms', filter.clearMs, ''],
      ['sort Restarts asc / desc / off, ms', `${sort.restartsAscMs} / ${sort.restartsDescMs} / ${sort.restartsOffMs}`, ''],
      ['sort Name asc / desc / off, ms', `${sort.nameAscMs} / ${sort.nameDescMs} / ${sort.nameOffMs}`, ''],
      ['scroll frame time p50 / p99 / max, ms', `${frames.p50} / ${frames.p99} / ${frames.max}`, ''],
      ['renderer JS heap after GC, MiB', heapMb, '< 300'],
      [`watch event to paint at ${eventToPaint.eventsPerSec} events/s, p50 ms`, eventToPaint.p50, ''],
      ['watch event to paint, p99 ms', eventToPaint.p99, '< 200'],
    ]);
    return {
      figures,
      targets: {
        clickToFirstRowsMs: { op: '<', value: 1000, unit: 'ms' },
        'filter.keystrokes.max': { op: '<', value: 50, unit: 'ms' },
        'eventToPaint.p99': { op: '<', value: 200, unit: 'ms' },
        heapMb: { op: '<', value: 300, unit: 'MiB' },
      },
      headline: { startToFirstPaintMs: 'ms', clickToAllRowsMs: 'ms', 'sort.restartsAscMs': 'ms', 'scrollFrameMs.p99': 'ms', 'eventToPaint.p50': 'ms' },
    };
  } finally {
    await app.close();
  }
});
