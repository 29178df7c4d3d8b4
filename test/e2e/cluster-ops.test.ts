// Operating the cluster from the dashboard, end to end: cordon, uncordon and drain a node
// (a PodDisruptionBudget refusal shown, then the drain finishing once the budget is relaxed),
// stopping an embedded node and seeing its pods come back elsewhere. Screenshots of each view
// in both themes (test-results/screenshots/) and axe-core on each.
import { mkdirSync } from 'node:fs';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, seriousA11yViolations, startWebApp, type WebApp } from '../support/web-app';

if (chromiumMissing) console.warn(`SKIPPED cluster-ops e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const SHOTS = 'test-results/screenshots';
let app: WebApp;
let page: Page;
let origin: string;

async function mustWrite(method: string, path: string, body: unknown, contentType?: string): Promise<void> {
  const res = await app.api(method, path, body, contentType);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
}

async function shoot(name: string): Promise<void> {
  const toggle = page.locator('[aria-label="Toggle theme"]');
  const first = await page.locator('html').getAttribute('data-theme');
  await page.screenshot({ path: `${SHOTS}/${name}-${first}.png`, fullPage: true });
  await toggle.dispatchEvent('click');
  const second = await page.locator('html').getAttribute('data-theme');
  expect(second).not.toBe(first);
  await page.screenshot({ path: `${SHOTS}/${name}-${second}.png`, fullPage: true });
  await toggle.dispatchEvent('click');
}

async function expectAccessible(): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

const deployment = (name: string, replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
  },
});

async function readyPods(label: string): Promise<Pod[]> {
  const res = await app.api('GET', `/api/v1/namespaces/default/pods?labelSelector=app%3D${label}`);
  const pods = (res.body as { items: Pod[] }).items;
  return pods.filter((p) => !p.metadata?.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
}

async function node(name: string): Promise<Node> {
  return (await app.api('GET', `/api/v1/nodes/${name}`)).body as Node;
}

describe('cluster operations (web mode, real browser)', () => {
  if (chromiumMissing) {
    it.skip(`skipped: ${CHROMIUM} is missing; install it with apt-get install -y chromium`, () => undefined);
    return;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // Short node lifecycle periods, so a stopped node's pods move within seconds.
    app = await startWebApp({ timings: { nodeLeaseRenewMs: 500, nodeMonitorGracePeriodMs: 3_000, defaultTolerationSeconds: 2 } });
    page = app.page;
    await page.goto(app.host.url);
    await page.waitForURL(/#\/overview$/);
    origin = new URL(page.url()).origin;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('cordons and uncordons a node from its page', async () => {
    await page.goto(`${origin}/#/nodes/_/wrk1`);
    await page.locator('[data-test="cordon"]').click();
    await page.locator('[data-test="uncordon"]').waitFor();
    expect((await node('wrk1')).spec?.unschedulable).toBe(true);
    await expectAccessible();
    await shoot('node-cordoned');
    await page.locator('[data-test="uncordon"]').click();
    await page.locator('[data-test="cordon"]').waitFor();
    expect((await node('wrk1')).spec?.unschedulable).toBeUndefined();
  });

  it('drains a node: a PodDisruptionBudget refusal is shown until the budget is relaxed', async () => {
    await mustWrite('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('guarded', 2));
    const pdb = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'guarded' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'guarded' } } } };
    await mustWrite('POST', '/apis/policy/v1/namespaces/default/poddisruptionbudgets', pdb);
    await expect.poll(async () => (await readyPods('guarded')).length, { timeout: 20_000 }).toBe(2);
    const victim = (await readyPods('guarded'))[0]!;
    const target = victim.spec!.nodeName!;

    await page.goto(`${origin}/#/nodes/_/${target}`);
    await page.locator('[data-test="drain"]').click();
    const dialog = page.locator('[data-test="drain-dialog"]');
    await dialog.locator('[data-test="drain-summary"]').filter({ hasText: /to evict/ }).waitFor();
    await expectAccessible();
    await shoot('node-drain-plan');
    await dialog.locator('[data-test="confirm-drain"]').click();
    const row = dialog.locator(`[data-test="drain-pod"][data-pod="${victim.metadata!.name}"]`);
    await row.filter({ hasText: "would violate the pod's disruption budget" }).waitFor();
    expect((await node(target)).spec?.unschedulable).toBe(true);
    await expectAccessible();
    await shoot('node-drain-refused');

    await mustWrite('PATCH', '/apis/policy/v1/namespaces/default/poddisruptionbudgets/guarded', { spec: { minAvailable: 1 } }, 'application/merge-patch+json');
    await dialog.locator('[data-test="drain-done"]').waitFor({ timeout: 30_000 });
    await row.filter({ hasText: 'Evicted: gone' }).waitFor();
    await shoot('node-drain-done');
    await dialog.locator('[data-test="close-drain"]').click();
    await page.locator('[data-test="uncordon"]').click();
    await page.locator('[data-test="cordon"]').waitFor();
  });

  it('stops an embedded node and its pods come back on another one, then starts it again', async () => {
    await mustWrite('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('mover', 2));
    await expect.poll(async () => (await readyPods('mover')).length, { timeout: 20_000 }).toBe(2);
    const target = (await readyPods('mover'))[0]!.spec!.nodeName!;

    await page.goto(`${origin}/#/nodes/_/${target}`);
    await page.locator('[data-test="stop-node"]').click();
    await page.locator('[data-test="start-node"]').waitFor();
    // The node controller marks it NotReady (Unknown) once its Lease is older than the grace period.
    await page.locator('[data-test="conditions"] tr', { hasText: 'Ready' }).filter({ hasText: 'Unknown' }).waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await readyPods('mover')).filter((p) => p.spec?.nodeName !== target).length, { timeout: 30_000 })
      .toBe(2);
    await expectAccessible();
    await shoot('node-stopped');

    await page.locator('[data-test="start-node"]').click();
    await page.locator('[data-test="stop-node"]').waitFor();
    await page.locator('[data-test="conditions"] tr', { hasText: 'Ready' }).filter({ hasText: 'True' }).first().waitFor({ timeout: 20_000 });
  });
});
