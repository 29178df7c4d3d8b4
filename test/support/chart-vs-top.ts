// Comparing a CPU and a memory chart with what the real `kubectl top` prints, for the tests
// that promise "the charts show the same numbers as kubectl top".
import type { Page } from 'playwright-core';
import { haveKubectl, KUBECTL, kubectlOk } from './kubectl';

/** The selector of the usage chart whose accessible name starts with `title`. */
export const chartOf = (title: string) => `[data-test="usage-chart"][aria-label^="${title}:"]`;

export interface TopComparison {
  kubeconfig: string;
  /** kubectl's arguments, e.g. ['top', 'node', 'wrk1', '--no-headers']. */
  args: string[];
  /** The CPU and memory cells of the row that the charts draw, from kubectl's output. */
  cells(stdout: string): [cpu: string, memory: string];
  /** Chart selectors (see chartOf); their data-recent holds [time, cores or bytes] points. */
  cpuChart: string;
  memoryChart: string;
}

/**
 * Usage moves at every scrape, and kubectl and the chart poll on their own: so run kubectl top
 * once, then wait until the charts hold, at one sample time, exactly what it printed (each
 * chart keeps its last minute of points in data-recent, so the sample stays findable).
 */
export async function expectChartsMatchKubectlTop(page: Page, c: TopComparison): Promise<void> {
  if (!haveKubectl) throw new Error(`kubectl is missing at ${KUBECTL}: cannot compare the charts with kubectl top`);
  const [cpuEl, memoryEl] = await Promise.all([page.locator(c.cpuChart).elementHandle(), page.locator(c.memoryChart).elementHandle()]);
  const want = c.cells(await kubectlOk(c.kubeconfig, c.args)).join(' ');
  const shown = await page
    .waitForFunction(
      ([cpu, memory, expected]) => {
        const points = (el: unknown) => JSON.parse((el as { getAttribute(name: string): string | null }).getAttribute('data-recent') ?? '[]') as [number, number][];
        const memoryAt = new Map(points(memory));
        // kubectl top prints millicores and whole MiB (rounded down); the API's CPU is whole millicores.
        return points(cpu).some(([t, cores]) => memoryAt.has(t) && `${Math.round(cores * 1000)}m ${Math.floor(memoryAt.get(t)! / 2 ** 20)}Mi` === expected);
      },
      [cpuEl, memoryEl, want] as const,
      { timeout: 10_000 },
    )
    .then(
      () => true,
      () => false,
    );
  if (!shown) {
    const recent = await Promise.all([cpuEl, memoryEl].map((el) => el!.getAttribute('data-recent')));
    throw new Error(`the charts never showed what kubectl ${c.args.join(' ')} printed (${want}); they hold cpu ${recent[0]} and memory ${recent[1]}`);
  }
}

/** Waits until the chart holds more than `than` points; returns how many it holds. */
export async function pointsAbove(page: Page, chart: string, than: number): Promise<number> {
  const el = await page.locator(chart).elementHandle();
  const handle = await page.waitForFunction(
    ([node, n]) => {
      const count = Number((node as { getAttribute(name: string): string | null }).getAttribute('data-points') ?? 0);
      return count > (n as number) ? count : undefined;
    },
    [el, than] as const,
  );
  return (await handle.jsonValue()) as number;
}
