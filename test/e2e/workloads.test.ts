// Workload actions and config views end to end: restart a Deployment (a new ReplicaSet), its
// rollout history with the template diff and a roll back, a Secret revealed key by key, a
// ConfigMap's values; axe-core on each view, screenshots in both themes.
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, expectAccessible, mustCreate, SCREENSHOTS, shootBothThemes, startWebApp, type WebApp } from '../support/web-app';

if (chromiumMissing) console.warn(`SKIPPED workloads e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let app: WebApp;
let page: Page;

async function setImage(name: string, image: string, cause: string): Promise<void> {
  const patch = { metadata: { annotations: { 'kubernetes.io/change-cause': cause } }, spec: { template: { spec: { containers: [{ name: 'web', image }] } } } };
  const res = await app.api('PATCH', `/apis/apps/v1/namespaces/default/deployments/${name}`, patch, 'application/strategic-merge-patch+json');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function open(hash: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#${hash}`);
}

const deployment = (name: string, image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, annotations: { 'kubernetes.io/change-cause': `create ${image}` } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image }] } },
  },
});

/** A release record as Helm's Secret driver stores it: data.release = base64(gzip(json)). */
function helmReleaseSecret(version: number, status: string, config: Record<string, unknown>) {
  const release = {
    name: 'shop',
    namespace: 'default',
    version,
    info: { status, description: version === 1 ? 'Install complete' : 'Upgrade complete', notes: 'Visit http://shop.local to shop.', first_deployed: '2026-12-01T10:00:00Z', last_deployed: new Date().toISOString() },
    chart: { metadata: { name: 'nginx', version: `15.${version}.0`, appVersion: '1.25.3' }, values: { replicaCount: 1, image: { repository: 'nginx', tag: 'latest' } } },
    config,
    manifest: '---\n# Source: nginx/templates/svc.yaml\n',
  };
  const record = gzipSync(Buffer.from(JSON.stringify(release))).toString('base64');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `sh.helm.release.v1.shop.v${version}`, labels: { owner: 'helm', name: 'shop', status, version: String(version) } },
    type: 'helm.sh/release.v1',
    data: { release: Buffer.from(record).toString('base64') },
  };
}

