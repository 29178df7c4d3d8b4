import type { LimitRange, Pod } from 'kubernetes-types/core/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kube, KubeObject } from '../../machinery/object';
import type { AdmissionRequest } from '../../registry/generic/resource-store';
import { startTestCluster, type TestCluster } from '../../../test/support/batch-cluster';
import { limitRanger } from './limit-ranger';

const NS = 'default';
let t: TestCluster;

beforeEach(async () => {
  t = await startTestCluster();
  await t.client.create<LimitRange>('', 'limitranges', NS, {
    metadata: { name: 'limits' },
    spec: {
      limits: [
        { type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '250m' }, min: { cpu: '50m' }, max: { cpu: '1' }, maxLimitRequestRatio: { cpu: '4' } },
        { type: 'Pod', max: { memory: '1Gi' } },
      ],
    },
  });
});
afterEach(() => t.stop());

/** Runs the plugin's mutate then validate on a create of pod, as the registry does. */
async function admit(spec: Pod['spec']): Promise<Kube<Pod>> {
  const pod = { metadata: { name: 'p', namespace: NS }, spec } as Kube<Pod>;
  const def = t.cluster.registry.storeFor('', 'pods')!.def;
  const req: AdmissionRequest = { operation: 'CREATE', def, namespace: NS, name: 'p', object: pod as KubeObject, options: { user: { username: 'u', groups: [] } }, onFinish: [] };
  const plugin = limitRanger(t.cluster.registry);
  await plugin.mutate!(req);
  await plugin.validate!(req);
  return pod;
}
const container = (resources?: object) => ({ containers: [{ name: 'app', image: 'nginx', ...(resources ? { resources } : {}) }] });

describe('LimitRanger admission', () => {
  it('fills missing requests and limits from the defaults and says so', async () => {
    const pod = await admit(container({ requests: { memory: '64Mi' } }));
    expect(pod.spec!.containers[0]!.resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '64Mi' } });
    expect(pod.metadata.annotations).toEqual({ 'kubernetes.io/limit-ranger': 'LimitRanger plugin set: cpu request for container app; cpu, memory limit for container app' });
  });

  it('takes a stated limit as the request before defaulting', async () => {
    const pod = await admit(container({ limits: { cpu: '200m' } }));
    expect(pod.spec!.containers[0]!.resources!.requests!.cpu).toBe('200m');
  });

  it.each([
    ['below min', { requests: { cpu: '10m' }, limits: { cpu: '40m' } }, 'minimum cpu usage per Container is 50m, but request is 10m'],
    [
      'breaking several limits',
      { requests: { cpu: '10m' }, limits: { cpu: '2' } },
      '[minimum cpu usage per Container is 50m, but request is 10m, maximum cpu usage per Container is 1, but limit is 2, cpu max limit to request ratio per Container is 4, but provided ratio is 200.000000]',
    ],
    ['above max', { limits: { cpu: '2' } }, 'maximum cpu usage per Container is 1, but limit is 2'],
    ['ratio', { requests: { cpu: '100m' }, limits: { cpu: '800m' } }, 'cpu max limit to request ratio per Container is 4, but provided ratio is 8.000000'],
    ['pod max', { limits: { memory: '2Gi' } }, 'maximum memory usage per Pod is 1Gi, but limit is 2Gi'],
  ])('refuses a pod %s', async (_n, resources, message) => {
    await expect(admit(container(resources))).rejects.toMatchObject({ code: 403, message: `pods "p" is forbidden: ${message}` });
  });
});
