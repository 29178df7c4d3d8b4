// Operating the cluster from the dashboard, end to end: cordon, uncordon and drain a node
// (a PodDisruptionBudget refusal shown, then the drain finishing once the budget is relaxed),
// stopping an embedded node and seeing its pods come back elsewhere; creating a namespace (a
// bad name refused before sending, a taken one by the server), its quota use and limit
// ranges, deleting it (Terminating while a finalizer holds it); filtering events. Screenshots of each view
// in both themes (test-results/screenshots/) and axe-core on each.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, expectAccessible, mustWrite, shootBothThemes, startWebApp, type WebApp } from '../support/web-app';

if (chromiumMissing) console.warn(`SKIPPED cluster-ops e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let app: WebApp;
let page: Page;
let origin: string;

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
    // Short node lifecycle periods, so a stopped node's pods move within seconds; a metrics
    // scrape every second, so the nodes list's use bars fill and move quickly.
    app = await startWebApp({ timings: { nodeLeaseRenewMs: 500, nodeMonitorGracePeriodMs: 3_000, defaultTolerationSeconds: 2, metricsResolutionMs: 1000 } });
    page = app.page;
    await page.goto(app.host.url);
    await page.waitForURL(/#\/overview$/);
    origin = new URL(page.url()).origin;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists nodes with their pods, CPU and memory use, and taints, which kubectl get nodes does not print', async () => {
    await page.goto(`${origin}/#/nodes`);
    await page.getByRole('columnheader', { name: /Taints/i }).waitFor();
    // cp1 carries the control-plane taint; workers none.
    await page.locator('.resource-table tbody tr[data-name="cp1"] td').last().filter({ hasText: /^1$/ }).waitFor();
    await page.locator('.resource-table tbody tr[data-name="wrk1"]').filter({ hasText: /\d+\/110/ }).waitFor();
    // Every node gets a CPU and a memory bar with its percentage once a metrics sample is in.
    const names = ((await app.api('GET', '/api/v1/nodes')).body as { items: Node[] }).items.map((n) => n.metadata!.name!);
    expect(names).toHaveLength(3);
    const meter = (name: string, label: string) => page.locator(`.resource-table tbody tr[data-name="${name}"] [role="meter"][aria-label="${label}"]`);
    for (const name of names) {
      await meter(name, 'CPU').waitFor();
      expect(await meter(name, 'CPU').getAttribute('aria-valuetext')).toMatch(/^\d+%, [\d.]+ \/ [\d.]+ cores?$/);
      expect(await meter(name, 'Memory').getAttribute('aria-valuetext')).toMatch(/^\d+%, [\d.]+ \/ [\d.]+ [KMG]iB$/);
      await page.locator(`.resource-table tbody tr[data-name="${name}"] .table-meter`).first().filter({ hasText: /^\d+%$/ }).waitFor();
    }
    // The bars follow the samples: a later scrape moves a reading.
    const readings = () => page.locator('.resource-table [role="meter"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-valuetext')).join('\n'));
    const first = await readings();
    await expect.poll(readings, { timeout: 15_000 }).not.toBe(first);
    await expectAccessible(page);
    await shootBothThemes(page, 'nodes-list');
  });

  it('adds a node as `wheelhouse node add` does; a taken name is refused by the server', async () => {
    await page.locator('[data-test="add-node"]').click();
    const dialog = page.locator('[data-test="add-node-dialog"]');
    await dialog.locator('[data-test="node-name"]').fill('wrk1');
    await dialog.locator('[data-test="confirm-add-node"]').click();
    await dialog.locator('[role="alert"]').filter({ hasText: 'already exists' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'node-add');
    await dialog.locator('[data-test="node-name"]').fill('wrk3');
    await dialog.locator('[data-test="confirm-add-node"]').click();
    await dialog.waitFor({ state: 'detached' });
    // Posted bare, it is registered by its kubelet (capacity: 110 pods) and stays Ready past a few lease renewals.
    await page.locator('.resource-table tbody tr[data-name="wrk3"]').filter({ hasText: 'Ready' }).filter({ hasText: '0/110' }).waitFor();
    await expect.poll(async () => (await app.api('GET', '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/wrk3')).status, { timeout: 10_000 }).toBe(200);
    // Removing it is the page's Delete, as `wheelhouse node remove` deletes the Node.
    await page.goto(`${origin}/#/nodes/_/wrk3`);
    await page.locator('[data-test="delete"]').click();
    await page.locator('[data-test="confirm-delete"]').click();
    await page.waitForURL(/#\/nodes$/);
    await page.locator('.resource-table tbody tr[data-name="wrk3"]').waitFor({ state: 'detached' });
  });

  it('cordons and uncordons a node from its page', async () => {
    await page.goto(`${origin}/#/nodes/_/wrk1`);
    await page.locator('[data-test="cordon"]').click();
    await page.locator('[data-test="uncordon"]').waitFor();
    expect((await node('wrk1')).spec?.unschedulable).toBe(true);
    await expectAccessible(page);
    await shootBothThemes(page, 'node-cordoned');
    await page.locator('[data-test="uncordon"]').click();
    await page.locator('[data-test="cordon"]').waitFor();
    expect((await node('wrk1')).spec?.unschedulable).toBeUndefined();
    // Another node's page reuses the view: it must show that node, not the last one.
    await page.goto(`${origin}/#/nodes/_/wrk2`);
    await page.getByText('kubernetes.io/hostname=wrk2').waitFor();
  });

  it('drains a node: a PodDisruptionBudget refusal is shown until the budget is relaxed', async () => {
    await mustWrite(app, 'POST', '/apis/apps/v1/namespaces/default/deployments', deployment('guarded', 2));
    const pdb = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'guarded' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'guarded' } } } };
    await mustWrite(app, 'POST', '/apis/policy/v1/namespaces/default/poddisruptionbudgets', pdb);
    await expect.poll(async () => (await readyPods('guarded')).length, { timeout: 20_000 }).toBe(2);
    // Evictions are judged on the budget's status: wait until the disruption controller counted.
    const budget = async () => ((await app.api('GET', '/apis/policy/v1/namespaces/default/poddisruptionbudgets/guarded')).body as { status?: { currentHealthy?: number; disruptionsAllowed?: number } }).status;
    await expect.poll(async () => (await budget())?.currentHealthy, { timeout: 20_000 }).toBe(2);
    expect((await budget())?.disruptionsAllowed).toBe(0);
    const victim = (await readyPods('guarded'))[0]!;
    const target = victim.spec!.nodeName!;

    // A pod no controller recreates: evicted only with force, as kubectl drain --force.
    const loner = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'loner' }, spec: { nodeName: target, containers: [{ name: 'c', image: 'nginx' }] } };
    await mustWrite(app, 'POST', '/api/v1/namespaces/default/pods', loner);

    await page.goto(`${origin}/#/nodes/_/${target}`);
    await page.locator('[data-test="drain"]').click();
    const dialog = page.locator('[data-test="drain-dialog"]');
    await dialog.locator('[data-test="drain-unmanaged"]').filter({ hasText: 'default/loner' }).waitFor();
    expect(await dialog.locator('[data-test="confirm-drain"]').isDisabled()).toBe(true);
    await expectAccessible(page);
    await shootBothThemes(page, 'node-drain-plan');
    await dialog.locator('[data-test="drain-force"]').check();
    await dialog.locator('[data-test="confirm-drain"]').click();
    await dialog.locator('[data-test="drain-pod"][data-pod="loner"]').filter({ hasText: 'Evicted' }).waitFor();
    const row = dialog.locator(`[data-test="drain-pod"][data-pod="${victim.metadata!.name}"]`);
    await row.filter({ hasText: "would violate the pod's disruption budget" }).waitFor();
    expect((await node(target)).spec?.unschedulable).toBe(true);
    await expectAccessible(page);
    await shootBothThemes(page, 'node-drain-refused');

    await mustWrite(app, 'PATCH', '/apis/policy/v1/namespaces/default/poddisruptionbudgets/guarded', { spec: { minAvailable: 1 } }, 'application/merge-patch+json');
    await dialog.locator('[data-test="drain-done"]').waitFor({ timeout: 30_000 });
    await row.filter({ hasText: 'Evicted: gone' }).waitFor();
    await shootBothThemes(page, 'node-drain-done');
    await dialog.locator('[data-test="close-drain"]').click();
    await page.locator('[data-test="uncordon"]').click();
    await page.locator('[data-test="cordon"]').waitFor();
  });

  it('stops an embedded node and its pods come back on another one, then starts it again', async () => {
    await mustWrite(app, 'POST', '/apis/apps/v1/namespaces/default/deployments', deployment('mover', 2));
    await expect.poll(async () => (await readyPods('mover')).length, { timeout: 20_000 }).toBe(2);
    const mover = (await readyPods('mover'))[0]!;
    const target = mover.spec!.nodeName!;

    // The pod's page shows where it runs and links to its node.
    await page.goto(`${origin}/#/pods/default/${mover.metadata!.name}`);
    const placement = page.locator('[data-test="pod-placement"]');
    await placement.locator('[data-test="pod-ip"]').filter({ hasText: mover.status!.podIP! }).waitFor();
    await placement.locator('[data-test="host-ip"]').filter({ hasText: mover.status!.hostIP! }).waitFor();
    await expectAccessible(page, { context: '[data-test="pod-placement"]' });
    await shootBothThemes(page, 'pod-placement');
    await placement.locator('[data-test="pod-node"]').filter({ hasText: target }).click();
    await page.waitForURL(new RegExp(`#/nodes/_/${target}$`));
    await page.locator('[data-test="stop-node"]').click();
    await page.locator('[data-test="start-node"]').waitFor();
    // The node controller marks it NotReady (Unknown) once its Lease is older than the grace period.
    await page.locator('[data-test="conditions"] tr', { hasText: 'Ready' }).filter({ hasText: 'Unknown' }).waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await readyPods('mover')).filter((p) => p.spec?.nodeName !== target).length, { timeout: 30_000 })
      .toBe(2);
    await expectAccessible(page);
    await shootBothThemes(page, 'node-stopped');
    await page.goto(`${origin}/#/nodes`);
    // The node controller's unreachable taints show in the list as they land on the node. (Its
    // evicted pods stay Terminating, and counted, until a kubelet confirms: none runs there.)
    const row = page.locator(`.resource-table tbody tr[data-name="${target}"]`);
    await row.filter({ hasText: 'NotReady' }).waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await node(target)).spec?.taints?.length ?? 0).toBeGreaterThan(0);
    await expect.poll(async () => Number(await row.locator('td').last().innerText())).toBe((await node(target)).spec?.taints?.length);
    // A stopped node is no longer scraped: its bars give way to a dash.
    await expect.poll(() => row.locator('[role="meter"]').count()).toBe(0);
    await shootBothThemes(page, 'nodes-list-stopped');
    await page.goto(`${origin}/#/nodes/_/${target}`);

    await page.locator('[data-test="start-node"]').click();
    await page.locator('[data-test="stop-node"]').waitFor();
    await page.locator('[data-test="conditions"] tr', { hasText: 'Ready' }).filter({ hasText: 'True' }).first().waitFor({ timeout: 20_000 });
  });

  it('creates a namespace, shows its quota use and limit ranges, and deletes it', async () => {
    await page.goto(`${origin}/#/namespaces`);
    await page.locator('.resource-table tbody tr[data-name="default"]').waitFor();
    await page.locator('[data-test="create-namespace"]').click();
    const dialog = page.locator('[data-test="create-namespace-dialog"]');
    await dialog.locator('[data-test="namespace-name"]').fill('Team_A');
    await dialog.locator('[data-test="namespace-name-problem"]').filter({ hasText: 'RFC 1123 label' }).waitFor();
    expect(await dialog.locator('[data-test="confirm-create-namespace"]').isDisabled()).toBe(true);
    await expectAccessible(page);
    await shootBothThemes(page, 'namespace-create-invalid');
    await dialog.locator('[data-test="namespace-name"]').fill('default');
    await dialog.locator('[data-test="confirm-create-namespace"]').click();
    await dialog.locator('[role="alert"]').filter({ hasText: 'already exists' }).waitFor();
    await expectAccessible(page);
    await dialog.locator('[data-test="namespace-name"]').fill('team-a');
    await dialog.locator('[data-test="confirm-create-namespace"]').click();
    await page.waitForURL(/#\/namespaces\/_\/team-a$/);
    await page.locator('[data-test="namespace-quotas"]').filter({ hasText: 'No ResourceQuota' }).waitFor();

    const quota = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute' }, spec: { hard: { pods: '4', 'requests.cpu': '1', 'requests.memory': '1Gi' } } };
    await mustWrite(app, 'POST', '/api/v1/namespaces/team-a/resourcequotas', quota);
    const limits = {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'defaults' },
      spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '250m', memory: '128Mi' }, max: { cpu: '1' } }] },
    };
    await mustWrite(app, 'POST', '/api/v1/namespaces/team-a/limitranges', limits);
    // The LimitRange gives the pod its requests, which the quota then counts.
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'worker' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    await mustWrite(app, 'POST', '/api/v1/namespaces/team-a/pods', pod);
    const quotas = page.locator('[data-test="namespace-quotas"] [data-quota="compute"]');
    await quotas.locator('[data-resource="requests.cpu"]').filter({ hasText: '250m / 1' }).waitFor();
    await quotas.locator('[data-resource="pods"]').filter({ hasText: '1 / 4' }).waitFor();
    await page.locator('[data-test="namespace-limits"] tbody tr', { hasText: 'cpu' }).filter({ hasText: '250m' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'namespace-quotas');

    // A finalizer holds one object, so the namespace stays Terminating until it is released.
    const held = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', finalizers: ['e2e.wheelhouse.dev/hold'] } };
    await mustWrite(app, 'POST', '/api/v1/namespaces/team-a/configmaps', held);
    await page.locator('[data-test="delete"]').click();
    await page.locator('[data-test="confirm-delete"]').click();
    await page.waitForURL(/#\/namespaces$/);
    await page.locator('.resource-table tbody tr[data-name="team-a"]').filter({ hasText: 'Terminating' }).waitFor({ timeout: 20_000 });
    await shootBothThemes(page, 'namespace-terminating');
    await mustWrite(app, 'PATCH', '/api/v1/namespaces/team-a/configmaps/held', { metadata: { finalizers: null } }, 'application/merge-patch+json');
    await page.locator('.resource-table tbody tr[data-name="team-a"]').waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('filters events by type, reason, kind and text, and links each to its object', async () => {
    const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const event = (name: string, type: string, reason: string, message: string) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name },
      involvedObject: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'mover', namespace: 'default' },
      type,
      reason,
      message,
      source: { component: 'e2e' },
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
    });
    await mustWrite(app, 'POST', '/api/v1/namespaces/default/events', event('mover.e2e-warning', 'Warning', 'E2eTrouble', 'something odd happened to mover'));
    await mustWrite(app, 'POST', '/api/v1/namespaces/default/events', event('mover.e2e-normal', 'Normal', 'E2eFine', 'all is well with mover'));

    await page.goto(`${origin}/#/events`);
    const rows = page.locator('table.events tbody tr');
    await rows.filter({ hasText: 'E2eTrouble' }).waitFor();
    await page.locator('[data-test="event-type"]').selectOption('Warning');
    await expect.poll(async () => (await rows.allInnerTexts()).every((t) => t.startsWith('Warning'))).toBe(true);
    await page.locator('[data-test="event-reason"]').selectOption('E2eTrouble');
    await expect.poll(() => rows.count()).toBe(1);
    await page.locator('[data-test="event-type"]').selectOption('');
    await page.locator('[data-test="event-reason"]').selectOption('');
    await page.locator('[data-test="event-kind"]').selectOption('Deployment');
    await page.locator('[data-test="filter"]').fill('ALL IS WELL');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.filter({ hasText: 'E2eFine' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'events-filtered');
    await page.locator('[data-test="filter"]').fill('');
    await page.locator('[data-test="event-kind"]').selectOption('');
    await shootBothThemes(page, 'events');
    await rows.filter({ hasText: 'E2eFine' }).getByRole('link', { name: 'Deployment/mover' }).click();
    await page.waitForURL(/#\/deployments\/default\/mover/);
  });
});
