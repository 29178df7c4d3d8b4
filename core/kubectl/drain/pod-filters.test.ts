import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { errorsOf, podVerdict, warningsOf, type FilterOptions } from './pod-filters';

const opts = (o: Partial<FilterOptions> = {}): FilterOptions => ({ force: false, ignoreAllDaemonSets: false, deleteEmptyDirData: false, skipWaitForDeleteTimeoutSeconds: 0, ...o });
const pod = (name: string, extra: { owner?: string; emptyDir?: boolean; phase?: string } = {}): Pod => ({
  metadata: { name, namespace: 'ns', ownerReferences: extra.owner ? [{ apiVersion: 'apps/v1', kind: extra.owner, name: 'x', uid: 'u', controller: true }] : undefined },
  spec: { containers: [], volumes: extra.emptyDir ? [{ name: 'v', emptyDir: {} }] : undefined },
  status: { phase: extra.phase ?? 'Running' },
});
const exists = async () => undefined;

describe('drain pod filters', () => {
  it('refuses unmanaged pods unless --force, and then warns', async () => {
    expect(await podVerdict(pod('a'), opts(), exists, 0)).toMatchObject({ delete: false, reason: 'Error' });
    expect(await podVerdict(pod('a'), opts({ force: true }), exists, 0)).toEqual({ delete: true, reason: 'Warning', message: 'deleting Pods that declare no controller' });
    expect(await podVerdict(pod('a', { phase: 'Succeeded' }), opts(), exists, 0)).toMatchObject({ delete: true, reason: 'Okay' });
  });

  it('lets a later filter overwrite an allowing warning, as kubectl does with emptyDir pods that have a controller', async () => {
    expect(await podVerdict(pod('a', { owner: 'ReplicaSet', emptyDir: true }), opts({ deleteEmptyDirData: true }), exists, 0)).toMatchObject({ delete: true, reason: 'Okay' });
    expect(await podVerdict(pod('a', { emptyDir: true }), opts(), exists, 0)).toMatchObject({ delete: false, message: 'Pods with local storage (use --delete-emptydir-data to override)' });
  });

  it('skips DaemonSet pods with --ignore-daemonsets and reports a missing DaemonSet', async () => {
    expect(await podVerdict(pod('a', { owner: 'DaemonSet' }), opts({ ignoreAllDaemonSets: true }), exists, 0)).toEqual({ delete: false, reason: 'Warning', message: 'ignoring DaemonSet-managed Pods' });
    const missing = async () => ({ message: 'daemonsets.apps "x" not found', notFound: true });
    expect(await podVerdict(pod('a', { owner: 'DaemonSet' }), opts(), missing, 0)).toEqual({ delete: false, reason: 'Error', message: 'daemonsets.apps "x" not found' });
  });

  it('groups warnings and errors by message', () => {
    const list = [
      { pod: pod('a'), verdict: { delete: false, reason: 'Error' as const, message: 'm' } },
      { pod: pod('b'), verdict: { delete: false, reason: 'Error' as const, message: 'm' } },
      { pod: pod('c'), verdict: { delete: true, reason: 'Warning' as const, message: 'w' } },
    ];
    expect(errorsOf(list).map((e) => e.message)).toEqual(['cannot delete m: ns/a, ns/b']);
    expect(warningsOf(list)).toBe('w: ns/c');
  });
});
