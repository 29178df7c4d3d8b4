// The dashboard end to end: the embedded cluster, the web host and a real Chromium. Objects
// created through the Kubernetes API must appear in the UI live, through the watch.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, mustCreate, startWebApp, type WebApp } from '../support/web-app';

if (chromiumMissing) console.warn(`SKIPPED dashboard e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let app: WebApp;
let page: Page;

const row = (name: string) => page.locator(`.resource-table tbody tr[data-name="${name}"]`);
/** Waits (Playwright's own waiting, no sleeps) until the locator shows the text. */
const waitForText = (locator: Locator, text: RegExp) => locator.filter({ hasText: text }).waitFor();

describe('dashboard (web mode, real browser)', () => {
  if (chromiumMissing) {
    it.skip(`skipped: ${CHROMIUM} is missing; install it with apt-get install -y chromium`, () => undefined);
    return;
  }

  beforeAll(async () => {
    app = await startWebApp();
    page = app.page;
    await page.goto(app.host.url);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows a namespace created through the API, live', async () => {
    await page.locator('.sidebar a[data-kind="namespaces"]').click();
    await row('default').waitFor();
    expect(await page.locator('.resource-table th').allTextContents()).toEqual(['Name', 'Status', 'Age']);
    await waitForText(page.locator('.live'), /live/);

    await mustCreate(app, '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'e2e-live' } });
    await row('e2e-live').waitFor();
    expect(await row('e2e-live').locator('td').nth(1).textContent()).toContain('Active');
  });

  it('shows, updates and removes a configmap in the picked namespace, live', async () => {
    await page.locator('[data-test="namespace-picker"]').selectOption('e2e-live');
    await page.locator('.sidebar a[data-kind="configmaps"]').click();
    await page.waitForURL(/#\/configmaps\?ns=e2e-live$/);
    await waitForText(page.locator('.live'), /live/);

    await mustCreate(app, '/api/v1/namespaces/e2e-live/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'live-config', labels: { app: 'wheelhouse' } },
      data: { greeting: 'hello', mode: 'e2e' },
    });
    await row('live-config').waitFor();
    expect(await page.locator('.resource-table th').allTextContents()).toEqual(['Name', 'Data', 'Age']);
    await waitForText(row('live-config').locator('td').nth(1), /^\s*2\s*$/);

    // A row opens the object's page; its YAML follows the object live.
    await row('live-config').click();
    await page.waitForURL(/#\/configmaps\/e2e-live\/live-config\?ns=e2e-live$/);
    await page.locator('[data-test="tab-yaml"]').click();
    await waitForText(page.locator('[data-test="yaml"]'), /greeting: hello/);

    const put = await app.api('PUT', '/api/v1/namespaces/e2e-live/configmaps/live-config', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'live-config', namespace: 'e2e-live', labels: { app: 'wheelhouse' } },
      data: { greeting: 'hello', mode: 'e2e', extra: 'three' },
    });
    expect(put.status).toBe(200);
    await waitForText(page.locator('[data-test="yaml"]'), /extra: three/);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/dashboard-dark.png' });
    await page.locator('[aria-label="Toggle theme"]').click();
    await page.screenshot({ path: 'test-results/dashboard-light.png' });

    await page.goBack();
    await waitForText(row('live-config').locator('td').nth(1), /^\s*3\s*$/);
    await mustCreate(app, '/api/v1/namespaces/e2e-live/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'short-lived' } });
    await row('short-lived').waitFor();
    expect((await app.api('DELETE', '/api/v1/namespaces/e2e-live/configmaps/short-lived')).status).toBe(200);
    await row('short-lived').waitFor({ state: 'detached' });
  });
});
