// The app in web mode on an in-process cluster, in headless Chromium: what every e2e test and
// the `app` benchmark drive. With components 'none' the cluster has no scheduler or kubelets,
// so pods written through the registry (fillPods) stay exactly as written.
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { startCluster } from '../../core/cluster';
import type { Client } from '../../core/client/client';
import type { ClusterTimings } from '../../core/client/context';
import { ClusterLifecycle, EMBEDDED_ID } from '../../electron/host/cluster-lifecycle';
import { TerminalHost } from '../../electron/host/terminal-host';
import { startWebHost, type WebHost } from '../../electron/web-host';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM);

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

export interface WebAppOptions {
  /** 'all' (default) runs nodes, scheduler and controllers; 'none' only the API server. */
  components?: 'all' | 'none';
  /** A renderer already built (the bench passes dist/renderer); otherwise Vite builds one. */
  rendererRoot?: string;
  colorScheme?: 'dark' | 'light';
  /** Shorter periods (node monitor grace, toleration seconds, metrics resolution) for tests that watch them pass. */
  timings?: Partial<ClusterTimings>;
  /** The user's kubeconfig (KUBECONFIG): its contexts join the embedded cluster in the picker. */
  kubeconfig?: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface WebApp {
  cluster: Cluster;
  host: WebHost;
  browser: Browser;
  /** Not navigated yet: callers add init scripts or pick the first address. */
  page: Page;
  /** The in-process client, for writing many objects fast (fillPods). */
  client: Client;
  /** A call over HTTPS, as any client would make it: the cluster's CA and bearer token. */
  api(method: string, path: string, body?: unknown, contentType?: string): Promise<ApiResponse>;
  close(): Promise<void>;
}

export async function startWebApp(opts: WebAppOptions = {}): Promise<WebApp> {
  const dir = mkdtempSync(join(tmpdir(), 'wh-web-app-'));
  const stack: (() => Promise<void>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const undo of stack.reverse()) await undo();
  };
  try {
    let rendererRoot = opts.rendererRoot;
    if (!rendererRoot) {
      rendererRoot = join(dir, 'renderer');
      await build({ configFile: join(process.cwd(), 'vite.config.ts'), logLevel: 'warn', build: { outDir: rendererRoot } });
    }
    const cluster = await startCluster({ dataDir: join(dir, 'cluster'), port: 0, storage: 'memory', components: opts.components ?? 'all', timings: opts.timings });
    const lifecycle = new ClusterLifecycle({ userKubeconfig: opts.kubeconfig ?? join(dir, 'no-kubeconfig'), startEmbedded: async () => cluster });
    stack.push(() => lifecycle.stop());
    const selected = await lifecycle.select(EMBEDDED_ID);
    if (selected.state !== 'ready') throw new Error(`embedded cluster is ${selected.state}: ${selected.message ?? ''}`);
    const host = await startWebHost({ lifecycle, rendererRoot, terminals: new TerminalHost({ lifecycle, dataDir: join(dir, 'app') }) });
    stack.push(() => host.close());
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    stack.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme: opts.colorScheme ?? 'dark' });
    page.on('pageerror', (err) => console.error('page error:', err));
    return {
      cluster,
      host,
      browser,
      page,
      client: cluster.context.client('wheelhouse-test', 'admin'),
      api: (method, path, body, contentType) => apiCall(cluster, method, path, body, contentType),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

function apiCall(cluster: Cluster, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<ApiResponse> {
  const url = new URL(path, cluster.url);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, ca: cluster.caPem, headers: { Authorization: `Bearer ${cluster.token}`, 'Content-Type': contentType, Accept: 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Runs axe-core over the page (or the part `context` selects); returns the serious and
 *  critical violations, described. */
export async function seriousA11yViolations(page: Page, context = 'html'): Promise<string[]> {
  // Evaluated over the DevTools protocol: the page's CSP rightly refuses injected script tags.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async (ctx) => {
    type Violation = { id: string; impact?: string; help: string; nodes: { target: unknown[] }[] };
    const axe = (globalThis as unknown as { axe: { run(ctx: string): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(ctx);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  }, context);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}

/** Where e2e screenshots go (test-results/ is not committed). */
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

/** Throws with the serious and critical axe violations over `context`, if there are any: in the
 *  current theme, or in both (contrast differs between them) and back to the first. */
export async function expectAccessible(page: Page, opts: { context?: string; bothThemes?: boolean } = {}): Promise<void> {
  const check = async () => {
    const found = await seriousA11yViolations(page, opts.context);
    if (found.length) throw new Error(`axe in the ${await themeOf(page)} theme:\n${found.join('\n')}`);
  };
  if (opts.bothThemes) await inBothThemes(page, check);
  else await check();
}

/** Screenshots the view in the current theme and in the other one (SCREENSHOTS/name-theme.png),
 *  then switches back; `inEachTheme` runs before each screenshot (an axe check, say). */
export async function shootBothThemes(page: Page, name: string, opts: { fullPage?: boolean; inEachTheme?: () => Promise<void> } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await inBothThemes(page, async (theme) => {
    await opts.inEachTheme?.();
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${theme}.png`), fullPage: opts.fullPage ?? true });
  });
}

/** Runs `work` in the current theme, switches, runs it in the other, switches back. The toggle
 *  gets its click directly, so an open palette or dialog stays as it is. */
async function inBothThemes(page: Page, work: (theme: string) => Promise<void>): Promise<void> {
  const toggle = page.locator('[aria-label="Toggle theme"]');
  for (let i = 0; i < 2; i++) {
    const theme = await themeOf(page);
    await work(theme);
    await toggle.dispatchEvent('click');
    await page.locator(`html:not([data-theme="${theme}"])`).waitFor({ state: 'attached' });
  }
}

async function themeOf(page: Page): Promise<string> {
  return (await page.locator('html').getAttribute('data-theme')) ?? 'unset';
}

/** A write through the API that must succeed (2xx); otherwise throws with the server's answer. */
export async function mustWrite(app: WebApp, method: string, path: string, body: unknown, contentType?: string): Promise<ApiResponse> {
  const res = await app.api(method, path, body, contentType);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** A POST that must create the object (201); otherwise throws with the server's answer. */
export async function mustCreate(app: WebApp, path: string, body: unknown): Promise<void> {
  const res = await app.api('POST', path, body);
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Pod `i` of a fill: its namespace and zero-padded name, so name order is index order. */
export function podName(i: number, namespaces: number): { namespace: string; name: string } {
  return { namespace: `load-${i % namespaces}`, name: `web-${String(i).padStart(5, '0')}` };
}

/** Writes `count` pods spread over `namespaces` namespaces, each with a kubelet-like status
 *  (mostly Running, some Pending or crash-looping, restarts varying) so columns differ. */
export async function fillPods(client: Client, count: number, namespaces: number, inFlight = 256): Promise<void> {
  for (let n = 0; n < namespaces; n++) await client.create('', 'namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `load-${n}` } });
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  for (let start = 0; start < count; start += inFlight) {
    const work: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(count, start + inFlight); i++) {
      const { namespace, name } = podName(i, namespaces);
      work.push(
        client.create('', 'pods', namespace, podSpec(namespace, name, `node-${i % 20}`)).then(() =>
          client.updateStatus<Pod>('', 'pods', namespace, name, (p) => {
            p.status = podStatus(i, at);
          }),
        ),
      );
    }
    await Promise.all(work);
  }
}

/** Sets a pod's restart count: one watch event, and a visible change in its row. */
export async function setRestarts(client: Client, namespace: string, name: string, restarts: number): Promise<void> {
  await client.updateStatus<Pod>('', 'pods', namespace, name, (p) => {
    for (const c of p.status?.containerStatuses ?? []) c.restartCount = restarts;
  });
}

function podSpec(namespace: string, name: string, nodeName: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { app: 'web' } },
    spec: { nodeName, containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
  };
}

function podStatus(i: number, at: string): PodStatus {
  const crashing = i % 97 === 0;
  const pending = i % 41 === 0;
  return {
    phase: pending ? 'Pending' : 'Running',
    startTime: at,
    containerStatuses: [
      {
        name: 'web',
        image: 'nginx:1.27',
        imageID: '',
        ready: !crashing && !pending,
        restartCount: crashing ? 5 + (i % 11) : i % 7 === 0 ? i % 5 : 0,
        state: crashing
          ? { waiting: { reason: 'CrashLoopBackOff', message: 'back-off restarting failed container' } }
          : pending
            ? { waiting: { reason: 'ContainerCreating' } }
            : { running: { startedAt: at } },
      },
    ],
  };
}
