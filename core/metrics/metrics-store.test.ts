import { describe, expect, it } from 'vitest';
import type { NodeStats } from '../kubelet/node-stats';
import { MetricsStore } from './metrics-store';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const node = (cpu: number, pods: NodeStats['pods'] = []): NodeStats => ({ nodeName: 'wrk1', usage: { cpuMillicores: cpu, memoryBytes: 1 << 30 }, pods });
const pod = (uid: string, web: number, side?: number): NodeStats['pods'][number] => ({
  namespace: 'default',
  name: 'web-1',
  uid,
  containers: [{ name: 'web', usage: { cpuMillicores: web, memoryBytes: 4096 } }, ...(side === undefined ? [] : [{ name: 'side', usage: { cpuMillicores: side, memoryBytes: 4096 } }])],
});

describe('MetricsStore', () => {
  it('holds 15 minutes of history at the default resolution, and the latest scrape with its window', () => {
    const store = new MetricsStore(15_000);
    for (let i = 0; i < 200; i++) store.record(new Date(T0 + i * 15_000), [node(i, [pod('u1', i, 1)])]);
    const h = store.podHistory('default', 'web-1');
    expect(h.points).toHaveLength(61);
    expect(Date.parse(h.points.at(-1)!.timestamp) - Date.parse(h.points[0]!.timestamp)).toBe(15 * 60_000);
    expect(h.points.at(-1)).toMatchObject({ cpu: 199 + 1, memory: 8192 });
    expect(h.containers.map((c) => c.name)).toEqual(['side', 'web']);
    expect(store.nodeHistory('wrk1')).toHaveLength(61);
    expect(store.node('wrk1')).toEqual({ timestamp: new Date(T0 + 199 * 15_000), windowMs: 15_000, usage: { cpuMillicores: 199, memoryBytes: 1 << 30 } });
    expect(store.seriesCount).toBe(3);
  });

  it('keeps a replaced pod (same name, new uid) apart from the old one', () => {
    const store = new MetricsStore(1000);
    store.record(new Date(T0), [node(1, [pod('old', 5)])]);
    store.record(new Date(T0 + 1000), [node(1, [pod('new', 7)])]);
    expect(store.pod('default', 'web-1', 'old')).toBeUndefined();
    expect(store.pod('default', 'web-1', 'new')?.containers[0]?.usage.cpuMillicores).toBe(7);
    expect(store.podHistory('default', 'web-1', 'new').points.map((p) => p.cpu)).toEqual([7]);
    expect(store.podHistory('default', 'web-1', 'old').points).toEqual([]);
  });

  it('has no current metrics for a pod that stopped running, but keeps its history for the window', () => {
    const store = new MetricsStore(1000, 3000);
    store.record(new Date(T0), [node(1, [pod('u', 5)])]);
    store.record(new Date(T0 + 1000), [node(1)]);
    expect(store.pod('default', 'web-1')).toBeUndefined();
    expect(store.podHistory('default', 'web-1').points.map((p) => p.cpu)).toEqual([5]);
    for (let i = 2; i < 6; i++) store.record(new Date(T0 + i * 1000), [node(1)]);
    expect(store.podHistory('default', 'web-1').points).toEqual([]);
    expect(store.seriesCount).toBe(1);
  });

  it('stays bounded while short-lived pods come and go', () => {
    const store = new MetricsStore(15_000);
    for (let i = 0; i < 2000; i++) {
      store.record(new Date(T0 + i * 15_000), [{ ...node(1), pods: [{ ...pod(`u${i}`, 1), name: `job-${i}` }, pod('steady', 2)] }]);
    }
    // The node, web-1, and the 61 jobs still inside the window.
    expect(store.seriesCount).toBe(2 + 61);
    expect(store.podHistory('default', 'job-1999').points).toHaveLength(1);
    expect(store.podHistory('default', 'job-1000').points).toEqual([]);
  });

  it('tells listeners after each scrape', () => {
    const store = new MetricsStore(1000);
    const seen: number[] = [];
    const off = store.onScrape((at) => seen.push(at.getTime()));
    store.record(new Date(T0), []);
    off();
    store.record(new Date(T0 + 1000), []);
    expect(seen).toEqual([T0]);
  });
});
