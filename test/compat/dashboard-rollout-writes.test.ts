// The dashboard's rollout writes (renderer/kinds/workloads/rollout.ts) against the real
// kubectl's: two twin Deployments, one changed by kubectl rollout, the other by the patches the
// dashboard sends (through kubectl patch), must end the same.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../renderer/kube/kube-object';
import { deploymentRevisions } from '../../renderer/kinds/workloads/history';
import { pausePatch, restartPatch, rollbackPatch } from '../../renderer/kinds/workloads/rollout';
import { haveKubectl } from '../support/kubectl';
import { newNamespace, rowsOf, useCluster, type CompatCluster } from './compat-cluster';

type Deployment = KubeObject & { spec: { paused?: boolean; template: { metadata?: { annotations?: Record<string, string> }; spec: { containers: { image: string }[] } } } };

async function get<T>(cluster: CompatCluster, ns: string, what: string[]): Promise<T> {
  return JSON.parse(await cluster.ok(['get', ...what, '-n', ns, '-o', 'json'])) as T;
}

/** Two revisions past the first, each with a change cause, as kubectl set image --record did. */
async function twoImageChanges(cluster: CompatCluster, ns: string, name: string): Promise<void> {
  await cluster.ok(['create', 'deployment', name, '--image=nginx:1.25', '-n', ns]);
  for (const tag of ['1.26', '1.27']) {
    await cluster.ok(['annotate', 'deployment', name, `kubernetes.io/change-cause=image ${tag}`, '--overwrite', '-n', ns]);
    await cluster.ok(['set', 'image', `deployment/${name}`, `nginx=nginx:${tag}`, '-n', ns]);
    await cluster.ok(['rollout', 'status', `deployment/${name}`, '-n', ns, '--timeout=40s']);
  }
}

const history = async (cluster: CompatCluster, ns: string, name: string) =>
  rowsOf((await cluster.ok(['rollout', 'history', 'deployment', name, '-n', ns])).split('\n').slice(1).join('\n'));

describe.skipIf(!haveKubectl)("the dashboard's rollout writes match kubectl rollout", () => {
  const cluster = useCluster();

  it('roll back to revision 1: same template, annotations and history as kubectl rollout undo', async () => {
    const ns = await newNamespace(cluster, 'undo');
    await twoImageChanges(cluster, ns, 'web-kubectl');
    await twoImageChanges(cluster, ns, 'web-ui');

    await cluster.ok(['rollout', 'undo', 'deployment/web-kubectl', '--to-revision=1', '-n', ns]);
    const d = await get<Deployment>(cluster, ns, ['deployment', 'web-ui']);
    const replicaSets = await get<{ items: KubeObject[] }>(cluster, ns, ['replicasets']);
    const rev1 = deploymentRevisions(d, replicaSets.items).find((r) => r.revision === 1)!;
    await cluster.ok(['patch', 'deployment', 'web-ui', '--type=json', '-p', JSON.stringify(rollbackPatch(d, rev1.source)), '-n', ns]);

    for (const name of ['web-kubectl', 'web-ui']) await cluster.ok(['rollout', 'status', `deployment/${name}`, '-n', ns, '--timeout=40s']);
    const [byKubectl, byUi] = await Promise.all(['web-kubectl', 'web-ui'].map((n) => get<Deployment>(cluster, ns, ['deployment', n])));
    expect(byUi.spec.template.spec.containers.map((c) => c.image)).toEqual(['nginx:1.25']);
    const rename = (text: string) => text.replaceAll('web-kubectl', 'web-ui');
    expect(JSON.parse(rename(JSON.stringify(byKubectl.spec.template)))).toEqual(byUi.spec.template);
    expect(byUi.metadata?.annotations).toEqual(byKubectl.metadata?.annotations);
    expect(await history(cluster, ns, 'web-ui')).toEqual(await history(cluster, ns, 'web-kubectl'));
  });

  it('restart and pause write what kubectl rollout restart and pause write', async () => {
    const ns = await newNamespace(cluster, 'restart');
    for (const name of ['a', 'b']) await cluster.ok(['create', 'deployment', name, '--image=nginx:1.25', '-n', ns]);
    await cluster.ok(['rollout', 'restart', 'deployment/a', '-n', ns]);
    await cluster.ok(['patch', 'deployment', 'b', '--type=strategic', '-p', JSON.stringify(restartPatch(new Date())), '-n', ns]);
    const [a, b] = await Promise.all(['a', 'b'].map((n) => get<Deployment>(cluster, ns, ['deployment', n])));
    const keys = (d: Deployment) => Object.keys(d.spec.template.metadata?.annotations ?? {});
    expect(keys(b)).toEqual(keys(a));
    const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/;
    expect(a.spec.template.metadata!.annotations!['kubectl.kubernetes.io/restartedAt']).toMatch(stamp);
    expect(b.spec.template.metadata!.annotations!['kubectl.kubernetes.io/restartedAt']).toMatch(stamp);

    await cluster.ok(['rollout', 'pause', 'deployment/a', '-n', ns]);
    await cluster.ok(['patch', 'deployment', 'b', '--type=strategic', '-p', JSON.stringify(pausePatch(true)), '-n', ns]);
    const [pa, pb] = await Promise.all(['a', 'b'].map((n) => get<Deployment>(cluster, ns, ['deployment', n])));
    expect([pa.spec.paused, pb.spec.paused]).toEqual([true, true]);
    // kubectl itself refuses to undo a paused Deployment; so does the dashboard's patch builder.
    const refused = await cluster.run(['rollout', 'undo', 'deployment/a', '-n', ns]);
    expect(refused.stderr).toMatch(/paused/);
    expect(() => rollbackPatch(pb, pb)).toThrow(/paused/);
  });
});
