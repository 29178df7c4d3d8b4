// Self-healing with the real kubectl against `wheelhouse cluster` (3 nodes, short periods):
// a deleted pod is replaced; an unschedulable pod says why; cordon and drain move pods and
// respect a PodDisruptionBudget; a stopped node goes NotReady and its pods come back elsewhere.
import { describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { manifests, newNamespace, useCluster, watchLines } from './compat-cluster';

// A node silent for 3 s is NotReady; pods tolerate that for 2 s before they are evicted.
const CLUSTER_ARGS = ['--nodes', '3', '--storage', 'memory', '--node-monitor-grace-period', '3s', '--node-lease-renew-interval', '500ms', '--default-toleration-seconds', '2'];

interface PodState {
  phase: string;
  node: string;
  deleting: boolean;
}

const POD_COLUMNS = ['-o', 'custom-columns=NAME:.metadata.name,PHASE:.status.phase,NODE:.spec.nodeName,DELETING:.metadata.deletionTimestamp', '--no-headers'];

/** The latest state of every pod a `get pods -w` has printed. */
function podStates(lines: string[]): Map<string, PodState> {
  const pods = new Map<string, PodState>();
  for (const line of lines) {
    const [name, phase, node, deleting] = line.trim().split(/\s+/);
    if (name) pods.set(name, { phase: phase!, node: node!, deleting: deleting !== '<none>' });
  }
  return pods;
}

const live = (pods: Map<string, PodState>) => [...pods].filter(([, p]) => p.phase === 'Running' && !p.deleting);

describe.skipIf(!haveKubectl)('self-healing with kubectl', () => {
  const cluster = useCluster({ extraArgs: CLUSTER_ARGS });

  async function deployment(ns: string, name: string, replicas: number): Promise<void> {
    await cluster.ok(['create', 'deployment', name, '--image=nginx', `--replicas=${replicas}`, '-n', ns]);
    await cluster.ok(['rollout', 'status', `deployment/${name}`, '-n', ns, '--timeout=60s']);
  }

  async function pods(ns: string, selector: string): Promise<Map<string, PodState>> {
    return podStates((await cluster.ok(['get', 'pods', '-n', ns, '-l', selector, ...POD_COLUMNS])).split('\n'));
  }

  it('replaces a deleted pod', async () => {
    const ns = await newNamespace(cluster, 'heal');
    await deployment(ns, 'web', 3);
    const [victim] = [...(await pods(ns, 'app=web')).keys()];
    const watch = watchLines(cluster, ['get', 'pods', '-n', ns, '-l', 'app=web', '-w', ...POD_COLUMNS]);
    await cluster.ok(['delete', 'pod', victim!, '-n', ns, '--wait=false']);
    const lines = await watch.until((l) => live(podStates(l)).filter(([name]) => name !== victim).length === 3);
    watch.stop();
    expect(live(podStates(lines)).map(([name]) => name)).not.toContain(victim);
  }, 90_000);

  it('says why a pod cannot be scheduled', async () => {
    const ns = await newNamespace(cluster, 'big');
    await cluster.ok(['create', '-f', '-'], {
      input: manifests({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'huge', namespace: ns },
        spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1000' } } }] },
      }),
    });
    await cluster.ok(['wait', '--for=condition=PodScheduled=False', 'pod/huge', '-n', ns, '--timeout=30s']);
    const events = watchLines(cluster, ['get', 'events', '-n', ns, '--field-selector', 'reason=FailedScheduling', '-w', '-o', 'custom-columns=MSG:.message', '--no-headers']);
    await events.until((l) => l.length > 0);
    events.stop();
    const describe = await cluster.ok(['describe', 'pod', 'huge', '-n', ns]);
    expect(describe).toMatch(/Warning\s+FailedScheduling\s+.*default-scheduler\s+0\/3 nodes are available: .*untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}.*2 Insufficient cpu/s);
    expect(describe).toMatch(/Status:\s+Pending/);
  }, 60_000);

  it('cordon taints the node unschedulable; uncordon undoes it', async () => {
    await cluster.ok(['cordon', 'wrk2']);
    const nodes = watchLines(cluster, ['get', 'node', 'wrk2', '-w', '-o', 'jsonpath={.spec.taints[*].key}{"\\n"}']);
    await nodes.until((l) => l.some((x) => x.includes('node.kubernetes.io/unschedulable')));
    nodes.stop();
    expect(await cluster.ok(['get', 'node', 'wrk2', '--no-headers'])).toMatch(/Ready,SchedulingDisabled/);
    await cluster.ok(['uncordon', 'wrk2']);
    const after = watchLines(cluster, ['get', 'node', 'wrk2', '-w', '-o', 'jsonpath={.spec.taints[*].key}{"\\n"}']);
    await after.until((l) => l.length > 0 && !l.at(-1)!.includes('node.kubernetes.io/unschedulable'));
    after.stop();
  }, 60_000);

  it('drains a worker: its pods move to the other one, one at a time as the PodDisruptionBudget allows', async () => {
    const ns = await newNamespace(cluster, 'drain');
    // Both replicas on wrk1: keep wrk2 out while they are placed.
    await cluster.ok(['cordon', 'wrk2']);
    await deployment(ns, 'db', 2);
    await cluster.ok(['uncordon', 'wrk2']);
    expect([...(await pods(ns, 'app=db')).values()].map((p) => p.node)).toEqual(['wrk1', 'wrk1']);
    await cluster.ok(['create', 'poddisruptionbudget', 'db', '--selector=app=db', '--min-available=1', '-n', ns]);
    await cluster.ok(['wait', '--for=jsonpath={.status.disruptionsAllowed}=1', 'pdb/db', '-n', ns, '--timeout=30s']);

    const drain = await cluster.run(['drain', 'wrk1', '--ignore-daemonsets', '--timeout=60s']);
    await cluster.ok(['uncordon', 'wrk1']);
    expect(drain.code, drain.stderr).toBe(0);
    const out = drain.stdout + drain.stderr;
    expect(out).toContain('node/wrk1 cordoned');
    expect(out).toMatch(new RegExp(`evicting pod ${ns}/db-`));
    // The second eviction waits (429) until the first pod's replacement is available.
    expect(out).toContain("Cannot evict pod as it would violate the pod's disruption budget.");
    expect(out).toContain('node/wrk1 drained');
    // drain returns once the evicted pods are gone; the last replacement may still be starting.
    const watch = watchLines(cluster, ['get', 'pods', '-n', ns, '-l', 'app=db', '-w', ...POD_COLUMNS]);
    const lines = await watch.until((l) => live(podStates(l)).length === 2);
    watch.stop();
    expect(live(podStates(lines)).map(([, p]) => p.node)).toEqual(['wrk2', 'wrk2']);
  }, 120_000);

  it('stopping a node makes it NotReady and brings its pods back on the other nodes', async () => {
    const ns = await newNamespace(cluster, 'stop');
    await deployment(ns, 'app', 4);
    const before = await pods(ns, 'app=app');
    const onWrk1 = [...before].filter(([, p]) => p.node === 'wrk1').map(([name]) => name);
    expect(onWrk1.length).toBeGreaterThan(0);

    const watch = watchLines(cluster, ['get', 'pods', '-n', ns, '-l', 'app=app', '-w', ...POD_COLUMNS]);
    await cluster.wheelhouse(['node', 'stop', 'wrk1']);
    await cluster.ok(['wait', '--for=condition=Ready=Unknown', 'node/wrk1', '--timeout=30s']);
    expect(await cluster.ok(['get', 'node', 'wrk1', '--no-headers'])).toMatch(/^wrk1\s+NotReady/);
    const taints = await cluster.ok(['get', 'node', 'wrk1', '-o', 'jsonpath={range .spec.taints[*]}{.key}:{.effect}{"\\n"}{end}']);
    expect(taints.split('\n').filter(Boolean).sort()).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);

    const lines = await watch.until((l) => live(podStates(l)).filter(([, p]) => p.node !== 'wrk1').length === 4);
    watch.stop();
    // As in Kubernetes, the evicted pods stay Terminating: no kubelet is left to finish them.
    const states = podStates(lines);
    for (const name of onWrk1) expect(states.get(name)?.deleting).toBe(true);
    const describe = await cluster.ok(['describe', 'node', 'wrk1']);
    expect(describe).toMatch(/Ready\s+Unknown\s+.*NodeStatusUnknown\s+Kubelet stopped posting node status\./);

    await cluster.wheelhouse(['node', 'start', 'wrk1']);
    await cluster.ok(['wait', '--for=condition=Ready=True', 'node/wrk1', '--timeout=30s']);
    // Back, its kubelet finishes the pods it was asked to stop.
    for (const name of onWrk1) await cluster.ok(['wait', '--for=delete', `pod/${name}`, '-n', ns, '--timeout=30s']);
  }, 120_000);
});
