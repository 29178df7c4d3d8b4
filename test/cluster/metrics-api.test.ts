// metrics.k8s.io and the metrics history over HTTPS, against a whole cluster on a ManualClock:
// shapes as metrics-server serves them, selectors, namespaces, errors, Tables, RBAC, and the
// same numbers as the in-process MetricsStore.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../core/cluster';
import { ManualClock } from '../../core/client/clock';
import { USAGE_ANNOTATION } from '../../core/runtime/usage-override';
import { api, type ApiTarget } from '../support/api-client';
import { cpuQuantity, memoryQuantity } from '../../core/metrics/format';

let cluster: Cluster;
let t: ApiTarget;
let dir: string;
const clock = new ManualClock();
const M = '/apis/metrics.k8s.io/v1beta1';
const H = '/apis/metrics.wheelhouse.dev/v1alpha1';

const podInformer = () => cluster.context.informer<Pod>('', 'pods');

/** Moves the cluster's time on in small steps, letting each step's work finish, until pred holds. */
async function advanceUntil(pred: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !pred(); i++) {
    clock.advance(50);
    await new Promise((r) => setImmediate(r));
  }
  expect(pred()).toBe(true);
}

function pod(ns: string, name: string, labels: Record<string, string>, containers: Container[], usage?: string, restartPolicy = 'Always'): object {
  return {
    metadata: { name, namespace: ns, labels, ...(usage ? { annotations: { [USAGE_ANNOTATION]: usage } } : {}) },
    spec: { nodeName: 'wrk1', restartPolicy, containers },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wh-metrics-'));
  cluster = await startCluster({ dataDir: dir, port: 0, storage: 'memory', clock, nodes: 3 });
  t = { url: cluster.url, caPem: cluster.caPem, token: cluster.token };
  expect((await api(t, 'POST', '/api/v1/namespaces', { metadata: { name: 'other' } })).status).toBe(201);
  const create = async (ns: string, body: object) => expect((await api(t, 'POST', `/api/v1/namespaces/${ns}/pods`, body)).status).toBe(201);
  await create('default', pod('default', 'web-1', { app: 'web' }, [{ name: 'web', image: 'nginx' }, { name: 'side', image: 'busybox', command: ['sleep', 'infinity'] }], 'cpu=250m,memory=64Mi'));
  await create('other', pod('other', 'db-1', { app: 'db' }, [{ name: 'db', image: 'postgres', resources: { requests: { cpu: '500m', memory: '256Mi' } } }]));
  await create('default', pod('default', 'done', { app: 'web' }, [{ name: 'once', image: 'busybox', command: ['true'] }], undefined, 'Never'));
  const phase = (ns: string, name: string) => podInformer().get(ns, name)?.status?.phase;
  await advanceUntil(() => phase('default', 'web-1') === 'Running' && phase('other', 'db-1') === 'Running' && phase('default', 'done') === 'Succeeded');
  // Two scrapes with everything running.
  clock.advance(15_000);
  clock.advance(15_000);
});

