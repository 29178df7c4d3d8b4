// The app's shell end to end: overview, sidebar and palette navigation, object pages with
// scale and delete, back/forward, custom kinds discovered live; axe-core on every main view,
// and screenshots of each in both themes (test-results/screenshots/).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, expectAccessible, mustCreate, shootBothThemes, startWebApp, type WebApp } from '../support/web-app';

if (chromiumMissing) console.warn(`SKIPPED shell e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let app: WebApp;
let page: Page;

const deployment = (name: string, replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name }, annotations: { 'wheelhouse.dev/purpose': 'e2e' } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
    },
  },
});

describe('shell (web mode, real browser)', () => {
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

  it('opens on the overview with three nodes ready and the cluster resources', async () => {
    await page.waitForURL(/#\/overview$/);
    await page.locator('[data-test="nodes-ready"]').filter({ hasText: /3\s*\/\s*3/ }).waitFor();
    await page.locator('[data-test="pod-phases"]').waitFor();
    await page.locator('.usage-track[aria-label^="CPU (cores):"]').waitFor();
    // "used" appears only where the cluster serves metrics.k8s.io; otherwise the page says so.
    const metrics = await app.api('GET', '/apis/metrics.k8s.io/v1beta1/nodes');
    if (metrics.status === 404) await page.locator('[data-test="metrics-absent"]').filter({ hasText: 'Metrics not available' }).waitFor();
    else await page.locator('.usage-track[aria-label*=" used, "]').first().waitFor();
    await expectAccessible(page, { bothThemes: true });
    await shootBothThemes(page, 'overview');

    await page.locator('[data-test="nodes-ready"]').click();
    await page.waitForURL(/#\/nodes$/);
    await page.locator('.resource-table tbody tr[data-name="cp1"]').waitFor();
  });

  it('navigates by the sidebar and by the command palette, from the keyboard', async () => {
    await page.locator('.sidebar a[data-kind="deployments"]').click();
    await page.waitForURL(/#\/deployments$/);
    await page.locator('.view-header h1').filter({ hasText: 'Deployments' }).waitFor();
    await expectAccessible(page, { bothThemes: true });
    await shootBothThemes(page, 'list-deployments');

    await page.keyboard.press('Control+k');
    const palette = page.locator('[data-test="palette"]');
    await palette.waitFor();
    await page.keyboard.type('secrts');
    await palette.locator('[role="option"][aria-selected="true"]').filter({ hasText: 'Secrets' }).waitFor();
    await shootBothThemes(page, 'palette');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/secrets$/);
    await palette.waitFor({ state: 'detached' });

    // An object the app has loaded (the namespaces picker holds them all) and an action.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('kube-system namespace');
    await page.locator('[role="option"][aria-selected="true"]').filter({ hasText: 'kube-system' }).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/namespaces\/_\/kube-system$/);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('light theme');
    await page.keyboard.press('Enter');
    await page.locator('html[data-theme="light"]').waitFor({ state: 'attached' });
    await page.keyboard.press('Control+k');
    await palette.waitFor();
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });
    await page.locator('[aria-label="Toggle theme"]').click();
  });

  it("opens a Deployment's page, scales it and sees its pods", async () => {
    await mustCreate(app, '/apis/apps/v1/namespaces/default/deployments', deployment('web', 1));
    await page.locator('.sidebar a[data-kind="deployments"]').click();
    await page.locator('.resource-table tbody tr[data-name="web"]').click();
    await page.waitForURL(/#\/deployments\/default\/web$/);
    await page.locator('[data-test="object-name"]').filter({ hasText: 'web' }).waitFor();
    await page.locator('.chip').filter({ hasText: 'wheelhouse.dev/purpose=e2e' }).waitFor();
    await page.locator('[data-test="owned-pods"] li').first().waitFor();
    await page.locator('[data-test="conditions"]').getByRole('cell', { name: 'Available', exact: true }).waitFor();

    await page.locator('[data-test="replicas"]').fill('3');
    await page.locator('[data-test="scale"]').click();
    await page.locator('[data-test="owned-pods"] li').nth(2).waitFor();
    expect(await page.locator('[data-test="owned-pods"] li').count()).toBe(3);
    const scaled = (await app.api('GET', '/apis/apps/v1/namespaces/default/deployments/web/scale')).body as { spec: { replicas: number } };
    expect(scaled.spec.replicas).toBe(3);
    await page.locator('.events td').filter({ hasText: 'ScalingReplicaSet' }).first().waitFor();
    await expectAccessible(page, { bothThemes: true });
    await shootBothThemes(page, 'object-deployment');

    // A pod's page links back to its owner.
    await page.locator('[data-test="owned-pods"] li a').first().click();
    await page.waitForURL(/#\/pods\/default\/web-/);
    await page.locator('[data-test="owners"] a').filter({ hasText: /^ReplicaSet web-/ }).waitFor();
    await shootBothThemes(page, 'object-pod');

    // Back and forward keep the pages.
    await page.goBack();
    await page.waitForURL(/#\/deployments\/default\/web$/);
    await page.locator('[data-test="object-name"]').filter({ hasText: 'web' }).waitFor();
    await page.goForward();
    await page.waitForURL(/#\/pods\/default\/web-/);
    await page.reload();
    await page.locator('[data-test="owners"] a').filter({ hasText: /^ReplicaSet web-/ }).waitFor();

    // The overview counts them: three pods of 100m and 64Mi each, requested.
    await page.locator('.sidebar a[data-kind="overview"]').click();
    await page.locator('[data-test="pod-phases"] li').filter({ hasText: /3\s*Running/ }).waitFor();
    // (Used comes first in the label where the cluster serves metrics.k8s.io, as it now does.)
    await page.locator('.usage-track[aria-label^="CPU (cores): "][aria-label*=" 300m requested of "]').waitFor();
    await page.locator('.usage-track[aria-label^="Memory: "][aria-label*=" 192Mi requested of "]').waitFor();
    await shootBothThemes(page, 'overview-busy');
  });

  it('follows the address from one object to another of the same kind', async () => {
    for (const [name, value] of [['first', 'one'], ['second', 'two']]) {
      await mustCreate(app, '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { value } });
    }
    const origin = new URL(page.url()).origin;
    await page.goto(`${origin}/#/configmaps/default/first?tab=yaml`);
    await page.locator('[data-test="yaml"]').filter({ hasText: 'value: one' }).waitFor();
    await page.goto(`${origin}/#/configmaps/default/second?tab=yaml`);
    await page.locator('[data-test="object-name"]', { hasText: 'second' }).waitFor();
    await page.locator('[data-test="yaml"]').filter({ hasText: 'value: two' }).waitFor();
  });

  it('deletes an object through the confirm dialog', async () => {
    await mustCreate(app, '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'doomed' }, data: { a: '1' } });
    await page.goto(`${new URL(page.url()).origin}/#/configmaps/default/doomed?tab=yaml`);
    await page.locator('[data-test="yaml"]').filter({ hasText: /a: ['"]1['"]/ }).waitFor();
    await page.locator('[data-test="delete"]').click();
    const dialog = page.locator('[data-test="delete-dialog"]');
    await dialog.filter({ hasText: 'Delete ConfigMap doomed?' }).waitFor();
    await shootBothThemes(page, 'delete-dialog');
    await dialog.locator('[data-test="confirm-delete"]').click();
    await page.waitForURL(/#\/configmaps$/);
    expect((await app.api('GET', '/api/v1/namespaces/default/configmaps/doomed')).status).toBe(404);

    // An object that is gone says so, in words.
    await page.goto(`${new URL(page.url()).origin}/#/configmaps/default/doomed`);
    await page.locator('[role="alert"]').filter({ hasText: 'ConfigMap doomed in namespace default does not exist' }).waitFor();
  });

  it('lists a custom kind once its CRD is served, and opens its objects', async () => {
    await mustCreate(app, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    });
    const entry = page.locator('.sidebar a[data-kind="widgets.example.com"]');
    await entry.waitFor();
    await mustCreate(app, '/apis/example.com/v1/namespaces/default/widgets', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'gizmo' }, spec: { size: 3 } });
    await entry.click();
    await page.locator('.resource-table tbody tr[data-name="gizmo"]').click();
    await page.waitForURL(/#\/widgets\.example\.com\/default\/gizmo$/);
    await page.locator('[data-test="tab-yaml"]').click();
    await page.locator('[data-test="yaml"]').filter({ hasText: 'size: 3' }).waitFor();
    await shootBothThemes(page, 'object-custom');
  });
});
