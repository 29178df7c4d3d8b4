// The terminal under a flood, in web mode and headless Chromium: `yes | head -c 500000000` in a
// tab. Reports the renderer's JS heap during the flood (every second) and after it (after GC),
// the input-to-echo latency of keys typed while it runs (keydown in the page to the tty's echo
// of that key arriving in the page: the echo queues behind the flood's output, so this is what
// flow control makes the user wait), and how long the flood took.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumMissing, CHROMIUM, startWebApp } from '../test/support/web-app';
import { REPO_ROOT } from './lib/cluster-process';
import { printTable, runBench } from './lib/report';
import { summarize } from './lib/stats';

/** BENCH_TERMINAL_BYTES shortens a trial run. */
const BYTES = Number(process.env.BENCH_TERMINAL_BYTES ?? 500_000_000);
/** Keys typed as probes, in turn; each echo is matched to the first key of its letter before it. */
const PROBES = 'ABCDEFGHIJKLMNOPQRSTUVWX';
const PROBE_EVERY_MS = 250;
const DONE = 'flood-done';

interface Stamp {
  key: string;
  at: number;
}
interface Probes {
  keydowns: Stamp[];
  echoes: Stamp[];
  doneAt?: number;
}
type BenchWindow = typeof globalThis & { bench: Probes };
// Page-side globals, declared here so the Node program takes in no DOM library.
declare const document: { addEventListener(type: string, run: (e: { key: string }) => void, capture: boolean): void };
interface PageSocket {
  addEventListener(type: 'message', run: (e: { data: unknown }) => void): void;
}
type SocketClass = new (url: string, protocols?: string | string[]) => PageSocket;

/** Before the app's scripts: stamps each probe key's keydown, and each pty:data frame that carries its echo. */
function installProbes(args: { probes: string; done: string }): void {
  const w = globalThis as unknown as { bench: Probes; WebSocket: SocketClass };
  w.bench = { keydowns: [], echoes: [] };
  document.addEventListener('keydown', (e) => args.probes.includes(e.key) && w.bench.keydowns.push({ key: e.key, at: performance.now() }), true);
  const Native = w.WebSocket;
  w.WebSocket = class extends Native {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (e) => {
        const text = String(e.data);
        if (!text.includes('"pty:data"')) return;
        const now = performance.now();
        for (const key of text.match(new RegExp(`[${args.probes}]`, "g")) ?? []) w.bench.echoes.push({ key, at: now });
        if (text.includes(args.done)) w.bench.doneAt ??= now;
      });
    }
  };
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function heapMb(page: Page, gc: boolean): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return mib(heap.usedSize);
}

await runBench('terminal', async () => {
  if (chromiumMissing) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium): the terminal benchmark drives it`);
  const app = await startWebApp({ components: 'none', rendererRoot: join(REPO_ROOT, 'dist', 'renderer') });
  try {
    const page = app.page;
    await page.addInitScript(installProbes, { probes: PROBES, done: DONE });
    await page.goto(app.host.url);
    await page.locator('[data-test="cluster-state"].ready').waitFor();
    await page.keyboard.press('Control+`');
    const input = page.locator('.terminal-view:visible .xterm-helper-textarea');
    await input.waitFor({ state: 'attached' });
    // The shell's prompt: it is ready for input.
    await page.locator('.xterm-rows').filter({ hasText: /\S/ }).waitFor();
    const heapBefore = await heapMb(page, true);

    await input.focus();
    // The echo of the command line holds flood-"done", not the marker itself.
    await page.keyboard.type(`yes | head -c ${BYTES}; echo ${DONE.replace('-', '-"')}"`);
    const t0 = Date.now();
    await page.keyboard.press('Enter');
    const heapDuring: number[] = [];
    let lastHeap = Date.now();
    for (let i = 0; !(await page.evaluate(() => (globalThis as BenchWindow).bench.doneAt !== undefined)); i++) {
      await page.keyboard.press(PROBES[i % PROBES.length]!);
      if (Date.now() - lastHeap >= 1000) {
        heapDuring.push(await heapMb(page, false));
        lastHeap = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
    const floodSeconds = Math.round((Date.now() - t0) / 100) / 10;
    const probes = await page.evaluate(() => (globalThis as BenchWindow).bench);
    const used = new Set<Stamp>();
    const latencies = probes.keydowns.flatMap((k) => {
      const echo = probes.echoes.find((e) => e.key === k.key && e.at >= k.at && !used.has(e));
      if (!echo) return [];
      used.add(echo);
      return [echo.at - k.at];
    });
    // Answering after the flood: the tab is still responsive.
    const heapAfter = await heapMb(page, true);

    const echo = summarize(latencies);
    const figures = {
      bytes: BYTES,
      floodSeconds,
      throughputMiBs: Math.round((BYTES / 2 ** 20 / floodSeconds) * 10) / 10,
      heapBeforeMb: heapBefore,
      heapDuringMb: summarize(heapDuring),
      heapAfterGcMb: heapAfter,
      inputToEcho: { ...echo, keys: probes.keydowns.length, echoed: latencies.length },
    };
    printTable(`yes | head -c ${BYTES} in a terminal tab (web mode, headless Chromium)`, ['figure', 'measured'], [
      ['flood time, s', floodSeconds],
      ['throughput, MiB/s', figures.throughputMiBs],
      ['renderer JS heap before, MiB', heapBefore],
      ['renderer JS heap during, p50 / max MiB', `${figures.heapDuringMb.p50} / ${figures.heapDuringMb.max}`],
      ['renderer JS heap after (GC), MiB', heapAfter],
      ['input to echo during the flood, p50 / p99 ms', `${echo.p50} / ${echo.p99}`],
      ['keys typed / echoed', `${probes.keydowns.length} / ${latencies.length}`],
    ]);
    return {
      figures,
      targets: {},
      headline: { floodSeconds: 's', 'heapDuringMb.max': 'MiB', heapAfterGcMb: 'MiB', 'inputToEcho.p50': 'ms', 'inputToEcho.p99': 'ms' },
    };
  } finally {
    await app.close();
  }
});