afterAll(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('metrics.k8s.io/v1beta1', () => {
  it('is in discovery, legacy and aggregated, with get and list on nodes and pods', async () => {
    const groups = await api(t, 'GET', '/apis');
    expect(groups.json.groups).toContainEqual({
      name: 'metrics.k8s.io',
      versions: [{ groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' }],
      preferredVersion: { groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' },
    });
    const list = await api(t, 'GET', M);
    expect(list.json.resources).toEqual([
      { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
      { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
    ]);
    const aggregated = await api(t, 'GET', '/apis', undefined, { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' });
    const group = aggregated.json.items.find((g: { metadata: { name: string } }) => g.metadata.name === 'metrics.k8s.io');
    expect(group.versions[0].resources.map((r: { resource: string; responseKind: { kind: string } }) => [r.resource, r.responseKind.kind])).toEqual([
      ['nodes', 'NodeMetrics'],
      ['pods', 'PodMetrics'],
    ]);
  });

  it('lists NodeMetrics with the in-process store\'s numbers, timestamp and window', async () => {
    const r = await api(t, 'GET', `${M}/nodes`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ kind: 'NodeMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {} });
    expect(r.json.items.map((n: { metadata: { name: string } }) => n.metadata.name)).toEqual(['cp1', 'wrk1', 'wrk2']);
    for (const item of r.json.items) {
      const s = cluster.metrics!.node(item.metadata.name)!;
      expect(item).toEqual({
        kind: 'NodeMetrics',
        apiVersion: 'metrics.k8s.io/v1beta1',
        metadata: { name: item.metadata.name, labels: expect.any(Object), creationTimestamp: expect.any(String) },
        timestamp: s.timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        window: '15s',
        usage: { cpu: cpuQuantity(s.usage.cpuMillicores), memory: memoryQuantity(s.usage.memoryBytes) },
      });
    }
    const wrk1 = cluster.metrics!.node('wrk1')!.usage;
    // wrk1 runs the pods: 2 × 250m and 2 × 64Mi overridden, plus db-1, plus the system's share.
    expect(wrk1.cpuMillicores).toBeGreaterThan(500 + 150);
    expect(wrk1.memoryBytes).toBeGreaterThan(128 * 2 ** 20 + 128 * 2 ** 20);
  });

  it('lists PodMetrics of Running pods in a namespace, with a label selector, and across namespaces', async () => {
    const web = await api(t, 'GET', `${M}/namespaces/default/pods?labelSelector=app%3Dweb`);
    expect(web.json.kind).toBe('PodMetricsList');
    expect(web.json.items).toHaveLength(1); // "done" has Succeeded: no metrics, as in metrics-server
    expect(web.json.items[0]).toEqual({
      kind: 'PodMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' }, creationTimestamp: expect.any(String) },
      timestamp: expect.stringMatching(/Z$/),
      window: '15s',
      containers: [
        { name: 'web', usage: { cpu: '250m', memory: '64Mi' } },
        { name: 'side', usage: { cpu: '250m', memory: '64Mi' } },
      ],
    });
    const all = await api(t, 'GET', `${M}/pods`);
    expect(all.json.items.map((p: { metadata: { namespace: string; name: string } }) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['default/web-1', 'other/db-1']);
    const db = all.json.items[1].containers[0].usage;
    const s = cluster.metrics!.pod('other', 'db-1')!.containers[0]!.usage;
    expect(db).toEqual({ cpu: cpuQuantity(s.cpuMillicores), memory: memoryQuantity(s.memoryBytes) });
  });

  it('gets one pod; 404 for a missing pod and for one without metrics', async () => {
    expect((await api(t, 'GET', `${M}/namespaces/default/pods/web-1`)).json.metadata.name).toBe('web-1');
    const missing = await api(t, 'GET', `${M}/namespaces/default/pods/nope`);
    expect([missing.status, missing.json.message]).toEqual([404, 'pods "nope" not found']);
    const done = await api(t, 'GET', `${M}/namespaces/default/pods/done`);
    expect([done.status, done.json.message]).toEqual([404, 'pods.metrics.k8s.io "default/done" not found']);
    const badSelector = await api(t, 'GET', `${M}/pods?labelSelector=app%3D%3D%3D`);
    expect(badSelector.status).toBe(400);
  });

  it('prints a Table as metrics-server does: a pod\'s containers summed', async () => {
    const r = await api(t, 'GET', `${M}/namespaces/default/pods`, undefined, { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    expect(r.json.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'cpu', 'memory', 'Window']);
    expect(r.json.rows.map((row: { cells: unknown[] }) => row.cells)).toEqual([['web-1', '500m', '128Mi', '15s']]);
  });

  it('is read-only: no create, no watch', async () => {
    expect((await api(t, 'POST', `${M}/namespaces/default/pods`, {})).status).toBe(405);
    expect((await api(t, 'GET', `${M}/pods?watch=true`)).status).toBe(405);
  });

  it('is readable by whoever has view, and by no one else', async () => {
    const as = { 'Impersonate-User': 'jane' };
    expect((await api(t, 'GET', `${M}/namespaces/default/pods`, undefined, as)).status).toBe(403);
    const binding = { metadata: { name: 'jane-view' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }] };
    expect((await api(t, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', binding)).status).toBe(201);
    expect((await api(t, 'GET', `${M}/namespaces/default/pods`, undefined, as)).status).toBe(200);
    expect((await api(t, 'GET', `${H}/namespaces/default/pods/web-1`, undefined, as)).status).toBe(200);
    expect((await api(t, 'GET', `${M}/namespaces/other/pods`, undefined, as)).status).toBe(403);
    const reader = await api(t, 'GET', '/apis/rbac.authorization.k8s.io/v1/clusterroles/system:aggregated-metrics-reader');
    expect(reader.json.metadata.labels['rbac.authorization.k8s.io/aggregate-to-view']).toBe('true');
  });
});

describe('metrics.wheelhouse.dev/v1alpha1 history', () => {
  it('serves a pod\'s series, summed and per container, one point per scrape', async () => {
    const r = await api(t, 'GET', `${H}/namespaces/default/pods/web-1`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ kind: 'PodMetricsHistory', apiVersion: 'metrics.wheelhouse.dev/v1alpha1', metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' } }, window: '15s' });
    const last = r.json.points.at(-1);
    expect(last).toEqual({ timestamp: cluster.metrics!.pod('default', 'web-1')!.timestamp.toISOString(), cpu: 500, memory: 128 * 2 ** 20 });
    expect(r.json.containers.map((c: { name: string; points: unknown[] }) => [c.name, c.points.length])).toEqual([
      ['side', r.json.points.length],
      ['web', r.json.points.length],
    ]);
    expect(r.json.containers[1].points.at(-1)).toMatchObject({ cpu: 250, memory: 64 * 2 ** 20 });
  });

  it('serves node series matching the store, and lists with selectors', async () => {
    const r = await api(t, 'GET', `${H}/nodes/wrk1`);
    expect(r.json.points).toEqual(cluster.metrics!.nodeHistory('wrk1'));
    expect(r.json.points.length).toBeGreaterThanOrEqual(3);
    const list = await api(t, 'GET', `${H}/pods?labelSelector=app%3Ddb`);
    expect(list.json.kind).toBe('PodMetricsHistoryList');
    expect(list.json.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['db-1']);
    // A pod whose container never ran at a scrape has no series.
    expect((await api(t, 'GET', `${H}/namespaces/default/pods/done`)).status).toBe(404);
  });
});
