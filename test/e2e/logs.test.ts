// Logs end to end in web mode: a pod printing a counter shows its lines arriving in its Logs
// tab, search counts and steps through matches, download saves a .log file, and a
// Deployment's Logs tab shows the lines of both its pods, tagged. Screenshots of both views
// in both themes (test-results/screenshots/), axe on each.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, expectAccessible, mustCreate, shootBothThemes, startWebApp, type WebApp } from '../support/web-app';

if (chromiumMissing) console.warn(`SKIPPED logs e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const TICKER = 'i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.2; done';
let app: WebApp;
let page: Page;

/** Screenshots in both themes, with axe over the log view in each (the shell around it has
 *  its own checks in shell.test.ts). */
const shoot = (name: string) => shootBothThemes(page, name, { fullPage: false, inEachTheme: () => expectAccessible(page, { context: '.log-viewer' }) });

/** The number in the last "tick N" line drawn. */
async function lastTick(): Promise<number> {
  const text = await page.locator('[data-test="log-line"]').last().textContent();
  return Number(/tick (\d+)/.exec(text ?? '')?.[1] ?? NaN);
}

describe('logs (web mode, real browser)', () => {
  if (chromiumMissing) {
    it.skip(`skipped: ${CHROMIUM} is missing; install it with apt-get install -y chromium`, () => undefined);
    return;
  }

  beforeAll(async () => {
    app = await startWebApp();
    page = app.page;
    await mustCreate(app, '/api/v1/namespaces/default/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'ticker' },
      spec: { containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', TICKER] }] },
    });
    await mustCreate(app, '/api/v1/namespaces/default/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'chatty' },
      spec: { containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "spam $i"; done'] }] },
    });
    await mustCreate(app, '/apis/apps/v1/namespaces/default/deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'chatter' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'chatter' } },
        template: { metadata: { labels: { app: 'chatter' } }, spec: { containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', TICKER] }] } },
      },
    });
    await page.goto(app.host.url);
  });

  afterAll(async () => {
    await app?.close();
  });

  it("shows a pod's lines arriving, finds one, and downloads the log", async () => {
    await page.goto(`${app.host.url}#/pods/default/ticker?tab=logs`);
    await page.locator('[data-test="log-line"]').filter({ hasText: 'tick 3' }).waitFor();
    const before = await lastTick();
    // Following: a later line is drawn without any action.
    await expect.poll(lastTick, { timeout: 15_000 }).toBeGreaterThan(before + 2);
    expect(await page.locator('[data-test="log-container"]').inputValue()).toBe('main');

    await page.locator('[data-test="log-search"]').fill('tick 2');
    // "tick 2" and, once printed, "tick 20".."tick 29": at least one match, the current one shown.
    await page.locator('[data-test="log-match-count"]').filter({ hasText: /^\d+ of \d+$/ }).waitFor();
    await page.locator('[data-test="log-line"].current mark').filter({ hasText: 'tick 2' }).waitFor();
    expect(await page.locator('[data-test="log-follow"]').isChecked()).toBe(false);

    await page.locator('[data-test="log-timestamps"]').check();
    await page.locator('[data-test="log-line"] .log-stamp').first().waitFor();
    await shoot('pod-logs');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="log-download"]').click()]);
    expect(download.suggestedFilename()).toBe('ticker-main.log');
    const saved = readFileSync((await download.path())!, 'utf8').split('\n');
    expect(saved[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z tick 1$/);
    expect(saved).toContain(saved.find((l) => l.endsWith(' tick 2')));

    // Back to the bottom: following again.
    await page.locator('[data-test="log-search"]').fill('');
    await page.locator('[data-test="log-follow"]').check();
    const now = await lastTick();
    await expect.poll(lastTick, { timeout: 15_000 }).toBeGreaterThan(now);
  });

  it('says why when there is no previous instance', async () => {
    await page.locator('[data-test="log-previous"]').check();
    await page.locator('[data-test="log-error"]').filter({ hasText: 'previous terminated container "main" in pod "ticker" not found' }).waitFor();
    await page.locator('[data-test="log-previous"]').uncheck();
    await page.locator('[data-test="log-line"]').first().waitFor();
  });

  it('stops following when scrolled up and follows again at the bottom', async () => {
    await page.goto(`${app.host.url}#/pods/default/chatty?tab=logs`);
    const spam = async () => Number(/spam (\d+)/.exec((await page.locator('[data-test="log-line"]').last().textContent()) ?? '')?.[1] ?? NaN);
    await expect.poll(spam, { timeout: 15_000 }).toBeGreaterThan(100);
    const lines = page.locator('[data-test="log-lines"]');
    const follow = page.locator('[data-test="log-follow"]');
    expect(await follow.isChecked()).toBe(true);
    await lines.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect.poll(() => follow.isChecked()).toBe(false);
    // The first line is drawn once the list has re-rendered at the top (not before: the rows of
    // the bottom may still be in the DOM when follow turns off).
    const first = page.locator('[data-test="log-line"][data-index="0"]');
    await first.waitFor();
    // New lines keep coming (the store grows), but the view stays where the reader is.
    const top = await first.textContent();
    const height = await lines.evaluate((el) => el.scrollHeight);
    await expect.poll(() => lines.evaluate((el) => el.scrollHeight), { timeout: 15_000 }).toBeGreaterThan(height + 50 * 18);
    expect(await first.textContent()).toBe(top);
    expect(await lines.evaluate((el) => el.scrollTop)).toBe(0);
    expect(await follow.isChecked()).toBe(false);
    await lines.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => follow.isChecked()).toBe(true);
    const total = await spam();
    await expect.poll(spam, { timeout: 15_000 }).toBeGreaterThan(total + 50);
  });

  it("shows the lines of a Deployment's two pods together, each tagged", async () => {
    await page.goto(`${app.host.url}#/deployments/default/chatter?tab=logs`);
    const tags = page.locator('[data-test="log-line"] .log-tag');
    const pods = async () => new Set((await tags.allTextContents()).map((t) => t.trim().split('/')[0]));
    await expect.poll(async () => (await pods()).size, { timeout: 30_000 }).toBe(2);
    for (const label of await tags.allTextContents()) expect(label.trim()).toMatch(/^chatter-[a-z0-9]+-[a-z0-9]+\/app$/);
    await expect.poll(() => page.locator('[data-test="log-pods"] li').count(), { timeout: 15_000 }).toBe(2);
    await shoot('deployment-logs');

    // Scaled down to one: the pod that goes away stays in the list, struck through.
    const res = await app.api('PATCH', '/apis/apps/v1/namespaces/default/deployments/chatter/scale', { spec: { replicas: 1 } }, 'application/merge-patch+json');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await page.locator('[data-test="log-pods"] li.gone').filter({ hasText: '(gone)' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-test="log-pods"] li:not(.gone)').count()).toBe(1);
  });
});
