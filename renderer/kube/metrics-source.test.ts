import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import type { BridgeApi } from '../../electron/bridge/contract';
import { setBridge } from '../bridge/client';
import { NO_METRICS_API, useMetricsSource } from './metrics-source';

const POD = '/namespaces/default/pods/web';
const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString();

/** A fake host answering GETs from a table of path -> body (404 otherwise), recording each request. */
function fakeCluster(routes: Record<string, () => unknown>) {
  const requests: string[] = [];
  const bridge = {
    invoke: async (_channel: string, req: { path: string }) => {
      requests.push(req.path);
      const route = routes[req.path];
      return route ? { status: 200, body: route() } : { status: 404, body: { kind: 'Status', code: 404, message: `${req.path} not found` } };
    },
    on: () => () => undefined,
  };
  setBridge(bridge as unknown as BridgeApi);
  return requests;
}

function open(name = ref('web')) {
  const scope = effectScope();
  const source = scope.run(() => useMetricsSource(() => ({ namespace: 'default', name: name.value })))!;
  return { source, close: () => scope.stop() };
}

describe('useMetricsSource', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says plainly when the cluster serves no metrics API', async () => {
    const requests = fakeCluster({});
    const { source, close } = open();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(source.status.value).toEqual({ state: 'absent', message: NO_METRICS_API });
    expect(requests).toEqual(['/apis/metrics.k8s.io/v1beta1']);
    close();
  });

  it('reads the history once, then samples at the window and appends a point per new scrape', async () => {
    let scrape = 2;
    const requests = fakeCluster({
      '/apis/metrics.k8s.io/v1beta1': () => ({}),
      '/apis/metrics.wheelhouse.dev/v1alpha1': () => ({}),
      [`/apis/metrics.wheelhouse.dev/v1alpha1${POD}`]: () => ({
        window: '5s',
        points: [],
        containers: [{ name: 'web', points: [1, 2].map((s) => ({ timestamp: at(s * 5), cpu: 100 * s, memory: 1024 })) }],
      }),
      [`/apis/metrics.k8s.io/v1beta1${POD}`]: () => ({ timestamp: at(scrape * 5), window: '5s', containers: [{ name: 'web', usage: { cpu: `${100 * scrape}m`, memory: '1Ki' } }] }),
    });
    const { source, close } = open();
    await vi.advanceTimersByTimeAsync(0);
    expect(source.status.value.state).toBe('ok');
    expect(source.series.value.get('web')!.map((p) => p.cpu)).toEqual([0.1, 0.2]); // the sample repeats the history's last scrape

    await vi.advanceTimersByTimeAsync(4_999);
    expect(requests.filter((p) => p.endsWith(POD))).toHaveLength(2); // history + one sample: nothing faster than the window
    scrape = 3;
    await vi.advanceTimersByTimeAsync(1);
    expect(source.series.value.get('web')!.map((p) => p.cpu)).toEqual([0.1, 0.2, 0.3]);
    close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests.filter((p) => p.endsWith(POD))).toHaveLength(3); // closed: no more samples
  });

  it('keeps points in memory on a cluster without the history API, and waits for a pod without metrics', async () => {
    const routes: Record<string, () => unknown> = { '/apis/metrics.k8s.io/v1beta1': () => ({}) };
    fakeCluster(routes);
    const { source, close } = open();
    await vi.advanceTimersByTimeAsync(0);
    expect(source.status.value).toEqual({ state: 'waiting', message: 'No metrics for pod web yet: they appear once it runs, at the next scrape.' });
    routes[`/apis/metrics.k8s.io/v1beta1${POD}`] = () => ({ timestamp: at(15), window: '15s', containers: [{ name: 'web', usage: { cpu: '250m', memory: '64Mi' } }] });
    // Asked again within seconds, not a default window: the pod's first scrape may be near.
    await vi.advanceTimersByTimeAsync(1_999);
    expect(source.status.value.state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1);
    expect(source.status.value.state).toBe('ok');
    expect(source.series.value.get('web')).toEqual([{ t: Date.parse(at(15)), cpu: 0.25, memory: 64 * 2 ** 20 }]);
    close();
  });

  it('starts a new series when the page moves to another pod', async () => {
    const snapshot = (cpu: string) => () => ({ timestamp: at(15), window: '15s', containers: [{ name: 'web', usage: { cpu, memory: '1Mi' } }] });
    fakeCluster({
      '/apis/metrics.k8s.io/v1beta1': () => ({}),
      '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/web': snapshot('100m'),
      '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/api': snapshot('900m'),
    });
    const name = ref('web');
    const { source, close } = open(name);
    await vi.advanceTimersByTimeAsync(0);
    expect(source.series.value.get('web')!.map((p) => p.cpu)).toEqual([0.1]);
    name.value = 'api';
    await nextTick();
    await vi.advanceTimersByTimeAsync(0);
    expect(source.series.value.get('web')!.map((p) => p.cpu)).toEqual([0.9]);
    close();
  });
});
