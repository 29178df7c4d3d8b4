// The pod garbage collector's sync on fakes, as gc_controller_test.go: nodes and a pod seeded,
// one sync(key) (two, the quarantine apart, for a pod whose node is missing), the client's
// actions and the status written.
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { FakeContext } from '../../../test/support/controller-fakes';
import { node } from '../../../test/support/node-fixtures';
import { POD_GC_QUARANTINE_MS, PodGcController } from './pod-gc-controller';

const OUT_OF_SERVICE = { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' as const };

function pod(nodeName: string | undefined, opts: { terminating?: boolean; phase?: string } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', ...(opts.terminating ? { deletionTimestamp: '2025-12-31T00:00:00Z', deletionGracePeriodSeconds: 30 } : {}) },
    spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase: opts.phase ?? 'Running' },
  };
}

const FAIL = 'update-status pods default/p';
const DELETE = 'delete pods default/p';

interface Row {
  name: string;
  objects: object[];
  /** Sync once, move the clock on by this much, then the sync under test. */
  waitMs?: number;
  actions: string[];
  /** The status written before the delete. */
  status?: object;
}

const rows: Row[] = [
  { name: 'leaves a pod on a Ready node', objects: [node('wrk1'), pod('wrk1')], actions: [] },
  { name: 'a pod whose node is missing waits out the quarantine', objects: [pod('ghost')], actions: [] },
  {
    name: 'a pod whose node stayed missing for the quarantine: Failed with DisruptionTarget, then force-deleted',
    objects: [pod('ghost')],
    waitMs: POD_GC_QUARANTINE_MS,
    actions: [FAIL, DELETE],
    status: { phase: 'Failed', conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' }] },
  },
  { name: 'not before the quarantine is over', objects: [pod('ghost')], waitMs: POD_GC_QUARANTINE_MS - 1, actions: [] },
  { name: 'a finished pod of a missing node is deleted without a status write', objects: [pod('ghost', { phase: 'Succeeded' })], waitMs: POD_GC_QUARANTINE_MS, actions: [DELETE] },
  { name: 'a terminating pod never scheduled: Failed, then force-deleted', objects: [pod(undefined, { terminating: true, phase: 'Pending' })], actions: [FAIL, DELETE], status: { phase: 'Failed' } },
  { name: 'terminating on a NotReady out-of-service node: collected', objects: [node('wrk1', { ready: 'False', taints: [OUT_OF_SERVICE] }), pod('wrk1', { terminating: true })], actions: [FAIL, DELETE] },
  { name: 'terminating on a NotReady node: stays Terminating', objects: [node('wrk1', { ready: 'False' }), pod('wrk1', { terminating: true })], actions: [] },
  { name: 'terminating on a Ready out-of-service node: stays Terminating', objects: [node('wrk1', { taints: [OUT_OF_SERVICE] }), pod('wrk1', { terminating: true })], actions: [] },
];

describe('pod GC sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...row.objects);
    const controller = new PodGcController(ctx);
    if (row.waitMs !== undefined) {
      await controller.sync('default/p');
      controller.stop(); // its requeue after the quarantine: the test syncs itself
      ctx.clock.advance(row.waitMs);
    }
    await controller.sync('default/p');
    controller.stop();
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    if (row.status) expect(ctx.fakeClient.actions.find((a) => a.verb === 'update-status')?.object?.status).toMatchObject(row.status);
    const del = ctx.fakeClient.actions.find((a) => a.verb === 'delete');
    if (del) expect(del.options).toEqual({ gracePeriodSeconds: 0, preconditions: { uid: 'uid-p' } });
  });
});
