// The endpoint controllers on a whole cluster, for the story of a Service whose pod turns ready,
// terminates and goes; their single rules are rows in endpoints-sync and endpointslice-sync.
import type { Endpoints, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { timestamp } from '../../client/clock';
import { startTestCluster, type TestCluster } from '../../../test/support/batch-cluster';
import { EndpointsController } from './endpoints-controller';
import { EndpointSliceController, SERVICE_NAME_LABEL } from './endpointslice-controller';

const NS = 'default';
let t: TestCluster;
let controllers: Array<{ start(): void; stop(): void }>;

beforeEach(async () => {
  t = await startTestCluster();
  const ctx = t.cluster.context;
  controllers = [new EndpointsController(ctx), new EndpointSliceController(ctx)];
  for (const c of controllers) c.start();
});
afterEach(async () => {
  controllers.forEach((c) => c.stop());
  await t.stop();
});

const endpoints = (name: string) => t.cluster.registry.storeFor('', 'endpoints')!.find(NS, name)?.object as Kube<Endpoints> | undefined;
const slices = (svc: string) =>
  t.cluster.registry
    .storeFor('discovery.k8s.io', 'endpointslices')!
    .list({ namespace: NS })
    .items.map((c) => c.object as Kube<EndpointSlice>)
    .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === svc);

async function pod(name: string, ip: string, ready: boolean): Promise<void> {
  await t.client.create<Pod>('', 'pods', NS, {
    metadata: { name, labels: { app: 'web' } },
    spec: { nodeName: 'wrk1', containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] },
  });
  await setReady(name, ip, ready);
}

function setReady(name: string, ip: string, ready: boolean) {
  return t.client.updateStatus<Pod>('', 'pods', NS, name, (p) => {
    p.status = { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: timestamp(t.clock.now()) }] };
  });
}

const service = (ports: Service['spec']) =>
  t.client.create<Service>('', 'services', NS, { metadata: { name: 'web', labels: { tier: 'front' } }, spec: { selector: { app: 'web' }, ...ports } });

describe('Endpoints and EndpointSlice controllers', () => {
  it('follow pods as they turn ready and go away; delete the Endpoints with the Service', async () => {
    await service({ ports: [{ port: 80, targetPort: 8080 }] });
    await t.waitFor(() => endpoints('web') && slices('web').length === 1, 'empty endpoints and placeholder slice');
    expect(endpoints('web')!.subsets ?? []).toEqual([]);
    await pod('a', '10.244.1.3', false);
    await setReady('a', '10.244.1.3', true);
    await t.waitFor(() => endpoints('web')?.subsets?.[0]?.addresses?.length === 1, 'a ready');
    expect(endpoints('web')!.subsets![0]!.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    await t.waitFor(() => slices('web')[0]?.endpoints?.[0]?.conditions?.ready === true, 'slice ready');
    // Terminating: out of Endpoints, still in the slice as serving but not ready.
    await t.client.delete('', 'pods', NS, 'a');
    await t.waitFor(() => !endpoints('web')?.subsets?.length, 'a out of endpoints');
    await t.waitFor(() => slices('web')[0]?.endpoints?.[0]?.conditions?.terminating, 'a terminating');
    expect(slices('web')[0]!.endpoints![0]!.conditions).toEqual({ ready: false, serving: true, terminating: true });
    await t.client.delete('', 'pods', NS, 'a', { gracePeriodSeconds: 0 });
    await t.waitFor(() => slices('web').length === 1 && !slices('web')[0]!.endpoints?.length, 'a gone from the slice');
    await t.client.delete('', 'services', NS, 'web');
    await t.waitFor(() => !endpoints('web') && slices('web').length === 0, 'endpoints deleted');
  });

});
