// `wheelhouse web` as a user runs it (the built CLI), with KUBECONFIG naming a second
// `wheelhouse cluster` process (the "remote" cluster) and a context whose server is down:
// switch clusters in the UI, see the remote's nodes and the down one's error, Ctrl-C, and
// start again on the remembered choice.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT, startClusterProcess, type ClusterProcess } from '../support/cluster-process';
import { CHROMIUM, chromiumMissing, SCREENSHOTS } from '../support/web-app';

if (chromiumMissing) console.warn(`SKIPPED remote-cluster e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

interface WebProcess {
  url: string;
  child: ChildProcess;
  stdout(): string;
  /** Ctrl-C; resolves to the exit code. */
  interrupt(): Promise<number | null>;
}

/** Runs `wheelhouse web` and waits for the URL it prints. */
async function startWeb(dataDir: string, kubeconfig: string): Promise<WebProcess> {
  const child = spawn(process.execPath, [CLI, 'web', '--port', '0', '--cluster-port', '0', '--data-dir', dataDir], {
    env: { ...process.env, KUBECONFIG: kubeconfig },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      out += line + '\n';
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`wheelhouse web exited (${code}) before printing its URL: ${err}`)));
  });
  return {
    url,
    child,
    stdout: () => out,
    interrupt() {
      child.kill('SIGINT');
      return exited;
    },
  };
}

/** An https context on a port nothing listens on. */
async function offlineKubeconfig(file: string): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters:
- name: offline
  cluster:
    server: https://127.0.0.1:${port}
    insecure-skip-tls-verify: true
users:
- name: offline
  user:
    token: nothing
contexts:
- name: offline
  context:
    cluster: offline
    user: offline
`,
  );
}

describe('wheelhouse web with a remote cluster from KUBECONFIG (real browser)', () => {
  if (chromiumMissing) {
    it.skip(`skipped: ${CHROMIUM} is missing; install it with apt-get install -y chromium`, () => undefined);
    return;
  }

  let dir: string;
  let remote: ClusterProcess;
  let web: WebProcess | undefined;
  let browser: Browser;
  let page: Page;
  let kubeconfig: string;

  const row = (name: string) => page.locator(`.resource-table tbody tr[data-name="${name}"]`);
  const picker = () => page.locator('select[aria-label="Cluster"]');

  beforeAll(async () => {
    for (const built of ['dist/core/cli.js', 'dist/electron/core-process.js', 'dist/renderer/index.html']) {
      if (!existsSync(join(REPO_ROOT, built))) throw new Error(`${built} is missing: run \`node scripts/build.mjs\` first`);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'wh-remote-e2e-'));
    // Five nodes: wrk4 exists only on the remote (the embedded cluster has three).
    remote = await startClusterProcess({ extraArgs: ['--nodes', '5', '--storage', 'memory'] });
    await offlineKubeconfig(join(dir, 'offline.yaml'));
    kubeconfig = [remote.kubeconfig, join(dir, 'offline.yaml')].join(delimiter);
    web = await startWeb(join(dir, 'data'), kubeconfig);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme: 'dark' });
    page.on('pageerror', (err) => console.error('page error:', err));
    await page.goto(web.url);
  });

  afterAll(async () => {
    await browser?.close();
    if (web?.child.exitCode === null) await web.interrupt();
    await remote?.stop();
    remote?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens on the embedded cluster and lists every kubeconfig context in the picker', async () => {
    await page.locator('[data-test="cluster-state"].ready').waitFor();
    await page.locator('.sidebar a[data-kind="nodes"]').click();
    await row('wrk2').waitFor();
    expect(await row('wrk4').count()).toBe(0);
    expect(await picker().locator('option').allTextContents()).toEqual(['Wheelhouse (embedded)', 'wheelhouse', 'offline']);
    await page.screenshot({ path: join(SCREENSHOTS, 'remote-1-embedded-nodes.png') });
  });

  it('switches to the remote cluster and shows its nodes', async () => {
    await picker().selectOption('context:wheelhouse');
    await row('wrk4').waitFor();
    expect(await page.locator('.topbar .server').textContent()).toBe(remote.url);
    expect(await page.locator('.resource-table tbody tr').count()).toBe(5);
    await page.screenshot({ path: join(SCREENSHOTS, 'remote-2-remote-nodes.png') });
  });

  it('shows a context whose server is down as an error that retries, and the remote still works after', async () => {
    await picker().selectOption('context:offline');
    const banner = page.locator('.banner.bad');
    await banner.filter({ hasText: /offline: cannot reach https:\/\/127\.0\.0\.1:\d+: .*Retrying in/ }).waitFor();
    await page.locator('[data-test="cluster-state"].error').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'remote-3-offline-error.png') });

    await picker().selectOption('context:wheelhouse');
    await row('wrk4').waitFor();
  });

  it('stops cleanly on Ctrl-C, embedded cluster included, and reopens on the remembered cluster', async () => {
    expect(await web!.interrupt()).toBe(0);
    expect(web!.stdout()).toContain('wheelhouse: stopped');
    // The embedded cluster's process let go of its data dir: another server can take it.
    const embeddedAgain = await startClusterProcess({ dataDir: join(dir, 'data', 'cluster') });
    await embeddedAgain.stop();

    web = await startWeb(join(dir, 'data'), kubeconfig);
    await page.goto(web.url);
    await page.locator('[data-test="cluster-state"].ready').waitFor();
    expect(await picker().inputValue()).toBe('context:wheelhouse');
    await page.locator('.sidebar a[data-kind="nodes"]').click();
    await row('wrk4').waitFor();
  });
});
