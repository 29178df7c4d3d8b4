// Live CPU/RAM charts and the pod and node pages' resource views, end to end: the overview's top
// consumers, a pod's containers and its Metrics tab (points arriving at the cluster's metrics
// resolution, the latest equal to what the real `kubectl top pod --containers` prints), a node's
// capacity, pods and Metrics tab. axe-core on each view, screenshots in both themes.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartOf, expectChartsMatchKubectlTop, pointsAbove } from '../support/chart-vs-top';
import { haveKubectl, KUBECTL, kubectlOk } from '../support/kubectl';
import { CHROMIUM, chromiumMissing, expectAccessible, mustCreate, shootBothThemes, startWebApp, type WebApp } from '../support/web-app';

if (chromiumMissing) console.warn(`SKIPPED charts e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const USAGE = 'wheelhouse.dev/simulated-usage';
let app: WebApp;
let page: Page;

const pod = (name: string, usage: string, containers: object[]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, annotations: { [USAGE]: usage } },
  spec: { containers, volumes: [{ name: 'config', configMap: { name: 'app-config' } }, { name: 'scratch', emptyDir: {} }] },
});

describe('charts and resource views (web mode, real browser)', () => {
  if (chromiumMissing) {
    it.skip(`skipped: ${CHROMIUM} is missing; install it with apt-get install -y chromium`, () => undefined);
    return;
  }

  beforeAll(async () => {
    // Scrapes every second (wheelhouse cluster --metric-resolution 1s), so points arrive fast.
    app = await startWebApp({ timings: { metricsResolutionMs: 1000 } });
    page = app.page;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await mustCreate(app, '/api/v1/namespaces/default/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, stringData: { password: 'hunter2' } });
    await mustCreate(app, '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { mode: 'fast' } });
    await mustCreate(app, 
      '/api/v1/namespaces/default/pods',
      pod('metered', 'web:cpu=750m,memory=300Mi;sidecar:cpu=20m,memory=24Mi', [
        {
          name: 'web',
          image: 'nginx',
          ports: [{ name: 'http', containerPort: 80 }],
          resources: { requests: { cpu: '500m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
          env: [
            { name: 'MODE', value: 'production' },
            { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          ],
          volumeMounts: [
            { name: 'config', mountPath: '/etc/app', readOnly: true },
            { name: 'scratch', mountPath: '/tmp/scratch' },
          ],
        },
        { name: 'sidecar', image: 'busybox', command: ['sleep', '3600'], resources: { requests: { cpu: '10m', memory: '16Mi' } } },
      ]),
    );
    await mustCreate(app, '/api/v1/namespaces/default/pods', pod('quiet', 'cpu=5m,memory=8Mi', [{ name: 'web', image: 'nginx' }]));
    await page.goto(app.host.url);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the top consumers on the overview, linking to their pages', async () => {
    await page.waitForURL(/#\/overview$/);
    const top = page.locator('[data-test="top-cpu"] li').first();
    await top.filter({ hasText: 'default/metered' }).filter({ hasText: '770m' }).waitFor();
    await page.locator('[data-test="top-memory"] li').first().filter({ hasText: 'default/metered' }).waitFor();
    await page.locator('[data-test="top-cpu"] li').filter({ hasText: 'default/quiet' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'overview-top-consumers');
    await top.locator('a').click();
    await page.waitForURL(/#\/pods\/default\/metered$/);
  });

  it("shows the pod's containers: state, restarts, image, ports, env (secrets by name only) and mounts", async () => {
    const web = page.locator('[data-container="web"]');
    await web.locator('[data-test="container-state"]').filter({ hasText: 'Running' }).waitFor();
    await expect(web.locator('[data-test="env"]').textContent()).resolves.toMatch(/DB_PASSWORD\s*from secret db key password/);
    expect(await web.textContent()).not.toContain('hunter2');
    await expect(web.locator('[data-test="mounts"]').textContent()).resolves.toMatch(/\/etc\/app\s*from config: config map app-config \(read-only\)/);
    expect(await web.textContent()).toContain('http 80/TCP');
    expect(await page.locator('[data-container="sidecar"]').textContent()).toContain('sleep 3600');
    await expectAccessible(page);
    await shootBothThemes(page, 'pod-overview');
  });

  it("draws the pod's usage per container as points arrive, equal to kubectl top pod --containers", async () => {
    await page.locator('[data-test="tab-metrics"]').click();
    await page.waitForURL(/tab=metrics/);
    const cpu = chartOf('CPU of web');
    const seen = await pointsAbove(page, cpu, 1);
    await pointsAbove(page, cpu, seen); // a new scrape arrives while the tab is open
    await expectAccessible(page);
    await shootBothThemes(page, 'pod-metrics');

    const labels = {
      cpu: await page.locator(cpu).getAttribute('aria-label'),
      memory: await page.locator(chartOf('Memory of web')).getAttribute('aria-label'),
    };
    expect(labels.cpu).toBe('CPU of web: latest web 750m; request 500m; limit 1 core');
    expect(labels.memory).toBe('Memory of web: latest web 300Mi; request 256Mi; limit 512Mi');
    expect(await page.locator(chartOf('CPU of sidecar')).getAttribute('aria-label')).toBe('CPU of sidecar: latest sidecar 20m; request 10m');

    if (!haveKubectl) throw new Error(`kubectl is missing at ${KUBECTL}: cannot compare the charts with kubectl top`);
    const out = await kubectlOk(app.cluster.kubeconfigPath, ['top', 'pod', 'metered', '--containers', '--no-headers', '-n', 'default']);
    const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/));
    for (const [, container, cpuCell, memoryCell] of rows) {
      const chartCpu = await page.locator(chartOf(`CPU of ${container}`)).getAttribute('aria-label');
      const chartMemory = await page.locator(chartOf(`Memory of ${container}`)).getAttribute('aria-label');
      expect(chartCpu).toContain(`latest ${container} ${cpuCell};`);
      expect(chartMemory).toContain(`latest ${container} ${memoryCell};`);
    }
    expect(rows.map((r) => r[1]).sort()).toEqual(['sidecar', 'web']);
  });

  it("shows the pod's node: capacity with use bars, its pods, info, and a Metrics tab against allocatable", async () => {
    const res = await app.api('GET', '/api/v1/namespaces/default/pods/metered');
    const nodeName = (res.body as Pod).spec!.nodeName!;
    await page.goto(`${new URL(app.host.url).origin}/#/nodes/_/${nodeName}`);
    await page.locator('[data-test="capacity"]').waitFor();
    await page.locator('[data-test="node-pods"] a').filter({ hasText: 'metered' }).waitFor();
    await page.locator('.usage-track[aria-label^="CPU (cores):"][aria-label*=" used, "]').waitFor();
    await page.locator('[data-test="addresses"]').waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'node-overview');

    await page.locator('[data-test="tab-metrics"]').click();
    const seen = await pointsAbove(page, chartOf('CPU'), 1);
    await pointsAbove(page, chartOf('CPU'), seen);
    expect(await page.locator(chartOf('Memory')).getAttribute('aria-label')).toMatch(/^Memory: latest used [\d.]+(Ki|Mi|Gi); allocatable [\d.]+(Mi|Gi)$/);
    await expectChartsMatchKubectlTop(page, {
      kubeconfig: app.cluster.kubeconfigPath,
      args: ['top', 'node', nodeName, '--no-headers'],
      cells: (out) => {
        const [, cpu, , memory] = out.trim().split(/\s+/);
        return [cpu!, memory!];
      },
      cpuChart: chartOf('CPU'),
      memoryChart: chartOf('Memory'),
    });
    await expectAccessible(page);
    await shootBothThemes(page, 'node-metrics');

    await page.locator('[data-test="tab-overview"]').click();
    await page.locator('[data-test="node-pods"] a').filter({ hasText: 'metered' }).click();
    await page.waitForURL(/#\/pods\/default\/metered/);
  });
});
