// A 2,000-pod list in web mode: virtualised (few rows in the DOM), filtered, sorted by value,
// moved through and opened from the keyboard (its object page; Escape or Back returns), live,
// and without serious axe violations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, fillPods, podName, SCREENSHOTS, seriousA11yViolations, setRestarts, startWebApp, type WebApp } from '../support/web-app';

const PODS = 2000;
const NAMESPACES = 4;
if (chromiumMissing) console.warn(`SKIPPED large-list e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let app: WebApp;

const page = () => app.page;
const rows = () => page().locator('.resource-table tbody tr[data-name]');
const count = () => page().locator('[data-test="row-count"]');
const activeName = () => page().locator('.resource-table tbody tr.active').getAttribute('data-name');
const shot = (name: string) => page().screenshot({ path: join(SCREENSHOTS, `large-list-${name}.png`) });
/** The Restarts cells of the rows in the DOM, as numbers. */
async function restarts(): Promise<number[]> {
  const index = (await page().locator('.resource-table th').allTextContents()).findIndex((t) => t.trim().startsWith('Restarts'));
  return (await rows().locator(`td:nth-child(${index + 1})`).allTextContents()).map((t) => parseInt(t, 10));
}

describe('a 2,000-pod list (web mode, real browser)', () => {
  if (chromiumMissing) {
    it.skip(`skipped: ${CHROMIUM} is missing; install it with apt-get install -y chromium`, () => undefined);
    return;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startWebApp({ components: 'none' });
    await fillPods(app.client, PODS, NAMESPACES);
    await page().goto(`${app.host.url}#/pods`);
    await count().filter({ hasText: String(PODS) }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('keeps only the rows in view in the DOM, under a sticky header', async () => {
    await rows().first().waitFor();
    const inDom = await rows().count();
    expect(inDom).toBeGreaterThan(10);
    expect(inDom).toBeLessThan(100);
    // Row 1,000 (aria-rowindex counts the header row) is rendered once scrolled to.
    await page().locator('.table-wrap').evaluate((el) => (el.scrollTop = 1000 * 28));
    await page().locator('.resource-table tbody tr[aria-rowindex="1002"]').waitFor();
    expect(await rows().count()).toBeLessThan(100);
    await expect.poll(() => page().locator('.resource-table th').first().boundingBox().then((b) => b?.y)).toBeLessThan(200);
    await shot('scrolled');
    await page().locator('.table-wrap').evaluate((el) => (el.scrollTop = 0));
  });

  it('filters as the user types, after / focuses the filter', async () => {
    await page().locator('main h1').click();
    await page().keyboard.press('/');
    expect(await page().locator('[data-test="filter"]').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page().keyboard.type('web-0199');
    await count().filter({ hasText: /^10$/ }).waitFor();
    expect(await rows().count()).toBe(10);
    // Case-insensitive, and over the cells too: the crash-looping pods by their status.
    await page().locator('[data-test="filter"]').fill('CRASHLOOP');
    await count().filter({ hasText: String(Math.ceil(PODS / 97)) }).waitFor();
    await shot('filtered');
    await page().keyboard.press('Escape');
    await count().filter({ hasText: String(PODS) }).waitFor();
  });

  it('sorts Restarts by number on a header click, then the other way', async () => {
    const header = page().locator('.resource-table th', { hasText: 'Restarts' });
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => (await restarts())[0]).toBe(0);
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    // 15 before 9: by value, not by text.
    await expect.poll(async () => (await restarts())[0]).toBe(15);
    const shown = await restarts();
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    await shot('sorted');
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('none');
  });

  it("moves with the keyboard, opens the row's page with Enter, and Escape comes back to the list as it was", async () => {
    await page().locator('[data-test="filter"]').fill('load-2/');
    await count().filter({ hasText: String(PODS / NAMESPACES) }).waitFor();
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('ArrowDown');
    const second = podName(6, NAMESPACES);
    await expect.poll(activeName).toBe(second.name);
    await page().keyboard.press('Enter');
    await page().waitForURL(new RegExp(`#/pods/${second.namespace}/${second.name}$`));
    await page().locator('[data-test="object-name"]', { hasText: second.name }).waitFor();
    await page().locator('[data-test="tab-yaml"]').click();
    await page().locator('[data-test="yaml"]', { hasText: `name: ${second.name}` }).waitFor();
    await shot('object-page');

    // Back on the same list: filter, cursor and the opened row's highlight kept, focus on the table.
    await page().keyboard.press('Escape');
    await page().waitForURL(/#\/pods$/);
    await count().filter({ hasText: String(PODS / NAMESPACES) }).waitFor();
    await expect.poll(activeName).toBe(second.name);
    expect(await page().locator(`.resource-table tbody tr[data-name="${second.name}"]`).getAttribute('aria-selected')).toBe('true');
    expect(await page().locator('.resource-table').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await page().keyboard.press('End');
    await expect.poll(activeName).toBe(podName(PODS - 2, NAMESPACES).name);
    await page().keyboard.press('PageUp');
    await page().keyboard.press('Home');
    await expect.poll(activeName).toBe(podName(2, NAMESPACES).name);
    await shot('keyboard');
    await page().keyboard.press('Escape'); // clears the filter
    await count().filter({ hasText: String(PODS) }).waitFor();

    // The browser's Back returns from an object page too; the cursor stayed on its row.
    await page().keyboard.press('Enter');
    await page().waitForURL(new RegExp(`#/pods/load-2/${podName(2, NAMESPACES).name}$`));
    await page().goBack();
    await page().waitForURL(/#\/pods$/);
    await count().filter({ hasText: String(PODS) }).waitFor();
  });

  it('shows watched changes: a row changed in place, a row added and one deleted', async () => {
    const first = podName(0, NAMESPACES);
    await setRestarts(app.client, first.namespace, first.name, 42);
    await page().locator(`.resource-table tbody tr[data-name="${first.name}"] td`, { hasText: /^\s*42\s*$/ }).waitFor();
    // Sorted in at the top (load-0/a-new before load-0/web-...), and counted.
    await app.client.create('', 'pods', 'load-0', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a-new' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    await page().locator('.resource-table tbody tr[aria-rowindex="2"][data-name="a-new"]').waitFor();
    await count().filter({ hasText: String(PODS + 1) }).waitFor();
    await app.client.delete('', 'pods', 'load-0', 'a-new', { gracePeriodSeconds: 0 });
    await page().locator('.resource-table tbody tr[data-name="a-new"]').waitFor({ state: 'detached' });
    await count().filter({ hasText: String(PODS) }).waitFor();
  });

  it('has no serious or critical axe violations', async () => {
    expect(await seriousA11yViolations(page(), '.resource-view')).toEqual([]);
  });
});
