// The terminal dock end to end in web mode: kubectl (the real one at /usr/bin/kubectl) in a
// tab talks to the embedded cluster, a Deployment it creates shows in the Deployments view
// without a reload, `k get pods -w` streams while a pod is deleted in the UI, the tab survives
// navigation, switching cluster offers a tab whose kubectl talks to that cluster, and closing
// the app leaves no shell process behind.
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive } from '../../electron/host/session-processes';
import { startClusterProcess, type ClusterProcess } from '../support/cluster-process';
import { CHROMIUM, chromiumMissing, expectAccessible, shootBothThemes, startWebApp, type WebApp } from '../support/web-app';

if (chromiumMissing) console.warn(`SKIPPED terminal e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let app: WebApp | undefined;
let page: Page;
let remote: ClusterProcess | undefined;

/** The text on the active terminal's screen. */
const screen = () => page.locator('.terminal-view:visible .xterm-rows').innerText();

/** Keys into the active terminal, as the user types them. */
async function press(...keys: string[]): Promise<void> {
  await page.locator('.terminal-view:visible .xterm-helper-textarea').focus();
  for (const key of keys) await page.keyboard.press(key);
}

async function type(line: string): Promise<void> {
  await page.locator('.terminal-view:visible .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** In-app navigation (a new address would reload the page, and end its terminals). */
async function navigate(hash: string): Promise<void> {
  // Runs in the page: its location, declared here so the Node program takes in no DOM library.
  await page.evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), hash);
}

async function until(pattern: RegExp, timeout = 30_000): Promise<string> {
  await expect.poll(screen, { timeout }).toMatch(pattern);
  return screen();
}

/** Pids in a session, from /proc. */
function session(sid: number): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3]) === sid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('terminal (web mode, real browser)', () => {
  if (chromiumMissing) {
    it.skip(`skipped: ${CHROMIUM} is missing; install it with apt-get install -y chromium`, () => undefined);
    return;
  }

  beforeAll(async () => {
    // A second cluster in the user's kubeconfig, with five nodes to tell it from the embedded three.
    remote = await startClusterProcess({ extraArgs: ['--nodes', '5', '--storage', 'memory'] });
    app = await startWebApp({ kubeconfig: remote.kubeconfig });
    page = app.page;
    await page.goto(app.host.url);
    await page.locator('[data-test="cluster-state"].ready').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await remote?.stop();
    remote?.cleanup();
  });

  it('opens a terminal where kubectl sees the embedded cluster', async () => {
    await page.keyboard.press('Control+`');
    await page.locator('[data-test="terminal-tab"]').first().waitFor();
    await type('kubectl get nodes');
    await until(/NAME\s+STATUS\s+ROLES/);
    expect(await screen()).toMatch(/\sReady\s/);
    await type('kubectl config view --minify -o jsonpath="{.contexts[0].name}/{.contexts[0].context.namespace}"; echo');
    await until(/wheelhouse\/default|wheelhouse\/\n/);
  });

  it('creates a Deployment that the Deployments view shows without a reload', async () => {
    await navigate('#/deployments');
    await type('kubectl create deployment web --image=nginx --replicas=2');
    await until(/deployment.apps\/web created/);
    await page.locator('.resource-table tbody tr[data-name="web"]').waitFor({ timeout: 30_000 });
  });

  it('streams `k get pods -w` while a pod is deleted in the UI', async () => {
    await type('clear; k get pods -w');
    const first = await until(/web-[a-z0-9]+-[a-z0-9]+\s+\d\/\d\s+Running/, 60_000);
    const pod = /(web-[a-z0-9]+-[a-z0-9]+)\s+\d\/\d\s+Running/.exec(first)![1]!;
    // The tab survives navigation to the pod's page.
    await navigate(`#/pods/default/${pod}`);
    await page.locator('[data-test="delete"]').click();
    await page.locator('[data-test="confirm-delete"]').click();
    await until(new RegExp(`${pod}\\s+\\d/\\d\\s+Terminating`), 60_000);
    await press('Control+c');
  });

  it('finds in the scrollback, copies the match and pastes it back', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await type('clear; seq 1 3000');
    await until(/^3000\s*$/m);
    expect(await screen()).not.toMatch(/^1234\s*$/m);
    await page.keyboard.press('Control+Shift+F');
    await page.locator('[data-test="terminal-search"]').fill('1234');
    // The match scrolled into view, selected.
    await until(/^1234\s*$/m);
    await press('Control+Shift+C');
    // Runs in the page, whose clipboard is declared here (the Node program takes in no DOM library).
    const clipboard = () => page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    await expect.poll(clipboard).toBe('1234');
    await page.locator('[data-test="terminal-search"]').press('Escape');
    await page.locator('.terminal-view:visible .xterm-helper-textarea').focus();
    await page.keyboard.type('echo pasted-');
    await press('Control+Shift+V');
    await until(/echo pasted-1234\s*$/m);
    await press('Enter');
    await until(/^pasted-1234\s*$/m);
  });

  it('opens a printed link outside the app', async () => {
    const url = 'http://127.0.0.1:9/wheelhouse-link-test';
    await type(`clear; echo ${url}`);
    const line = page.locator('.terminal-view:visible .xterm-rows > div', { hasText: new RegExp(`^${url}`) });
    await line.waitFor();
    const box = (await line.boundingBox())!;
    // The links addon finds the link under the pointer, then opens it on click.
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    const popup = page.context().waitForEvent('page');
    const request = page.context().waitForEvent('request', (r) => r.url() === url);
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    await page.mouse.click(box.x + 40, box.y + box.height / 2);
    // In web mode the link opens in a new browser tab of its own.
    const [opened] = await Promise.all([popup, request]);
    expect(opened).not.toBe(page);
    await opened.close();
  });

  it('offers a terminal for the cluster the app switches to, whose kubectl talks to that cluster', async () => {
    await page.locator('select[aria-label="Cluster"]').selectOption('context:wheelhouse');
    await page.locator('[data-test="cluster-state"].ready').waitFor();
    const offer = page.locator('[data-test="terminal-offer"]');
    await expect.poll(() => offer.innerText()).toMatch(/Open a terminal for/);
    await offer.getByRole('button', { name: 'Open terminal' }).click();
    await expect.poll(() => page.locator('[data-test="terminal-tab"]').count()).toBe(2);
    await type('echo "nodes=$(kubectl get nodes --no-headers | wc -l)"');
    await until(/^nodes=5\s*$/m);
    // The first tab still talks to the embedded cluster.
    await page.locator('[data-test="terminal-tab"]').first().click();
    await type('clear; echo "nodes=$(kubectl get nodes --no-headers | wc -l)"');
    await until(/^nodes=3\s*$/m);
  });

  it('is accessible and follows the theme', async () => {
    await shootBothThemes(page, 'terminal', { fullPage: false, inEachTheme: () => expectAccessible(page, { context: '[data-test="terminal-dock"]' }) });
  });

  it('leaves no process behind when the app closes', async () => {
    await type('sleep 600 & echo "shell=$$"');
    const text = await until(/shell=\d+/);
    const shell = Number(/shell=(\d+)/.exec(text)![1]);
    const members = session(shell);
    expect(members.length).toBeGreaterThanOrEqual(2);
    await app!.close();
    app = undefined;
    expect(members.filter(alive)).toEqual([]);
  });
});
