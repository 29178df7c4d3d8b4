// Durability of the embedded cluster: a clean restart finds everything as it was, and kill -9
// right after a burst of acknowledged writes loses none of them.
import { afterEach, describe, expect, it } from 'vitest';
import { startClusterProcess, type ClusterProcess } from '../support/cluster-process';
import { api, targetFromKubeconfig } from '../support/api-client';

const started: ClusterProcess[] = [];
afterEach(async () => {
  for (const c of started.splice(0)) {
    if (c.process.exitCode === null) await c.kill();
    c.cleanup();
  }
});

const configMap = (name: string, value: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { value } });

describe('persistence', () => {
  it('finds objects, uids, resourceVersions and credentials unchanged after SIGTERM and restart', async () => {
    const first = await startClusterProcess();
    started.push(first);
    const t = targetFromKubeconfig(first.kubeconfig);
    expect((await api(t, 'POST', '/api/v1/namespaces', { metadata: { name: 'keep' } })).status).toBe(201);
    const cm = await api(t, 'POST', '/api/v1/namespaces/keep/configmaps', configMap('settings', 'a'));
    expect(cm.status).toBe(201);
    const deployment = await api(t, 'POST', '/apis/apps/v1/namespaces/keep/deployments', {
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.8' }] } },
      },
    });
    expect(deployment.status).toBe(201);
    expect(await first.stop()).toBe(0);

    const second = await startClusterProcess({ dataDir: first.dataDir });
    started.push(second);
    const t2 = targetFromKubeconfig(second.kubeconfig);
    expect(t2.token).toBe(t.token);
    expect(t2.caPem).toBe(t.caPem);
    const again = await api(t2, 'GET', '/api/v1/namespaces/keep/configmaps/settings');
    expect(again.status).toBe(200);
    expect(again.json.metadata.uid).toBe(cm.json.metadata.uid);
    expect(again.json.metadata.resourceVersion).toBe(cm.json.metadata.resourceVersion);
    expect(again.json.data).toEqual({ value: 'a' });
    const dep = await api(t2, 'GET', '/apis/apps/v1/namespaces/keep/deployments/web');
    expect(dep.json.spec.template.spec.containers[0].image).toBe('nginx:1.8');
    // Writes continue from the stored revision: resourceVersions keep increasing.
    const next = await api(t2, 'POST', '/api/v1/namespaces/keep/configmaps', configMap('later', 'b'));
    expect(Number(next.json.metadata.resourceVersion)).toBeGreaterThan(Number(dep.json.metadata.resourceVersion));
  });

  it('keeps every acknowledged write when killed with SIGKILL right after a burst', async () => {
    const c = await startClusterProcess();
    started.push(c);
    const t = targetFromKubeconfig(c.kubeconfig);
    const acknowledged: string[] = [];
    let reached200!: () => void;
    const twoHundred = new Promise<void>((resolve) => (reached200 = resolve));
    const burst = Array.from({ length: 300 }, (_, i) =>
      api(t, 'POST', '/api/v1/namespaces/default/configmaps', configMap(`burst-${i}`, String(i))).then((r) => {
        if (r.status === 201) acknowledged.push(r.json.metadata.name);
        if (acknowledged.length === 200) reached200();
      }, () => undefined), // requests still in flight at the kill fail: that is expected
    );
    // Kill as soon as 200 are acknowledged, with the rest still in flight.
    await twoHundred;
    const acknowledgedAtKill = [...acknowledged];
    await c.kill();
    await Promise.all(burst);

    const again = await startClusterProcess({ dataDir: c.dataDir });
    started.push(again);
    const list = await api(targetFromKubeconfig(again.kubeconfig), 'GET', '/api/v1/namespaces/default/configmaps');
    const stored = new Set<string>(list.json.items.map((i: { metadata: { name: string } }) => i.metadata.name));
    const lost = acknowledgedAtKill.filter((n) => !stored.has(n));
    expect(acknowledgedAtKill.length).toBeGreaterThanOrEqual(200);
    expect(lost).toEqual([]);
  });
});
