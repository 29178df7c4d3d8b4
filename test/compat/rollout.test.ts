// Seed 000's rollout story with the real kubectl against `wheelhouse cluster`: create, change
// the image (edit and set image), history, undo, status; then restart, pause/resume, scale,
// and deleting a Deployment with and without its ReplicaSets and pods.
import { describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { newNamespace, rowsOf, useCluster, type CompatCluster } from './compat-cluster';

interface Item {
  metadata: { name: string; annotations?: Record<string, string>; ownerReferences?: unknown[] };
  spec: { replicas?: number; paused?: boolean; template: { metadata?: { annotations?: Record<string, string> }; spec: { containers: { image: string }[] } } };
}

async function json<T>(cluster: CompatCluster, args: string[]): Promise<T> {
  return JSON.parse(await cluster.ok([...args, '-o', 'json'])) as T;
}

interface PodItem {
  metadata: { deletionTimestamp?: string };
  spec: { containers: { image: string }[] };
}

const imageOf = (d: Item) => d.spec.template.spec.containers[0]!.image;
const status = (cluster: CompatCluster, ns: string, name: string) => cluster.ok(['rollout', 'status', `deployment/${name}`, '-n', ns, '--timeout=40s']);

describe.skipIf(!haveKubectl)('rollouts with kubectl', () => {
  const cluster = useCluster();

  it('follows seed 000: create, edit to 1.15, history of 2 revisions, undo to revision 1', async () => {
    const ns = await newNamespace(cluster, 'roll');
    await cluster.ok(['create', 'deployment', 'rollnginx', '--image=nginx:1.8', '-n', ns]);
    expect(await status(cluster, ns, 'rollnginx')).toContain('deployment "rollnginx" successfully rolled out');
    const one = await cluster.ok(['rollout', 'history', 'deployment', '-n', ns]);
    expect(one).toContain('deployment.apps/rollnginx');
    expect(rowsOf(one.split('\n').slice(1).join('\n'))).toEqual([['1', '<none>']]);

    await cluster.ok(['edit', 'deployment.apps', 'rollnginx', '-n', ns], { env: { EDITOR: 'sed -i s/nginx:1.8/nginx:1.15/', KUBE_EDITOR: '' } });
    await status(cluster, ns, 'rollnginx');
    const two = await cluster.ok(['rollout', 'history', 'deployment', 'rollnginx', '-n', ns]);
    expect(rowsOf(two.split('\n').slice(1).join('\n'))).toEqual([
      ['1', '<none>'],
      ['2', '<none>'],
    ]);
    const rev1 = await cluster.ok(['rollout', 'history', 'deployment', 'rollnginx', '--revision=1', '-n', ns]);
    expect(rev1).toContain('with revision #1');
    expect(rev1).toMatch(/Image:\s+nginx:1\.8/);

    expect(await cluster.ok(['rollout', 'undo', 'deployment', 'rollnginx', '--to-revision=1', '-n', ns])).toContain('deployment.apps/rollnginx rolled back');
    expect(await status(cluster, ns, 'rollnginx')).toContain('successfully rolled out');
    expect(imageOf(await json<Item>(cluster, ['get', 'deployment', 'rollnginx', '-n', ns]))).toBe('nginx:1.8');
    const three = await cluster.ok(['rollout', 'history', 'deployment', 'rollnginx', '-n', ns]);
    expect(rowsOf(three.split('\n').slice(1).join('\n')).map((r) => r[0])).toEqual(['2', '3']);
    // Pods of the replaced revision may still be terminating; the live one runs 1.8.
    const pods = await json<{ items: PodItem[] }>(cluster, ['get', 'pods', '-n', ns, '-l', 'app=rollnginx']);
    expect(pods.items.filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.containers[0]!.image)).toEqual(['nginx:1.8']);
  });

  it('set image, restart, pause and resume, scale', async () => {
    const ns = await newNamespace(cluster, 'roll');
    await cluster.ok(['create', 'deployment', 'web', '--image=nginx:1.8', '--replicas=2', '-n', ns]);
    await status(cluster, ns, 'web');
    await cluster.ok(['set', 'image', 'deployment/web', 'nginx=nginx:1.15', '-n', ns]);
    await status(cluster, ns, 'web');
    expect((await json<{ items: Item[] }>(cluster, ['get', 'rs', '-n', ns])).items).toHaveLength(2);

    await cluster.ok(['rollout', 'restart', 'deployment/web', '-n', ns]);
    await status(cluster, ns, 'web');
    const restarted = await json<Item>(cluster, ['get', 'deployment', 'web', '-n', ns]);
    expect(restarted.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeDefined();
    expect((await json<{ items: Item[] }>(cluster, ['get', 'rs', '-n', ns])).items).toHaveLength(3);

    await cluster.ok(['rollout', 'pause', 'deployment/web', '-n', ns]);
    await cluster.ok(['set', 'image', 'deployment/web', 'nginx=nginx:1.16', '-n', ns]);
    const undoPaused = await cluster.run(['rollout', 'undo', 'deployment/web', '-n', ns]);
    expect(undoPaused.code).not.toBe(0);
    expect(undoPaused.stderr).toContain('you cannot rollback a paused deployment; resume it first');
    expect((await json<{ items: Item[] }>(cluster, ['get', 'rs', '-n', ns])).items).toHaveLength(3);
    await cluster.ok(['rollout', 'resume', 'deployment/web', '-n', ns]);
    await status(cluster, ns, 'web');
    expect((await json<{ items: Item[] }>(cluster, ['get', 'rs', '-n', ns])).items).toHaveLength(4);

    await cluster.ok(['scale', 'deployment/web', '--replicas=5', '-n', ns]);
    await status(cluster, ns, 'web');
    const ready = await cluster.ok(['get', 'deployment', 'web', '-n', ns]);
    expect(rowsOf(ready)[0]?.slice(0, 4)).toEqual(['web', '5/5', '5', '5']);
  });

  it('delete deployment removes its ReplicaSets and pods; --cascade=orphan keeps them', async () => {
    const ns = await newNamespace(cluster, 'roll');
    await cluster.ok(['create', 'deployment', 'gone', '--image=nginx:1.8', '--replicas=2', '-n', ns]);
    await cluster.ok(['create', 'deployment', 'kept', '--image=nginx:1.8', '--replicas=2', '-n', ns]);
    await status(cluster, ns, 'gone');
    await status(cluster, ns, 'kept');

    await cluster.ok(['delete', 'deployment', 'gone', '-n', ns, '--wait']);
    await cluster.ok(['wait', '--for=delete', 'pods', '-l', 'app=gone', '-n', ns, '--timeout=30s']);
    expect((await json<{ items: Item[] }>(cluster, ['get', 'rs', '-l', 'app=gone', '-n', ns])).items).toEqual([]);

    await cluster.ok(['delete', 'deployment', 'kept', '--cascade=orphan', '-n', ns]);
    const rs = await json<{ items: Item[] }>(cluster, ['get', 'rs', '-l', 'app=kept', '-n', ns]);
    expect(rs.items).toHaveLength(1);
    expect(rs.items[0]!.metadata.ownerReferences).toBeUndefined();
    expect((await json<{ items: Item[] }>(cluster, ['get', 'pods', '-l', 'app=kept', '-n', ns])).items).toHaveLength(2);
  });
});
