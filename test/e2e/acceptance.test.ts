// The ops dashboard's acceptance story, on one app, step after step as a user walks it: the
// overview and three nodes; a Deployment created from its template in the YAML editor; scaled,
// its pods appearing; a pod's chart receiving points, equal to what the real `kubectl top pods
// -A` prints; its logs read and searched; the Deployment rolled back to revision 1 from its
// history; a node cordoned and drained, another stopped and its pods moving; a Secret
// revealed; the namespace switched; the node chart equal to `kubectl top nodes`; and a switch
// to a second cluster (a `wheelhouse cluster` process in the user's kubeconfig). Screenshots of
// every main view in both themes (test-results/screenshots/acceptance-*), axe on each.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chartOf, expectChartsMatchKubectlTop, pointsAbove } from '../support/chart-vs-top';
import { startClusterProcess, type ClusterProcess } from '../support/cluster-process';
import { kubectlOk } from '../support/kubectl';
import { CHROMIUM, chromiumMissing, expectAccessible, mustCreate, mustWrite, SCREENSHOTS, shootBothThemes, startWebApp, type WebApp } from '../support/web-app';

if (chromiumMissing) console.warn(`SKIPPED acceptance e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const NAME = 'my-deployment';
// What the Deployment's container runs (the simulated runtime plays `sh -c` loops), typed into
// the template so its pods have logs to read.
const COMMAND = 'command: ["sh", "-c", "i=0; while true; do i=$((i+1)); echo served request $i; sleep 0.2; done"]';

let app: WebApp;
let page: Page;
let remote: ClusterProcess;
let origin: string;

const open = (hash: string) => page.goto(`${origin}/#${hash}`);
const shoot = (name: string) => shootBothThemes(page, `acceptance-${name}`, { inEachTheme: () => expectAccessible(page) });
const nodeRow = (name: string) => page.locator(`.resource-table tbody tr[data-name="${name}"]`);

/** The Deployment's pods that are Ready and not being deleted. */
async function readyPods(): Promise<Pod[]> {
  const res = await app.api('GET', `/api/v1/namespaces/default/pods?labelSelector=app%3D${NAME}`);
  const pods = (res.body as { items: Pod[] }).items;
  return pods.filter((p) => !p.metadata?.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
}

/** The nodes the Deployment's ready pods run on. */
async function podNodes(): Promise<string[]> {
  return (await readyPods()).map((p) => p.spec!.nodeName!).sort();
}

/** The first editor line that is exactly `text` (indentation aside). */
const editorLine = (text: string) =>
  page
    .locator('[data-test="yaml-editor"] .cm-line')
    .filter({ hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
    .first();

describe('the ops dashboard, acceptance story (web mode, real browser)', () => {
  if (chromiumMissing) {
    it.skip(`skipped: ${CHROMIUM} is missing; install it with apt-get install -y chromium`, () => undefined);
    return;
  }

  beforeAll(async () => {
    // The remote: five nodes, so it is told apart from the embedded cluster's three.
    remote = await startClusterProcess({ extraArgs: ['--nodes', '5', '--storage', 'memory'] });
    // Metrics every second, so chart points arrive fast; short node lifecycle periods, so a
    // stopped node's pods move within seconds.
    app = await startWebApp({
      kubeconfig: remote.kubeconfig,
      timings: { metricsResolutionMs: 1000, nodeLeaseRenewMs: 500, nodeMonitorGracePeriodMs: 3_000, defaultTolerationSeconds: 2 },
    });
    page = app.page;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(app.host.url);
    await page.waitForURL(/#\/overview$/);
    origin = new URL(page.url()).origin;
  });

  afterAll(async () => {
    await app?.close();
    await remote?.stop();
    remote?.cleanup();
  });

  // What the page showed when a step failed, to see why.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await page.screenshot({ path: `${SCREENSHOTS}/failed-acceptance-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`, fullPage: true });
  });

  it('opens on the overview with three nodes ready, and lists them', async () => {
    await page.locator('[data-test="nodes-ready"]').filter({ hasText: /3\s*\/\s*3/ }).waitFor();
    await page.locator('[data-test="pod-phases"]').waitFor();
    await page.locator('.usage-track[aria-label^="CPU (cores):"][aria-label*=" used, "]').waitFor();
    await shoot('overview');
    await page.locator('[data-test="nodes-ready"]').click();
    await page.waitForURL(/#\/nodes$/);
    for (const name of ['cp1', 'wrk1', 'wrk2']) await nodeRow(name).filter({ hasText: 'Ready' }).waitFor();
    expect(await page.locator('.resource-table tbody tr').count()).toBe(3);
    await shoot('nodes');
  });

  it('creates a Deployment from its template in the YAML editor', async () => {
    await open('/deployments?ns=default');
    await page.locator('[data-test="create-object"]').click();
    await editorLine('kind: Deployment').waitFor();
    await editorLine('image: nginx:1.27').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(COMMAND);
    await editorLine(COMMAND).waitFor();
    await shoot('create-from-template');
    await page.locator('[data-test="create-dialog"] [data-test="create"]').click();
    await page.waitForURL(new RegExp(`#/deployments/default/${NAME}$`));
    await page.locator('[data-test="object-name"]').filter({ hasText: NAME }).waitFor();
    const made = await app.api('GET', `/apis/apps/v1/namespaces/default/deployments/${NAME}`);
    expect((made.body as { spec: { template: { spec: { containers: { command: string[] }[] } } } }).spec.template.spec.containers[0]!.command[0]).toBe('sh');
  });

  it('scales it to three and watches the pods appear', async () => {
    await page.locator('[data-test="owned-pods"] li').first().waitFor();
    await page.locator('[data-test="replicas"]').fill('3');
    await page.locator('[data-test="scale"]').click();
    await page.locator('[data-test="owned-pods"] li').nth(2).waitFor();
    expect(await page.locator('[data-test="owned-pods"] li').count()).toBe(3);
    await expect.poll(async () => (await readyPods()).length, { timeout: 20_000 }).toBe(3);
    await page.locator('[data-test="conditions"]').getByRole('cell', { name: 'Available', exact: true }).waitFor();
    await shoot('deployment');
  });

  it("opens a pod's chart and sees points arrive, the numbers kubectl top pods -A prints", async () => {
    await page.locator('[data-test="owned-pods"] li a').first().click();
    await page.waitForURL(new RegExp(`#/pods/default/${NAME}-`));
    const podName = decodeURIComponent(new URL(page.url()).hash.split('/')[3]!.split('?')[0]!);
    await page.locator('[data-test="tab-metrics"]').click();
    const cpu = chartOf('CPU of app');
    const seen = await pointsAbove(page, cpu, 1);
    await pointsAbove(page, cpu, seen);
    await shoot('pod-metrics');
    await expectChartsMatchKubectlTop(page, {
      kubeconfig: app.cluster.kubeconfigPath,
      args: ['top', 'pods', '-A', '--no-headers'],
      cells: (out) => {
        const row = out
          .trim()
          .split('\n')
          .map((l) => l.trim().split(/\s+/))
          .find(([namespace, name]) => namespace === 'default' && name === podName);
        if (!row) throw new Error(`kubectl top pods -A printed no row for default/${podName}:\n${out}`);
        return [row[2]!, row[3]!];
      },
      cpuChart: cpu,
      memoryChart: chartOf('Memory of app'),
    });
  });

  it('reads its logs and searches them', async () => {
    await page.locator('[data-test="tab-logs"]').click();
    await page.locator('[data-test="log-line"]').filter({ hasText: /served request \d+$/ }).first().waitFor();
    await page.locator('[data-test="log-search"]').fill('served request 3');
    await page.locator('[data-test="log-match-count"]').filter({ hasText: /^\d+ of \d+$/ }).waitFor();
    await page.locator('[data-test="log-line"].current mark').filter({ hasText: 'served request 3' }).waitFor();
    await shootBothThemes(page, 'acceptance-pod-logs', { fullPage: false, inEachTheme: () => expectAccessible(page, { context: '.log-viewer' }) });
  });

  it('rolls the Deployment back to revision 1 from its history', async () => {
    // Revision 2, as a user makes it from a terminal.
    await kubectlOk(app.cluster.kubeconfigPath, ['set', 'image', `deployment/${NAME}`, 'app=nginx:1.28', '-n', 'default']);
    await open(`/deployments/default/${NAME}?tab=history`);
    const row = (revision: number) => page.locator(`[data-test="history"] tr[data-revision="${revision}"]`);
    await row(2).waitFor();
    await page.locator('[data-test="template-diff"] .add').filter({ hasText: 'image: nginx:1.28' }).waitFor();
    await shoot('history');
    await page.locator('[data-test="rollback-1"]').click();
    await page.locator('[data-test="confirm-dialog"] [data-test="confirm"]').click();
    // Revision 1's ReplicaSet comes back as revision 3, as in Kubernetes.
    await row(3).waitFor();
    await row(1).waitFor({ state: 'detached' });
    const d = (await app.api('GET', `/apis/apps/v1/namespaces/default/deployments/${NAME}`)).body as { spec: { template: { spec: { containers: { image: string }[] } } } };
    expect(d.spec.template.spec.containers[0]!.image).toBe('nginx:1.27');
    await expect
      .poll(async () => (await readyPods()).filter((p) => p.spec?.containers[0]?.image === 'nginx:1.27').length, { timeout: 30_000 })
      .toBe(3);
  });

  it('cordons and drains a node the nodes list shows holding pods', async () => {
    await open('/nodes');
    // The Pods column counts what each node holds (the Deployment's three pods, on the two
    // workers: the control plane is tainted); pick a worker that holds some.
    const podsOn = async (name: string) => Number(/(\d+)\/110/.exec(await nodeRow(name).innerText())?.[1] ?? 0);
    await expect.poll(async () => (await podsOn('wrk1')) + (await podsOn('wrk2')), { timeout: 20_000 }).toBe(3);
    const target = (await podsOn('wrk1')) > 0 ? 'wrk1' : 'wrk2';
    const other = target === 'wrk1' ? 'wrk2' : 'wrk1';
    await nodeRow(target).click();
    await page.waitForURL(new RegExp(`#/nodes/_/${target}$`));
    await page.locator('[data-test="node-pods"] a').filter({ hasText: NAME }).first().waitFor();

    await page.locator('[data-test="cordon"]').click();
    await page.locator('[data-test="uncordon"]').waitFor();
    await page.locator('[data-test="drain"]').click();
    const dialog = page.locator('[data-test="drain-dialog"]');
    await dialog.locator('[data-test="drain-evict"]').filter({ hasText: NAME }).waitFor();
    await shoot('drain-plan');
    await dialog.locator('[data-test="confirm-drain"]').click();
    await dialog.locator('[data-test="drain-done"]').waitFor({ timeout: 30_000 });
    await shoot('drain-done');
    await dialog.locator('[data-test="close-drain"]').click();
    // The ReplicaSet made the evicted pods again, on the only other schedulable node.
    await expect.poll(podNodes, { timeout: 30_000 }).toEqual([other, other, other]);
    await page.locator('[data-test="node-pods"] a').filter({ hasText: NAME }).first().waitFor({ state: 'detached' });
    await page.locator('[data-test="uncordon"]').click();
    await page.locator('[data-test="cordon"]').waitFor();
  });

  it('stops a node and watches its pods move to another one', async () => {
    const [stopped] = await podNodes();
    const survivor = stopped === 'wrk1' ? 'wrk2' : 'wrk1';
    await open(`/nodes/_/${stopped}`);
    await page.locator('[data-test="stop-node"]').click();
    await page.locator('[data-test="start-node"]').waitFor();
    await page.locator('[data-test="conditions"] tr', { hasText: 'Ready' }).filter({ hasText: 'Unknown' }).waitFor({ timeout: 20_000 });
    await expect.poll(podNodes, { timeout: 30_000 }).toEqual([survivor, survivor, survivor]);
    await shoot('node-stopped');
    await open(`/nodes/_/${survivor}`);
    await page.locator('[data-test="node-pods"] a').filter({ hasText: NAME }).nth(2).waitFor();
    await open(`/nodes/_/${stopped}`);
    await page.locator('[data-test="start-node"]').click();
    await page.locator('[data-test="conditions"] tr', { hasText: 'Ready' }).filter({ hasText: 'True' }).first().waitFor({ timeout: 20_000 });
  });

  it('reveals a Secret', async () => {
    await mustCreate(app, '/api/v1/namespaces/default/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, stringData: { password: 'hunter2' } });
    await open('/secrets?ns=default');
    await page.locator('.resource-table tbody tr[data-name="db"]').click();
    const panel = page.locator('[data-test="secret-data"]');
    await panel.getByRole('button', { name: 'Reveal password' }).waitFor();
    expect(await panel.textContent()).not.toContain('hunter2');
    await panel.getByRole('button', { name: 'Reveal password' }).click();
    await panel.locator('dd[data-key="password"] [data-test="secret-value"]').filter({ hasText: 'hunter2' }).waitFor();
    await shoot('secret');
  });

  it('switches namespace', async () => {
    await mustWrite(app, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'staging' } });
    await mustCreate(app, '/api/v1/namespaces/staging/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'staging-settings' }, data: { tier: 'staging' } });
    await mustCreate(app, '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'default-settings' }, data: { tier: 'default' } });
    await page.locator('.sidebar a[data-kind="configmaps"]').click();
    await page.locator('[data-test="namespace-picker"]').selectOption('default');
    await page.locator('.resource-table tbody tr[data-name="default-settings"]').waitFor();
    await page.locator('[data-test="namespace-picker"] option[value="staging"]').waitFor({ state: 'attached' });
    await page.locator('[data-test="namespace-picker"]').selectOption('staging');
    await page.locator('.resource-table tbody tr[data-name="staging-settings"]').waitFor();
    await page.locator('.resource-table tbody tr[data-name="default-settings"]').waitFor({ state: 'detached' });
    await shoot('namespace-switched');
  });

  it("shows a node's chart with the numbers kubectl top nodes prints", async () => {
    await open('/nodes/_/wrk1?tab=metrics');
    const seen = await pointsAbove(page, chartOf('CPU'), 1);
    await pointsAbove(page, chartOf('CPU'), seen);
    await shoot('node-metrics');
    await expectChartsMatchKubectlTop(page, {
      kubeconfig: app.cluster.kubeconfigPath,
      args: ['top', 'nodes', '--no-headers'],
      cells: (out) => {
        const row = out
          .trim()
          .split('\n')
          .map((l) => l.trim().split(/\s+/))
          .find(([name]) => name === 'wrk1');
        if (!row) throw new Error(`kubectl top nodes printed no row for wrk1:\n${out}`);
        return [row[1]!, row[3]!];
      },
      cpuChart: chartOf('CPU'),
      memoryChart: chartOf('Memory'),
    });
  });

  it('switches to the second cluster and shows its nodes', async () => {
    const picker = page.locator('select[aria-label="Cluster"]');
    await picker.selectOption('context:wheelhouse');
    await page.locator('[data-test="cluster-state"].ready').waitFor();
    await open('/nodes');
    await nodeRow('wrk4').waitFor();
    expect(await page.locator('.resource-table tbody tr').count()).toBe(5);
    expect(await page.locator('.topbar .server').textContent()).toBe(remote.url);
    await shoot('second-cluster');
  });
});
