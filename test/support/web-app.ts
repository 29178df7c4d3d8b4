// The app in web mode on an in-process cluster, in headless Chromium: what the large-list e2e
// test and the `app` benchmark drive. The cluster runs no components (no scheduler, no
// kubelets), so the pods written through the registry stay exactly as written.
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startCluster } from '../../core/cluster';
import type { Client } from '../../core/controllers/client';
import { ClusterLifecycle, EMBEDDED_ID } from '../../electron/host/cluster-lifecycle';
import { startWebHost, type WebHost } from '../../electron/web-host';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM);

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

export interface WebApp {
  cluster: Cluster;
  host: WebHost;
  browser: Browser;
  page: Page;
  /** The in-process client pods are written with. */
  client: Client;
  close(): Promise<void>;
}

export async function startWebApp(opts: { dir: string; rendererRoot: string }): Promise<WebApp> {
  const cluster = await startCluster({ dataDir: join(opts.dir, 'cluster'), port: 0, storage: 'memory', components: 'none' });
  const lifecycle = new ClusterLifecycle({ userKubeconfig: join(opts.dir, 'no-kubeconfig'), startEmbedded: async () => cluster });
  const selected = await lifecycle.select(EMBEDDED_ID);
  if (selected.state !== 'ready') throw new Error(`embedded cluster is ${selected.state}`);
  const host = await startWebHost({ lifecycle, rendererRoot: opts.rendererRoot });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme: 'dark' });
  page.on('pageerror', (err) => console.error('page error:', err));
  return {
    cluster,
    host,
    browser,
    page,
    client: cluster.context.client('wheelhouse-test', 'admin'),
    async close() {
      await browser.close();
      await host.close();
      await lifecycle.stop();
    },
  };
}

/** Pod `i` of a fill: its namespace and zero-padded name, so name order is index order. */
export function podName(i: number, namespaces: number): { namespace: string; name: string } {
  return { namespace: `load-${i % namespaces}`, name: `web-${String(i).padStart(5, '0')}` };
}

/** Writes `count` pods spread over `namespaces` namespaces, each with a kubelet-like status
 *  (mostly Running, some Pending or crash-looping, restarts varying) so columns differ. */
export async function fillPods(client: Client, count: number, namespaces: number, inFlight = 256): Promise<void> {
  for (let n = 0; n < namespaces; n++) await client.create('', 'namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `load-${n}` } });
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  for (let start = 0; start < count; start += inFlight) {
    const work: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(count, start + inFlight); i++) {
      const { namespace, name } = podName(i, namespaces);
      work.push(
        client.create('', 'pods', namespace, podSpec(namespace, name, `node-${i % 20}`)).then(() =>
          client.updateStatus<Pod>('', 'pods', namespace, name, (p) => {
            p.status = podStatus(i, at);
          }),
        ),
      );
    }
    await Promise.all(work);
  }
}

/** Sets a pod's restart count: one watch event, and a visible change in its row. */
export async function setRestarts(client: Client, namespace: string, name: string, restarts: number): Promise<void> {
  await client.updateStatus<Pod>('', 'pods', namespace, name, (p) => {
    for (const c of p.status?.containerStatuses ?? []) c.restartCount = restarts;
  });
}

function podSpec(namespace: string, name: string, nodeName: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { app: 'web' } },
    spec: { nodeName, containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
  };
}

function podStatus(i: number, at: string): PodStatus {
  const crashing = i % 97 === 0;
  const pending = i % 41 === 0;
  return {
    phase: pending ? 'Pending' : 'Running',
    startTime: at,
    containerStatuses: [
      {
        name: 'web',
        image: 'nginx:1.27',
        imageID: '',
        ready: !crashing && !pending,
        restartCount: crashing ? 5 + (i % 11) : i % 7 === 0 ? i % 5 : 0,
        state: crashing
          ? { waiting: { reason: 'CrashLoopBackOff', message: 'back-off restarting failed container' } }
          : pending
            ? { waiting: { reason: 'ContainerCreating' } }
            : { running: { startedAt: at } },
      },
    ],
  };
}
