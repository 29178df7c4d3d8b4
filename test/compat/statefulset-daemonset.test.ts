// StatefulSets and DaemonSets with the real kubectl against `wheelhouse cluster`: web-0 then
// web-1 with their claims, rollout status and history; a DaemonSet pod on every schedulable
// node (the tainted control plane excluded), its rollout status and history.
import { describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { manifests, newNamespace, rowsOf, useCluster, type CompatCluster } from './compat-cluster';

interface PodItem {
  metadata: { name: string; creationTimestamp: string; labels?: Record<string, string> };
  spec: { nodeName?: string };
}
interface Listed<T> {
  items: T[];
}

async function json<T>(cluster: CompatCluster, args: string[]): Promise<T> {
  return JSON.parse(await cluster.ok([...args, '-o', 'json'])) as T;
}

const statefulSet = (ns: string) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: ns },
  spec: {
    replicas: 2,
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, name: 'web' }] }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  },
});

const headlessService = (ns: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'nginx', namespace: ns },
  spec: { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ port: 80, name: 'web' }] },
});

const daemonSet = (ns: string, image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: ns },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image }] } },
  },
});

describe.skipIf(!haveKubectl)('StatefulSets and DaemonSets with kubectl', () => {
  const cluster = useCluster();

  it('creates web-0 before web-1, each with its claim, and rolls out', async () => {
    const ns = await newNamespace(cluster, 'sts');
    await cluster.ok(['apply', '-f', '-'], { input: manifests(headlessService(ns), statefulSet(ns)) });
    const status = await cluster.ok(['rollout', 'status', 'sts/web', '-n', ns, '--timeout=60s']);
    expect(status).toContain('partitioned roll out complete: 2 new pods have been updated...');

    const pods = await json<Listed<PodItem>>(cluster, ['get', 'pods', '-n', ns, '-l', 'app=nginx']);
    expect(pods.items.map((p) => p.metadata.name).sort()).toEqual(['web-0', 'web-1']);
    const events = await json<Listed<{ reason: string; message: string; firstTimestamp: string; metadata: { creationTimestamp: string } }>>(cluster, [
      'get',
      'events',
      '-n',
      ns,
      '--field-selector',
      'involvedObject.kind=StatefulSet,involvedObject.name=web',
      '--sort-by=.metadata.creationTimestamp',
    ]);
    const creates = events.items.filter((e) => e.reason === 'SuccessfulCreate' && e.message.startsWith('create Pod ')).map((e) => e.message);
    expect(creates).toEqual(['create Pod web-0 in StatefulSet web successful', 'create Pod web-1 in StatefulSet web successful']);

    const pvcs = await cluster.ok(['get', 'pvc', '-n', ns]);
    expect(rowsOf(pvcs).map((r) => r[0]).sort()).toEqual(['www-web-0', 'www-web-1']);

    const history = await cluster.ok(['rollout', 'history', 'sts/web', '-n', ns]);
    expect(history).toContain('statefulset.apps/web');
    expect(rowsOf(history.split('\n').slice(1).join('\n'))).toEqual([['1', '<none>']]);
  });

  it('runs a DaemonSet pod on every schedulable node', async () => {
    const ns = await newNamespace(cluster, 'ds');
    const nodes = await json<Listed<{ metadata: { name: string }; spec: { taints?: { effect: string }[] } }>>(cluster, ['get', 'nodes']);
    const schedulable = nodes.items.filter((n) => !(n.spec.taints ?? []).some((t) => t.effect === 'NoSchedule')).map((n) => n.metadata.name).sort();
    expect(schedulable.length).toBeGreaterThan(0);

    await cluster.ok(['apply', '-f', '-'], { input: manifests(daemonSet(ns, 'busybox:1.36')) });
    const status = await cluster.ok(['rollout', 'status', 'ds/agent', '-n', ns, '--timeout=60s']);
    expect(status).toContain('daemon set "agent" successfully rolled out');
    const wide = await cluster.ok(['get', 'pods', '-n', ns, '-o', 'wide']);
    const nodeColumn = wide.split('\n')[0]!.split(/ {2,}/).indexOf('NODE');
    expect(rowsOf(wide).map((r) => r[nodeColumn]).sort()).toEqual(schedulable);

    await cluster.ok(['apply', '-f', '-'], { input: manifests(daemonSet(ns, 'busybox:1.37')) });
    await cluster.ok(['rollout', 'status', 'ds/agent', '-n', ns, '--timeout=60s']);
    const history = await cluster.ok(['rollout', 'history', 'ds/agent', '-n', ns]);
    expect(history).toContain('daemonset.apps/agent');
    expect(rowsOf(history.split('\n').slice(1).join('\n'))).toEqual([
      ['1', '<none>'],
      ['2', '<none>'],
    ]);
    const rev1 = await cluster.ok(['rollout', 'history', 'ds/agent', '-n', ns, '--revision=1']);
    expect(rev1).toMatch(/Image:\s+busybox:1\.36/);
  });
});
