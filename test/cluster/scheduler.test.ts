import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kube } from '../../core/machinery/object';
import { startCluster, type Cluster } from '../../core/cluster';
import { pendingPod, readyNode } from '../support/scheduler-fixtures';
import { Scheduler } from '../../core/scheduler/scheduler';

let cluster: Cluster;
let dir: string;
let scheduler: Scheduler;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wh-sched-'));
  cluster = await startCluster({ dataDir: dir, port: 0, storage: 'memory', components: 'none' });
});

afterEach(async () => {
  scheduler?.stop();
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

const client = () => cluster.context.client('test', 'admin');
const pods = () => cluster.context.informer<Pod>('', 'pods');
const events = () => cluster.context.informer<Event>('', 'events');

async function addNodes(...nodes: Kube<Node>[]) {
  for (const n of nodes) await client().create('', 'nodes', undefined, n);
}

/** Resolves when pred holds for the pods informer (checked on every pod or event change). */
function until<T>(pred: () => T | undefined | false): Promise<T> {
  return new Promise((resolve) => {
    const check = () => {
      const v = pred();
      if (v) {
        offs.forEach((o) => o());
        resolve(v);
      }
    };
    const offs = [pods().on({ add: check, update: check, delete: check }, false), events().on({ add: check, update: check }, false)];
    check();
  });
}

const podNamed = (name: string) => pods().get('default', name);
const eventFor = (name: string, reason: string) => events().list('default').find((e) => e.involvedObject.name === name && e.reason === reason);

function startScheduler() {
  scheduler = new Scheduler(cluster.context, { initialBackoffMs: 1, maxBackoffMs: 1 });
  scheduler.start();
}

describe('Scheduler', () => {
  it('binds pending pods to nodes with room and records Scheduled', async () => {
    await addNodes(readyNode('wrk1'), readyNode('wrk2'));
    startScheduler();
    await client().create('', 'pods', 'default', pendingPod('web', { cpu: '100m' }));
    const pod = await until(() => (podNamed('web')?.spec?.nodeName ? podNamed('web') : undefined));
    expect(['wrk1', 'wrk2']).toContain(pod.spec?.nodeName);
    const ev = await until(() => eventFor('web', 'Scheduled'));
    expect(ev.message).toBe(`Successfully assigned default/web to ${pod.spec?.nodeName}`);
    expect(ev.source?.component).toBe('default-scheduler');
  });

  it('leaves pods of other schedulers, gated pods and pods being deleted alone', async () => {
    await addNodes(readyNode('wrk1'));
    startScheduler();
    await client().create('', 'pods', 'default', pendingPod('other', {}, { schedulerName: 'my-scheduler' }));
    await client().create('', 'pods', 'default', pendingPod('gated', {}, { schedulingGates: [{ name: 'wait' }] }));
    await client().create('', 'pods', 'default', pendingPod('mine'));
    await until(() => podNamed('mine')?.spec?.nodeName);
    expect(podNamed('other')?.spec?.nodeName).toBeUndefined();
    expect(podNamed('gated')?.spec?.nodeName).toBeUndefined();
    await client().update<Pod>('', 'pods', 'default', 'gated', (p) => {
      p.spec!.schedulingGates = [];
    });
    await until(() => podNamed('gated')?.spec?.nodeName);
  });

  it('spreads pods over nodes by least allocation', async () => {
    await addNodes(readyNode('wrk1'), readyNode('wrk2'), readyNode('wrk3'));
    startScheduler();
    for (let i = 0; i < 9; i++) await client().create('', 'pods', 'default', pendingPod(`p${i}`, { cpu: '500m', memory: '1Gi' }));
    const bound = await until(() => {
      const all = pods().list('default');
      return all.every((p) => p.spec?.nodeName) && all;
    });
    const perNode = new Map<string, number>();
    for (const p of bound) perNode.set(p.spec!.nodeName!, (perNode.get(p.spec!.nodeName!) ?? 0) + 1);
    expect([...perNode.values()]).toEqual([3, 3, 3]);
  });

  it('explains an unschedulable pod exactly and retries when a taint is removed', async () => {
    const cp = readyNode('cp1', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    await addNodes(cp, readyNode('wrk1', { cpu: '1' }), readyNode('wrk2', { cpu: '1' }));
    startScheduler();
    await client().create('', 'pods', 'default', pendingPod('big', { cpu: '2' }));
    const msg =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
      'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    const cond = await until(() => podNamed('big')?.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False'));
    expect(cond).toMatchObject({ reason: 'Unschedulable', message: msg });
    const ev = await until(() => eventFor('big', 'FailedScheduling'));
    expect(ev).toMatchObject({ type: 'Warning', message: msg });
    await client().update<Node>('', 'nodes', undefined, 'cp1', (n) => {
      n.spec!.taints = [];
    });
    const pod = await until(() => (podNamed('big')?.spec?.nodeName ? podNamed('big') : undefined));
    expect(pod.spec?.nodeName).toBe('cp1');
  });

  it('retries an unschedulable pod when a node is added', async () => {
    await addNodes(readyNode('wrk1', { labels: { disk: 'hdd' } }));
    startScheduler();
    await client().create('', 'pods', 'default', pendingPod('ssd', {}, { nodeSelector: { disk: 'ssd' } }));
    const cond = await until(() => podNamed('ssd')?.status?.conditions?.find((c) => c.reason === 'Unschedulable'));
    expect(cond.message).toBe(
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    );
    await addNodes(readyNode('wrk2', { labels: { disk: 'ssd' } }));
    expect(await until(() => podNamed('ssd')?.spec?.nodeName)).toBe('wrk2');
  });

  it('retries when a pod on a full node goes away', async () => {
    await addNodes(readyNode('wrk1', { cpu: '1' }));
    startScheduler();
    await client().create('', 'pods', 'default', pendingPod('first', { cpu: '800m' }));
    await until(() => podNamed('first')?.spec?.nodeName);
    await client().create('', 'pods', 'default', pendingPod('second', { cpu: '800m' }));
    const cond = await until(() => podNamed('second')?.status?.conditions?.find((c) => c.reason === 'Unschedulable'));
    expect(cond.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    await client().delete('', 'pods', 'default', 'first', { gracePeriodSeconds: 0 });
    expect(await until(() => podNamed('second')?.spec?.nodeName)).toBe('wrk1');
  });

  it('preempts lower-priority pods for a higher-priority one', async () => {
    await addNodes(readyNode('wrk1', { cpu: '1' }), readyNode('wrk2', { cpu: '1' }));
    startScheduler();
    // Priority comes from PriorityClasses, resolved by the Priority admission plugin.
    for (const [name, value] of [['p10', 10], ['p100', 100], ['p1000', 1000]] as const) {
      await client().create('scheduling.k8s.io', 'priorityclasses', undefined, { metadata: { name }, value });
    }
    await client().create('', 'pods', 'default', pendingPod('low1', { cpu: '800m' }, { priorityClassName: 'p10' }));
    await client().create('', 'pods', 'default', pendingPod('low2', { cpu: '800m' }, { priorityClassName: 'p100' }));
    await until(() => podNamed('low1')?.spec?.nodeName && podNamed('low2')?.spec?.nodeName);
    const victimNode = podNamed('low1')!.spec!.nodeName!;
    await client().create('', 'pods', 'default', pendingPod('high', { cpu: '800m' }, { priorityClassName: 'p1000' }));
    const nominated = await until(() => podNamed('high')?.status?.nominatedNodeName);
    expect(nominated).toBe(victimNode);
    // No kubelet here: finish the graceful deletion as one would.
    await until(() => podNamed('low1')?.metadata.deletionTimestamp);
    const high = podNamed('high')!;
    expect(podNamed('low1')?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')?.reason).toBe('PreemptionByScheduler');
    await client().delete('', 'pods', 'default', 'low1', { gracePeriodSeconds: 0 });
    expect(await until(() => podNamed('high')?.spec?.nodeName)).toBe(victimNode);
    expect(eventFor('low1', 'Preempted')?.message).toBe(`Preempted by pod ${high.metadata.uid} on node ${victimNode}`);
    expect(podNamed('low2')?.metadata.deletionTimestamp).toBeUndefined();
  });
});
