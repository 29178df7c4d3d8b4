import type { ConfigMap, Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kube, KubeObject } from '../../machinery/object';
import { resourceQuota } from '../../apiserver/admission/resource-quota';
import type { AdmissionRequest } from '../../registry/generic/resource-store';
import { startTestCluster, type TestCluster } from '../../../test/support/batch-cluster';
import { ResourceQuotaController } from './resource-quota-controller';

const NS = 'default';
let t: TestCluster;
let controller: ResourceQuotaController;

beforeEach(async () => {
  t = await startTestCluster();
  controller = new ResourceQuotaController(t.cluster.context);
  controller.start();
});
afterEach(async () => {
  controller.stop();
  await t.stop();
});

const quota = (name = 'compute') => t.cluster.registry.storeFor('', 'resourcequotas')!.find(NS, name)?.object as Kube<ResourceQuota> | undefined;
const podSpec = (requests?: Record<string, string>, limits?: Record<string, string>): Pod['spec'] => ({
  containers: [{ name: 'app', image: 'nginx', ...(requests || limits ? { resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } } : {}) }],
});
const createPod = (name: string, spec: Pod['spec']) => t.client.create<Pod>('', 'pods', NS, { metadata: { name }, spec });

/** Runs the admission plugin on a would-be create of obj. */
async function admit(plural: string, obj: KubeObject): Promise<void> {
  const def = t.cluster.registry.storeFor('', plural)!.def;
  const req: AdmissionRequest = { operation: 'CREATE', def, namespace: NS, name: obj.metadata.name!, object: obj, options: { user: { username: 'u', groups: [] } }, onFinish: [] };
  await resourceQuota(t.cluster.registry, () => t.clock.now()).validate!(req);
}

describe('ResourceQuota controller', () => {
  it('computes hard and used from the namespace objects, and follows them', async () => {
    await createPod('a', podSpec({ cpu: '500m', memory: '128Mi' }, { cpu: '1' }));
    await createPod('b', podSpec({ cpu: '1' }));
    await t.client.create<ConfigMap>('', 'configmaps', NS, { metadata: { name: 'cfg' } });
    await t.client.create<ResourceQuota>('', 'resourcequotas', NS, {
      metadata: { name: 'compute' },
      spec: { hard: { pods: '10', 'requests.cpu': '4', 'requests.memory': '1Gi', 'limits.cpu': '8', configmaps: '5', 'count/configmaps': '5' } },
    });
    await t.waitFor(() => quota()?.status?.used, 'usage');
    expect(quota()!.status).toEqual({
      hard: { pods: '10', 'requests.cpu': '4', 'requests.memory': '1Gi', 'limits.cpu': '8', configmaps: '5', 'count/configmaps': '5' },
      used: { pods: '2', 'requests.cpu': '1500m', 'requests.memory': '128Mi', 'limits.cpu': '1', configmaps: '1', 'count/configmaps': '1' },
    });
    await t.finishPod(t.pods(NS).find((p) => p.metadata.name === 'b')!, 'Succeeded');
    await t.waitFor(() => quota()?.status?.used?.pods === '1', 'finished pod released');
    expect(quota()!.status!.used!['requests.cpu']).toBe('500m');
  });
});

describe('ResourceQuota admission', () => {
  beforeEach(async () => {
    await t.client.create<ResourceQuota>('', 'resourcequotas', NS, { metadata: { name: 'compute' }, spec: { hard: { 'requests.cpu': '2', 'limits.cpu': '4', pods: '3' } } });
    await createPod('a', podSpec({ cpu: '1500m' }, { cpu: '2' }));
    await t.waitFor(() => quota()?.status?.used?.['requests.cpu'] === '1500m', 'usage');
  });

  it('refuses what would exceed the quota, with the quota numbers', async () => {
    const pod = { metadata: { name: 'big', namespace: NS }, spec: podSpec({ cpu: '1' }, { cpu: '1' }) } as KubeObject;
    await expect(admit('pods', pod)).rejects.toMatchObject({
      code: 403,
      message: 'pods "big" is forbidden: exceeded quota: compute, requested: requests.cpu=1, used: requests.cpu=1500m, limited: requests.cpu=2',
    });
  });

  it('requires the constrained requests and limits on every container', async () => {
    const pod = { metadata: { name: 'bare', namespace: NS }, spec: podSpec() } as KubeObject;
    await expect(admit('pods', pod)).rejects.toMatchObject({
      code: 403,
      message: 'pods "bare" is forbidden: failed quota: compute: must specify limits.cpu for: app; requests.cpu for: app',
    });
  });

  it('charges what it admits to status.used at once', async () => {
    await admit('pods', { metadata: { name: 'small', namespace: NS }, spec: podSpec({ cpu: '500m' }, { cpu: '1' }) } as KubeObject);
    expect(quota()!.status!.used).toMatchObject({ 'requests.cpu': '2', 'limits.cpu': '3', pods: '2' });
    await expect(admit('pods', { metadata: { name: 'more', namespace: NS }, spec: podSpec({ cpu: '1m' }, { cpu: '1m' }) } as KubeObject)).rejects.toMatchObject({
      message: expect.stringContaining('exceeded quota: compute, requested: requests.cpu=1m, used: requests.cpu=2, limited: requests.cpu=2'),
    });
  });

  it('leaves kinds the quota does not count alone', async () => {
    await expect(admit('configmaps', { metadata: { name: 'cfg', namespace: NS } } as KubeObject)).resolves.toBeUndefined();
  });
});
