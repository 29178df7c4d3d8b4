// The kubelet's side of metrics: its stats, and OOM kills of containers over their memory
// limit (driven through the wheelhouse.dev/simulated-usage annotation).
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../../test/support/node-cluster';
import { USAGE_ANNOTATION } from '../runtime/usage-override';

let t: TestCluster;

beforeEach(async () => {
  t = await startTestCluster({ nodes: 2 });
});

afterEach(async () => {
  await t.stop();
});

async function createPod(name: string, usage: string, containers: Container[], restartPolicy = 'Always') {
  return t.cluster.context
    .client('test', 'admin')
    .create<Pod>('', 'pods', 'default', { metadata: { name, namespace: 'default', annotations: { [USAGE_ANNOTATION]: usage } }, spec: { nodeName: 'wrk1', restartPolicy, containers } });
}

const limited = (name: string, memory: string): Container => ({ name, image: 'nginx', resources: { limits: { memory }, requests: { memory } } });

describe('kubelet usage and OOM kills', () => {
  it('reports each running container and the node as its pods plus system overhead', async () => {
    await createPod('web', 'web:cpu=300m,memory=100Mi;side:cpu=20m,memory=10Mi', [{ name: 'web', image: 'nginx' }, { name: 'side', image: 'busybox', command: ['sleep', '3600'] }]);
    const stats = await t.until(() => {
      const s = t.manager.kubelet('wrk1')!.stats();
      return s.pods.find((p) => p.name === 'web')?.containers.length === 2 && s;
    });
    const pod = stats.pods.find((p) => p.name === 'web')!;
    expect(pod.containers).toEqual([
      { name: 'web', usage: { cpuMillicores: 300, memoryBytes: 100 * 2 ** 20 } },
      { name: 'side', usage: { cpuMillicores: 20, memoryBytes: 10 * 2 ** 20 } },
    ]);
    const pods = stats.pods.flatMap((p) => p.containers).reduce((n, c) => n + c.usage.cpuMillicores, 0);
    expect(stats.usage.cpuMillicores).toBeGreaterThan(pods + 20);
    expect(stats.usage.memoryBytes).toBeGreaterThan(110 * 2 ** 20 + 200 * 2 ** 20);
  });

  it('OOM-kills a container over its memory limit and restarts it per policy', async () => {
    await createPod('hog', 'memory=300Mi', [limited('hog', '256Mi')]);
    const pod = await t.until(() => {
      const p = t.pod('hog');
      return (p?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1 && p;
    });
    expect(pod.status!.containerStatuses![0]!.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('with restartPolicy Never, the pod fails with the container OOMKilled', async () => {
    await createPod('once', 'memory=300Mi', [limited('once', '256Mi')], 'Never');
    const pod = await t.until(() => {
      const p = t.pod('once');
      return p?.status?.phase === 'Failed' && p;
    });
    expect(pod.status!.containerStatuses![0]!.state?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(pod.status!.containerStatuses![0]!.restartCount).toBe(0);
  });

  it('a malformed annotation keeps the container waiting in CreateContainerError, saying why', async () => {
    await createPod('typo', 'cpu=fast', [{ name: 'typo', image: 'nginx' }]);
    const waiting = await t.until(() => t.pod('typo')?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CreateContainerError' && t.pod('typo')!.status!.containerStatuses![0]!.state!.waiting);
    expect(waiting.message).toBe(`invalid ${USAGE_ANNOTATION} annotation "cpu=fast": cpu: "fast" is not a quantity (e.g. 750m, 300Mi)`);
  });
});