describe('workload actions and config views (web mode, real browser)', () => {
  if (chromiumMissing) {
    it.skip(`skipped: ${CHROMIUM} is missing; install it with apt-get install -y chromium`, () => undefined);
    return;
  }

  beforeAll(async () => {
    app = await startWebApp();
    page = app.page;
    await page.goto(app.host.url);
    await page.waitForURL(/#\/overview$/);
  });

  afterAll(async () => {
    await app?.close();
  });

  // What the page showed when a test failed, to see why.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await page.screenshot({ path: `${SCREENSHOTS}/failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`, fullPage: true });
  });

  it('restarts a Deployment: its template is stamped and a new ReplicaSet appears', async () => {
    await mustCreate(app, '/apis/apps/v1/namespaces/default/deployments', deployment('restarter', 'nginx:1.25'));
    await open('/deployments/default/restarter');
    const replicaSets = page.locator('[data-test="owned-replicasets"] li');
    await replicaSets.first().waitFor();
    await page.locator('[data-test="restart"]').click();
    const dialog = page.locator('[data-test="confirm-dialog"]');
    await dialog.filter({ hasText: 'Restart Deployment restarter?' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'deployment-restart-dialog');
    await dialog.locator('[data-test="confirm"]').click();
    await replicaSets.nth(1).waitFor();
    expect(await replicaSets.count()).toBe(2);
    const d = (await app.api('GET', '/apis/apps/v1/namespaces/default/deployments/restarter')).body as { spec: { template: { metadata: { annotations?: Record<string, string> } } } };
    expect(d.spec.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await expectAccessible(page);
    await shootBothThemes(page, 'deployment-actions');
  });

  it('shows three revisions and their diff, and rolls back to revision 1', async () => {
    await mustCreate(app, '/apis/apps/v1/namespaces/default/deployments', deployment('app', 'nginx:1.25'));
    await open('/deployments/default/app?tab=history');
    const row = (revision: number) => page.locator(`[data-test="history"] tr[data-revision="${revision}"]`);
    await row(1).waitFor();
    await setImage('app', 'nginx:1.26', 'set image nginx:1.26');
    await row(2).waitFor();
    await setImage('app', 'nginx:1.27', 'set image nginx:1.27');
    await row(3).filter({ hasText: 'set image nginx:1.27' }).waitFor();
    expect(await page.locator('[data-test="history"] tbody tr').count()).toBe(3);

    // The default comparison is the previous revision with the current one.
    const diff = page.locator('[data-test="template-diff"]');
    await diff.locator('.del').filter({ hasText: 'image: nginx:1.26' }).waitFor();
    await diff.locator('.add').filter({ hasText: 'image: nginx:1.27' }).waitFor();
    expect(await diff.textContent()).not.toContain('pod-template-hash');
    await page.getByLabel('Compare from revision 1').check();
    await diff.locator('.del').filter({ hasText: 'image: nginx:1.25' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'deployment-history');

    await page.locator('[data-test="rollback-1"]').click();
    const dialog = page.locator('[data-test="confirm-dialog"]');
    await dialog.filter({ hasText: 'Roll back app to revision 1?' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'deployment-rollback-dialog');
    await dialog.locator('[data-test="confirm"]').click();
    // As in Kubernetes, revision 1's ReplicaSet becomes revision 4, the current one.
    await row(4).filter({ hasText: 'create nginx:1.25' }).waitFor();
    await row(1).waitFor({ state: 'detached' });
    const d = (await app.api('GET', '/apis/apps/v1/namespaces/default/deployments/app')).body as {
      metadata: { annotations: Record<string, string> };
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    expect(d.spec.template.spec.containers[0]!.image).toBe('nginx:1.25');
    expect(d.metadata.annotations['kubernetes.io/change-cause']).toBe('create nginx:1.25');
  });

  it('refuses to roll back a paused Deployment, and resumes it', async () => {
    await page.locator('[data-test="pause"]').filter({ hasText: 'Pause rollout' }).click();
    await page.locator('[data-test="pause"]').filter({ hasText: 'Resume rollout' }).waitFor();
    await page.locator('[data-test="rollback-3"]').click();
    await page.locator('[data-test="confirm-dialog"] [data-test="confirm"]').click();
    await page.locator('[role="alert"]').filter({ hasText: 'cannot roll back a paused Deployment' }).waitFor();
    await page.locator('[data-test="pause"]').click();
    await page.locator('[data-test="pause"]').filter({ hasText: 'Pause rollout' }).waitFor();
    const d = (await app.api('GET', '/apis/apps/v1/namespaces/default/deployments/app')).body as { spec: { paused?: boolean } };
    expect(d.spec.paused ?? false).toBe(false); // false is omitted, as Go omits it
  });

  it('hides Secret values until a key is revealed; binary values by size only', async () => {
    await mustCreate(app, '/api/v1/namespaces/default/secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db' },
      type: 'kubernetes.io/basic-auth',
      data: { username: btoa('admin'), password: btoa('s3cr3t-value'), blob: btoa(String.fromCharCode(0x1f, 0x8b, 0x08, 0x00, 0xff)) },
    });
    await open('/secrets/default/db');
    const panel = page.locator('[data-test="secret-data"]');
    await panel.locator('[data-test="secret-type"]').filter({ hasText: 'kubernetes.io/basic-auth' }).waitFor();
    expect(await panel.textContent()).not.toContain('s3cr3t-value');
    await expectAccessible(page);
    await shootBothThemes(page, 'secret-hidden');
    await panel.getByRole('button', { name: 'Reveal password' }).click();
    await panel.locator('dd[data-key="password"] [data-test="secret-value"]').filter({ hasText: 's3cr3t-value' }).waitFor();
    expect(await panel.textContent()).not.toContain('admin');
    await panel.getByRole('button', { name: 'Reveal blob' }).click();
    await panel.locator('dd[data-key="blob"]').filter({ hasText: 'binary, 5 bytes' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'secret-revealed');
  });

  it("lists a ConfigMap's keys with long values collapsed", async () => {
    const long = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n');
    await mustCreate(app, '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { mode: 'fast', 'app.conf': long } });
    await open('/configmaps/default/settings');
    const panel = page.locator('[data-test="configmap-data"]');
    await panel.locator('[data-key="mode"]').filter({ hasText: 'fast' }).waitFor();
    const conf = panel.locator('[data-key="app.conf"]');
    expect(await conf.textContent()).not.toContain('line 40');
    await conf.getByRole('button', { name: 'Show all (40 lines)' }).click();
    await conf.filter({ hasText: 'line 40' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'configmap-data');
  });

  it('lists a Helm release from its Secrets and opens its history, values and notes', async () => {
    await mustCreate(app, '/api/v1/namespaces/default/secrets', helmReleaseSecret(1, 'superseded', {}));
    await mustCreate(app, '/api/v1/namespaces/default/secrets', helmReleaseSecret(2, 'deployed', { replicaCount: 3, image: { tag: '1.25.3' } }));
    await page.locator('.sidebar a[data-kind="helm-releases"]').click();
    const row = page.locator('[data-test="helm-releases"] tr[data-name="shop"]');
    await row.filter({ hasText: 'nginx-15.2.0' }).filter({ hasText: '1.25.3' }).filter({ hasText: 'deployed' }).waitFor();
    expect(await row.locator('td').nth(2).textContent()).toBe('2');
    await expectAccessible(page);
    await shootBothThemes(page, 'helm-releases');

    await row.getByRole('link', { name: 'shop' }).click();
    await page.waitForURL(/#\/helm\/releases\/default\/shop/);
    await page.locator('[data-test="helm-history"] tr[data-revision="1"]').filter({ hasText: 'superseded' }).waitFor();
    await page.locator('[data-test="helm-user-values"]').filter({ hasText: 'replicaCount: 3' }).waitFor();
    await page.locator('summary').click();
    const computedValues = page.locator('[data-test="helm-computed-values"]');
    await computedValues.filter({ hasText: 'repository: nginx' }).filter({ hasText: 'tag: 1.25.3' }).waitFor();
    await page.locator('[data-test="helm-notes"]').filter({ hasText: 'Visit http://shop.local' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'helm-release');
    await page.getByRole('button', { name: 'Show revision 1' }).click();
    await page.locator('[data-test="helm-values"] h2').filter({ hasText: 'revision 1' }).waitFor();
  });

  it('shows what a ServiceAccount bound to view may do: list pods, not delete them', async () => {
    await mustCreate(app, '/api/v1/namespaces/default/serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'viewer' } });
    await mustCreate(app, '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'viewer-view' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'ServiceAccount', name: 'viewer', namespace: 'default' }],
    });
    await page.locator('.sidebar a[data-kind="access"]').click();
    await page.waitForURL(/#\/access/);
    const table = page.locator('[data-test="access-table"]');
    const cell = (resource: string, verb: string) => table.locator(`tr[data-resource="${resource}"] td[data-verb="${verb}"]`);
    // You (system:masters) may do everything, cluster-scoped resources included.
    await cell('nodes', 'delete').and(page.locator('[data-verdict="yes"]')).waitFor();
    await cell('pods', 'delete').and(page.locator('[data-verdict="yes"]')).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'access-self');

    await page.locator('[data-test="access-subject"] option[value="sa:viewer"]').waitFor({ state: 'attached' });
    await page.locator('[data-test="access-subject"]').selectOption('sa:viewer');
    await page.locator('[data-test="access-table"][aria-busy="false"]').filter({ hasText: 'SubjectAccessReview per cell' }).waitFor();
    expect(await cell('pods', 'list').getAttribute('data-verdict')).toBe('yes');
    expect(await cell('pods', 'delete').getAttribute('data-verdict')).toBe('no');
    expect(await cell('secrets', 'get').getAttribute('data-verdict')).toBe('no');
    expect(await cell('nodes', 'list').getAttribute('data-verdict')).toBe('no');
    expect(await cell('deployments', 'watch').getAttribute('data-verdict')).toBe('yes');
    await expectAccessible(page);
    await shootBothThemes(page, 'access-serviceaccount');
  });

  it("shows a NodePort Service's ports, endpoints and address, and an Ingress's rules", async () => {
    await mustCreate(app, '/apis/apps/v1/namespaces/default/deployments', { ...deployment('shopfront', 'nginx:1.25'), spec: { ...deployment('shopfront', 'nginx:1.25').spec, replicas: 2 } });
    await mustCreate(app, '/api/v1/namespaces/default/services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'shopfront' },
      spec: { type: 'NodePort', selector: { app: 'shopfront' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    });
    const svc = (await app.api('GET', '/api/v1/namespaces/default/services/shopfront')).body as { spec: { ports: { nodePort: number }[] } };
    const nodePort = svc.spec.ports[0]!.nodePort;
    await open('/services/default/shopfront');
    await page.locator('[data-test="service-type"]').filter({ hasText: 'NodePort' }).waitFor();
    await page.locator('[data-test="service-links"] a').filter({ hasText: `127.0.0.1:${nodePort}` }).waitFor();
    expect(await page.locator('[data-test="service-links"] a').getAttribute('href')).toBe(`http://127.0.0.1:${nodePort}/`);
    await page.locator('[data-test="endpoints"] h2').filter({ hasText: '2 ready / 2' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'service');

    await mustCreate(app, '/apis/networking.k8s.io/v1/namespaces/default/ingresses', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop' },
      spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'shopfront', port: { number: 80 } } } }] } }] },
    });
    await open('/ingresses/default/shop');
    const rules = page.locator('[data-test="ingress-rules"]');
    await rules.getByRole('link', { name: 'shop.example.com' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'ingress');
    await rules.getByRole('link', { name: 'shopfront:80' }).click();
    await page.waitForURL(/#\/services\/default\/shopfront/);
    await page.locator('[data-test="service-type"]').filter({ hasText: 'NodePort' }).waitFor();
  });

  it('shows a DaemonSet\'s revisions from its ControllerRevisions', async () => {
    const ds = (image: string) => ({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image }] } } },
    });
    await mustCreate(app, '/apis/apps/v1/namespaces/default/daemonsets', ds('agent:1'));
    await open('/daemonsets/default/agent?tab=history');
    await page.locator('[data-test="history"] tr[data-revision="1"]').waitFor();
    const res = await app.api('PATCH', '/apis/apps/v1/namespaces/default/daemonsets/agent', { spec: { template: { spec: { containers: [{ name: 'agent', image: 'agent:2' }] } } } }, 'application/strategic-merge-patch+json');
    expect(res.status).toBe(200);
    await page.locator('[data-test="template-diff"] .add').filter({ hasText: 'image: agent:2' }).waitFor();
    expect(await page.locator('[data-test="history"] [data-test^="rollback-"]').count()).toBe(0);
    await expectAccessible(page);
    await shootBothThemes(page, 'daemonset-history');
  });
});
