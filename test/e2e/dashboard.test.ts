// The dashboard end to end: the embedded cluster, the web host and a real Chromium. Objects
// created through the Kubernetes API must appear in the UI live, through the watch.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster } from '../../core/cluster';
import { ClusterLifecycle, EMBEDDED_ID } from '../../electron/host/cluster-lifecycle';
import { startWebHost, type WebHost } from '../../electron/web-host';

const CHROMIUM = '/usr/bin/chromium';
const chromiumMissing = !existsSync(CHROMIUM);
if (chromiumMissing) console.warn(`SKIPPED dashboard e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

type Cluster = Awaited<ReturnType<typeof startCluster>>;

let dir: string;
let cluster: Cluster;
let lifecycle: ClusterLifecycle;
let host: WebHost;
let browser: Browser;
let page: Page;

/** A call to the cluster's API as any client would make it: its CA and bearer token. */
function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const url = new URL(path, cluster.url);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        ca: cluster.caPem,
        headers: { Authorization: `Bearer ${cluster.token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      },
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

async function mustCreate(path: string, body: unknown): Promise<void> {
  const res = await api('POST', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

const row = (name: string) => page.locator(`.resource-table tbody tr[data-name="${name}"]`);
/** Waits (Playwright's own waiting, no sleeps) until the locator shows the text. */
const waitForText = (locator: Locator, text: RegExp) => locator.filter({ hasText: text }).waitFor();

describe('dashboard (web mode, real browser)', () => {
  if (chromiumMissing) {
    it.skip(`skipped: ${CHROMIUM} is missing; install it with apt-get install -y chromium`, () => undefined);
    return;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wh-e2e-'));
    const rendererRoot = join(dir, 'renderer');
    await build({ configFile: join(process.cwd(), 'vite.config.ts'), logLevel: 'warn', build: { outDir: rendererRoot } });
    cluster = await startCluster({ dataDir: join(dir, 'cluster'), port: 0, storage: 'memory' });
    lifecycle = new ClusterLifecycle({ userKubeconfig: join(dir, 'no-kubeconfig'), startEmbedded: async () => cluster });
    expect((await lifecycle.select(EMBEDDED_ID)).state).toBe('ready');
    host = await startWebHost({ lifecycle, rendererRoot });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme: 'dark' });
    page.on('pageerror', (err) => console.error('page error:', err));
    await page.goto(host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await lifecycle?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows a namespace created through the API, live', async () => {
    await page.locator('.sidebar a[data-kind="namespaces"]').click();
    await row('default').waitFor();
    expect(await page.locator('.resource-table th').allTextContents()).toEqual(['Name', 'Status', 'Age']);
    await waitForText(page.locator('.live'), /live/);

    await mustCreate('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'e2e-live' } });
    await row('e2e-live').waitFor();
    expect(await row('e2e-live').locator('td').nth(1).textContent()).toContain('Active');
  });

  it('shows, updates and removes a configmap in the picked namespace, live', async () => {
    await page.locator('[data-test="namespace-picker"]').selectOption('e2e-live');
    await page.locator('.sidebar a[data-kind="configmaps"]').click();
    await waitForText(page.locator('.live'), /live/);

    await mustCreate('/api/v1/namespaces/e2e-live/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'live-config', labels: { app: 'wheelhouse' } },
      data: { greeting: 'hello', mode: 'e2e' },
    });
    await row('live-config').waitFor();
    expect(await page.locator('.resource-table th').allTextContents()).toEqual(['Name', 'Data', 'Age']);
    await waitForText(row('live-config').locator('td').nth(1), /^\s*2\s*$/);

    await row('live-config').click();
    await waitForText(page.locator('[data-test="yaml"]'), /greeting: hello/);

    const patch = await api('PUT', '/api/v1/namespaces/e2e-live/configmaps/live-config', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'live-config', namespace: 'e2e-live', labels: { app: 'wheelhouse' } },
      data: { greeting: 'hello', mode: 'e2e', extra: 'three' },
    });
    expect(patch.status).toBe(200);
    await waitForText(row('live-config').locator('td').nth(1), /^\s*3\s*$/);
    await waitForText(page.locator('[data-test="yaml"]'), /extra: three/);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/dashboard-dark.png' });
    await page.locator('[aria-label="Toggle theme"]').click();
    await page.screenshot({ path: 'test-results/dashboard-light.png' });

    await mustCreate('/api/v1/namespaces/e2e-live/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'short-lived' } });
    await row('short-lived').waitFor();
    expect((await api('DELETE', '/api/v1/namespaces/e2e-live/configmaps/short-lived')).status).toBe(200);
    await row('short-lived').waitFor({ state: 'detached' });
  });
});
