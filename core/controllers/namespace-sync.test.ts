// The namespace controller's sync on fakes, as namespace_controller_test.go and the namespaced
// resources deleter's tests: a terminating namespace and what is in it seeded, one sync(name),
// the deletes and the finalize step.
import { describe, expect, it } from 'vitest';
import { FakeContext } from '../../test/support/controller-fakes';
import { NamespaceController } from './namespace-controller';

const DELETING = { deletionTimestamp: '2026-01-01T00:00:00Z' };

const namespace = (name: string, meta: object = DELETING) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, ...meta },
  spec: { finalizers: ['kubernetes'] },
});
const configMap = (name: string, ns = 'doomed', meta: object = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, ...meta } });
const deployment = (name: string, ns = 'doomed') => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns }, spec: {} });
const node = (name: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } });

const FINALIZE = 'update-finalize namespaces doomed';

interface Row {
  name: string;
  objects: object[];
  /** The deletes in any order, then the rest in order. */
  deletes?: string[];
  actions: string[];
}

const rows: Row[] = [
  { name: 'leaves a namespace that is not being deleted alone', objects: [namespace('doomed', {}), configMap('a')], actions: [] },
  { name: 'does nothing for a namespace that is gone', objects: [configMap('a')], actions: [] },
  { name: 'finalizes an empty terminating namespace', objects: [namespace('doomed')], actions: [FINALIZE] },
  {
    name: 'deletes everything in it (every namespaced resource), then finalizes',
    objects: [namespace('doomed'), configMap('a'), configMap('b'), deployment('web')],
    deletes: ['delete configmaps doomed/a', 'delete configmaps doomed/b', 'delete deployments.apps doomed/web'],
    actions: [FINALIZE],
  },
  {
    name: 'touches nothing outside it, and no cluster-scoped object',
    objects: [namespace('doomed'), namespace('other', {}), configMap('a'), configMap('keep', 'other'), node('wrk1')],
    deletes: ['delete configmaps doomed/a'],
    actions: [FINALIZE],
  },
  {
    name: 'waits for an object already being deleted (a finalizer holds it) instead of deleting it again',
    objects: [namespace('doomed'), configMap('held', 'doomed', { ...DELETING, finalizers: ['example.com/hold'] }), configMap('a')],
    deletes: ['delete configmaps doomed/a'],
    actions: [],
  },
];

describe('NamespaceController.sync', () => {
  it.each(rows)('$name', async ({ objects, deletes = [], actions }) => {
    const ctx = new FakeContext();
    ctx.seed(...objects);
    await new NamespaceController(ctx).sync('doomed');
    const lines = ctx.fakeClient.lines();
    expect(lines.slice(0, deletes.length).sort()).toEqual([...deletes].sort());
    expect(lines.slice(deletes.length)).toEqual(actions);
    for (const a of ctx.fakeClient.actions.filter((x) => x.verb === 'delete')) expect(a.options).toEqual({ propagationPolicy: 'Background' });
    const finalized = ctx.fakeClient.actions.find((a) => a.verb === 'update-finalize');
    if (finalized) expect(finalized.object?.spec).toEqual({ finalizers: [] });
  });

  it('is woken when the last thing in a terminating namespace goes', async () => {
    const ctx = new FakeContext();
    ctx.seed(namespace('doomed'), configMap('held', 'doomed', { ...DELETING, finalizers: ['example.com/hold'] }));
    const controller = new NamespaceController(ctx);
    controller.start();
    // The start-up sync found the held ConfigMap and left the namespace waiting.
    expect(ctx.fakeClient.lines()).toEqual([]);
    ctx.informer('', 'configmaps').remove('doomed', 'held');
    await expect.poll(() => ctx.fakeClient.lines()).toEqual([FINALIZE]);
    controller.stop();
  });
});
