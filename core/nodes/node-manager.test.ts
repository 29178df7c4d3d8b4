import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node } from 'kubernetes-types/core/v1';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../client/clock';
import { DEFAULT_MACHINE } from '../kubelet/machine';
import { runNodeCommand } from './node-command';
import { MANAGED_ANNOTATION, STATE_ANNOTATION } from './node-object';
import { SHORT_TIMINGS, startTestCluster, type TestCluster } from '../../test/support/node-cluster';

let t: TestCluster | undefined;

afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const nodes = () => t!.cluster.context.informer<Node>('', 'nodes');
const lease = (name: string) => t!.cluster.context.informer<Lease>('coordination.k8s.io', 'leases').get('kube-node-lease', name);
const client = () => t!.cluster.context.client('test', 'admin');
const ready = (n: Node | undefined) => n?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';

async function setState(name: string, state: 'stopped' | 'running') {
  await client().update<Node>('', 'nodes', undefined, name, (n) => {
    n.metadata.annotations = { ...n.metadata.annotations, [STATE_ANNOTATION]: state };
  });
}

describe('NodeManager', () => {
  it('registers cp1 and the workers, complete and Ready, each with a Lease', async () => {
    t = await startTestCluster({ nodes: 3 });
    await t.until(() => ['cp1', 'wrk1', 'wrk2'].every((n) => lease(n)));
    expect(nodes().list().map((n) => n.metadata.name).sort()).toEqual(['cp1', 'wrk1', 'wrk2']);

    const cp1 = nodes().get(undefined, 'cp1')!;
    expect(cp1.metadata.labels).toMatchObject({ 'kubernetes.io/hostname': 'cp1', 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/control-plane': '' });
    expect(cp1.metadata.annotations?.[MANAGED_ANNOTATION]).toBe('true');
    expect(cp1.spec?.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(cp1.spec?.podCIDR).toBe('10.244.0.0/24');

    const wrk2 = nodes().get(undefined, 'wrk2')!;
    expect(wrk2.metadata.labels?.['node-role.kubernetes.io/control-plane']).toBeUndefined();
    expect(wrk2.spec?.taints).toBeUndefined();
    expect(wrk2.spec).toMatchObject({ podCIDR: '10.244.2.0/24', podCIDRs: ['10.244.2.0/24'] });
    expect(wrk2.status?.capacity).toMatchObject({ cpu: '4', memory: '8Gi', pods: '110' });
    expect(wrk2.status?.allocatable).toMatchObject({ cpu: '4', memory: '8092Mi', pods: '110' });
    expect(wrk2.status?.addresses).toEqual([
      { type: 'InternalIP', address: '172.18.0.4' },
      { type: 'Hostname', address: 'wrk2' },
    ]);
    expect(wrk2.status?.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.0', containerRuntimeVersion: 'simulated://1.0', operatingSystem: 'linux' });
    expect(wrk2.status?.daemonEndpoints?.kubeletEndpoint?.Port).toBe(10250);
    expect(wrk2.status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
      ['Ready', 'True', 'KubeletReady'],
    ]);
    expect(ready(wrk2)).toBe(true);

    const l = lease('wrk2')!;
    expect(l.spec).toMatchObject({ holderIdentity: 'wrk2', leaseDurationSeconds: 40 });
    expect(l.spec?.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(l.metadata?.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'wrk2', uid: wrk2.metadata.uid }]);
  });

  it('renews leases on the clock, and a stopped node stops renewing until started again', async () => {
    const clock = new ManualClock();
    t = await startTestCluster({ nodes: 2, clock });
    await t.until(() => lease('cp1') && lease('wrk1'));
    const renewed = (name: string, since: string | undefined) => t!.until(() => lease(name)?.spec?.renewTime !== since);

    const first = lease('wrk1')!.spec!.renewTime;
    clock.advance(SHORT_TIMINGS.nodeLeaseRenewMs!);
    await renewed('wrk1', first);

    await setState('wrk1', 'stopped');
    await vi.waitFor(() => expect(t!.manager.kubelet('wrk1')).toBeUndefined());
    const frozen = lease('wrk1')!.spec!.renewTime;
    for (let i = 0; i < 3; i++) {
      const cp1Before = lease('cp1')!.spec!.renewTime;
      clock.advance(SHORT_TIMINGS.nodeLeaseRenewMs!);
      await renewed('cp1', cp1Before); // the healthy node still beats...
    }
    expect(lease('wrk1')!.spec!.renewTime).toBe(frozen); // ...the stopped one does not

    await setState('wrk1', 'running');
    await renewed('wrk1', frozen); // a started kubelet renews at once
  });

  it('stops the pods of a stopped node, without reporting anything', async () => {
    t = await startTestCluster({ nodes: 2 });
    await client().create('', 'pods', 'default', { metadata: { name: 'p' }, spec: { nodeName: 'wrk1', containers: [{ name: 'c', image: 'nginx' }] } });
    await t.until(() => t!.pod('p')?.status?.phase === 'Running');
    const kubelet = t.manager.kubelet('wrk1')!;
    expect(kubelet.containerLogs('default', 'p', 'c')?.logs()).toEqual([]);
    await setState('wrk1', 'stopped');
    await vi.waitFor(() => expect(t!.manager.kubelet('wrk1')).toBeUndefined());
    expect(kubelet.containerLogs('default', 'p', 'c')).toBeUndefined();
    expect(t.pod('p')?.status?.phase).toBe('Running'); // nobody is left to say otherwise
  });

  it('runs a kubelet for nodes added later and stops it when the node is deleted', async () => {
    t = await startTestCluster({ nodes: 1 });
    await t.until(() => lease('cp1'));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runNodeCommand(['add', 'wrk1', '--kubeconfig', t.cluster.kubeconfigPath])).toBe(0);
      expect(out).toHaveBeenCalledWith('node/wrk1 added\n');
      await t.until(() => lease('wrk1'));
      expect(nodes().get(undefined, 'wrk1')?.spec?.podCIDR).toBe('10.244.1.0/24');
      expect(ready(nodes().get(undefined, 'wrk1'))).toBe(true);
      expect(t.manager.kubelet('wrk1')).toBeDefined();

      expect(await runNodeCommand(['stop', 'wrk1', '--kubeconfig', t.cluster.kubeconfigPath])).toBe(0);
      expect(nodes().get(undefined, 'wrk1')?.metadata.annotations?.[STATE_ANNOTATION]).toBe('stopped');
      await vi.waitFor(() => expect(t!.manager.kubelet('wrk1')).toBeUndefined());

      expect(await runNodeCommand(['start', 'wrk1', '--kubeconfig', t.cluster.kubeconfigPath])).toBe(0);
      await vi.waitFor(() => expect(t!.manager.kubelet('wrk1')).toBeDefined());

      expect(await runNodeCommand(['remove', 'wrk1', '--kubeconfig', t.cluster.kubeconfigPath])).toBe(0);
      expect(out).toHaveBeenCalledWith('node/wrk1 removed\n');
      await t.until(() => !nodes().get(undefined, 'wrk1'));
      await vi.waitFor(() => expect(t!.manager.kubelet('wrk1')).toBeUndefined());
    } finally {
      out.mockRestore();
    }
  });

  it('a bare managed Node, as kubectl create posts it, is registered by its kubelet and becomes Ready; user labels and taints stay', async () => {
    t = await startTestCluster({ nodes: 2 });
    await t.until(() => lease('wrk1'));
    const bare = (name: string, extra: Partial<Node['metadata']> = {}): Node => ({ metadata: { name, ...extra, annotations: { [MANAGED_ANNOTATION]: 'true' } } });
    const taint = { key: 'dedicated', value: 'edge', effect: 'NoSchedule' as const };
    await Promise.all([
      client().create<Node>('', 'nodes', undefined, { ...bare('edge1', { labels: { team: 'blue' } }), spec: { taints: [taint] } }),
      client().create<Node>('', 'nodes', undefined, bare('edge2')),
    ]);
    const edge1 = await t.until(() => {
      const n = nodes().get(undefined, 'edge1');
      return ready(n) && lease('edge1') && n;
    });
    const arch = DEFAULT_MACHINE.arch;
    expect(edge1.metadata.labels).toEqual({
      team: 'blue',
      'beta.kubernetes.io/arch': arch,
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': arch,
      'kubernetes.io/hostname': 'edge1',
      'kubernetes.io/os': 'linux',
    });
    expect(edge1.spec?.taints).toEqual([taint]);
    expect(edge1.status?.capacity).toMatchObject({ cpu: '4', memory: '8Gi', pods: '110' });
    expect(edge1.status?.allocatable).toMatchObject({ cpu: '4', memory: '8092Mi', pods: '110' });
    expect(edge1.status?.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.0', containerRuntimeVersion: 'simulated://1.0', operatingSystem: 'linux' });
    expect(edge1.status?.daemonEndpoints?.kubeletEndpoint?.Port).toBe(10250);

    // Each gets its own /24 and address, even when added together; its pods use them.
    const edge2 = await t.until(() => ready(nodes().get(undefined, 'edge2')) && nodes().get(undefined, 'edge2'));
    const cidrs = [edge1, edge2].map((n) => n.spec?.podCIDR).sort();
    expect(cidrs).toEqual(['10.244.2.0/24', '10.244.3.0/24']);
    const address = edge1.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    expect(address).toBe(edge1.spec?.podCIDR === '10.244.2.0/24' ? '172.18.0.4' : '172.18.0.5');
    await client().create('', 'pods', 'default', { metadata: { name: 'p' }, spec: { nodeName: 'edge1', containers: [{ name: 'c', image: 'nginx' }] } });
    const pod = await t.until(() => t!.pod('p')?.status?.phase === 'Running' && t!.pod('p'));
    expect(pod.status?.hostIP).toBe(address);
    expect(pod.status?.podIP?.split('.').slice(0, 3)).toEqual(edge1.spec!.podCIDR!.split('.').slice(0, 3));
  });

  it('leaves a Node registered complete as it is', async () => {
    t = await startTestCluster({ nodes: 2 });
    const before = nodes().get(undefined, 'wrk1')!;
    await t.until(() => lease('wrk1'));
    const after = nodes().get(undefined, 'wrk1')!;
    expect(after.metadata.labels).toEqual(before.metadata.labels);
    expect({ ...after.status?.nodeInfo, bootID: '' }).toEqual({ ...before.status?.nodeInfo, bootID: '' }); // a booted machine has a new bootID
    expect(after.status?.capacity).toEqual(before.status?.capacity);
  });

  it('reports API errors as kubectl does', async () => {
    t = await startTestCluster({ nodes: 1 });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runNodeCommand(['remove', 'nope', '--kubeconfig', t.cluster.kubeconfigPath])).toBe(1);
      expect(err).toHaveBeenCalledWith('Error from server (NotFound): nodes "nope" not found\n');
    } finally {
      err.mockRestore();
    }
  });

  it('does not register nodes when the cluster already has some', async () => {
    t = await startTestCluster({ nodes: 2 });
    await t.until(() => lease('wrk1'));
    t.manager.stop();
    const { NodeManager } = await import('./node-manager');
    const again = new NodeManager(t.cluster.context, { nodes: 5 });
    await again.start();
    expect(nodes().list()).toHaveLength(2);
    again.stop();
  });
});
