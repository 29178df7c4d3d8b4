// The ResourceQuota controller's sync on fakes, as resource_quota_controller_test.go: a quota
// and the namespace's objects seeded, one sync(key), the status written.
import type { Pod, ResourceQuota, ResourceQuotaSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { FakeContext } from '../../../test/support/controller-fakes';
import { ResourceQuotaController } from './resource-quota-controller';

const NS = 'default';
const HARD = { pods: '10', 'requests.cpu': '4', 'requests.memory': '1Gi', 'limits.cpu': '8', configmaps: '5', 'count/configmaps': '5' };

function quota(spec: ResourceQuotaSpec = { hard: HARD }, status?: ResourceQuota['status']): ResourceQuota {
  return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: NS }, spec, ...(status ? { status } : {}) };
}

function pod(name: string, requests?: Record<string, string>, limits?: Record<string, string>, phase = 'Running'): Pod {
  const resources = requests || limits ? { resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } } : {};
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: NS }, spec: { containers: [{ name: 'app', image: 'nginx', ...resources }] }, status: { phase } };
}

const configMap = (name: string, namespace = NS) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace } });
const USED = { pods: '2', 'requests.cpu': '1500m', 'requests.memory': '128Mi', 'limits.cpu': '1', configmaps: '1', 'count/configmaps': '1' };
const STATUS = `update-status resourcequotas ${NS}/compute`;

interface Row {
  name: string;
  objects: object[];
  actions: string[];
  status?: object;
}

const rows: Row[] = [
  {
    name: 'computes hard and used from the namespace objects',
    objects: [quota(), pod('a', { cpu: '500m', memory: '128Mi' }, { cpu: '1' }), pod('b', { cpu: '1' }), configMap('cfg'), configMap('elsewhere', 'other')],
    actions: [STATUS],
    status: { hard: HARD, used: USED },
  },
  {
    name: 'does not count finished pods',
    objects: [quota(), pod('a', { cpu: '500m', memory: '128Mi' }, { cpu: '1' }), pod('b', { cpu: '1' }, undefined, 'Succeeded'), configMap('cfg')],
    actions: [STATUS],
    status: { hard: HARD, used: { ...USED, pods: '1', 'requests.cpu': '500m' } },
  },
  {
    name: 'lists zero for what nothing uses',
    objects: [quota({ hard: { pods: '3', 'requests.cpu': '2' } })],
    actions: [STATUS],
    status: { hard: { pods: '3', 'requests.cpu': '2' }, used: { pods: '0', 'requests.cpu': '0' } },
  },
  {
    name: 'the BestEffort scope counts only pods without requests or limits',
    objects: [quota({ hard: { pods: '3' }, scopes: ['BestEffort'] }), pod('a'), pod('b', { cpu: '1' })],
    actions: [STATUS],
    status: { hard: { pods: '3' }, used: { pods: '1' } },
  },
  {
    name: 'does nothing when the status is right',
    objects: [quota(undefined, { hard: HARD, used: USED }), pod('a', { cpu: '500m', memory: '128Mi' }, { cpu: '1' }), pod('b', { cpu: '1' }), configMap('cfg')],
    actions: [],
  },
  {
    name: 'does nothing for a quota that is gone',
    objects: [pod('a')],
    actions: [],
  },
];

describe('ResourceQuota controller sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...row.objects);
    await new ResourceQuotaController(ctx).sync(`${NS}/compute`);
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    if (row.status) expect(ctx.fakeClient.actions.at(-1)?.object?.status).toEqual(row.status);
  });
});
