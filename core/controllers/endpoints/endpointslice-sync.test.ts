// The EndpointSlice controller's sync on fakes, as endpointslice_controller_test.go and
// reconciler_test.go: a Service, pods, nodes and slices seeded, one sync(key), the client's
// actions and the slices left in the namespace.
import type { EndpointPort, Service } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointConditions, EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { FakeContext } from '../../../test/support/controller-fakes';
import { NS, pod, service } from '../../../test/support/service-fixtures';
import { CONTROLLER_NAME, EndpointSliceController, MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from './endpointslice-controller';

const DISCOVERY = 'discovery.k8s.io';
const SLICES = `endpointslices.${DISCOVERY}`;
const LABELS = { tier: 'front', [SERVICE_NAME_LABEL]: 'web', [MANAGED_BY_LABEL]: CONTROLLER_NAME };
const OWNER = { apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true };
const HTTP = [{ name: 'http', port: 8080, protocol: 'TCP' }];

const READY = { ready: true, serving: true, terminating: false };
const NOT_READY = { ready: false, serving: false, terminating: false };

const endpoint = (name: string, ip: string, conditions: EndpointConditions, extra: Partial<Endpoint> = {}): Endpoint => ({
  addresses: [ip],
  conditions,
  nodeName: 'wrk1',
  targetRef: { kind: 'Pod', namespace: NS, name, uid: `uid-${name}` },
  ...extra,
});

function slice(name: string, ports: EndpointPort[], endpoints: Endpoint[], labels: Record<string, string> = LABELS): EndpointSlice {
  return {
    apiVersion: `${DISCOVERY}/v1`,
    kind: 'EndpointSlice',
    metadata: { name, namespace: NS, labels, ownerReferences: [OWNER] },
    addressType: 'IPv4',
    ports,
    endpoints,
  };
}

/** What a row compares of a slice. */
const view = (s: EndpointSlice) => ({ name: s.metadata?.name, labels: s.metadata?.labels, owners: s.metadata?.ownerReferences, type: s.addressType, ports: s.ports, endpoints: s.endpoints });

const AB = [endpoint('b', '10.244.1.2', NOT_READY), endpoint('a', '10.244.1.3', READY)];
const PODS_AB = [pod('a', '10.244.1.3', true), pod('b', '10.244.1.2', false)];
const OTHERS = { [SERVICE_NAME_LABEL]: 'web', [MANAGED_BY_LABEL]: 'someone-else' };
const deleting = (svc: Service): Service => ({ ...svc, metadata: { ...svc.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } });
const many = Array.from({ length: 101 }, (_, i) => [`p${i}`, `10.244.1.${i + 1}`] as const);

interface Row {
  name: string;
  objects: object[];
  actions: string[];
  /** Every slice of the namespace after the sync. */
  slices?: EndpointSlice[];
}

const rows: Row[] = [
  {
    name: 'creates a slice owned by the Service: ready and not-ready pods with their conditions, named target port resolved, its labels',
    objects: [service(), ...PODS_AB, pod('other', '10.244.1.9', true, { labels: { app: 'db' } })],
    actions: [`create ${SLICES} ${NS}/web-1`],
    slices: [slice('web-1', HTTP, AB)],
  },
  {
    name: 'sets the zone of the pod\'s node',
    objects: [service(), pod('a', '10.244.1.3', true), { apiVersion: 'v1', kind: 'Node', metadata: { name: 'wrk1', labels: { 'topology.kubernetes.io/zone': 'zone-a' } } }],
    actions: [`create ${SLICES} ${NS}/web-1`],
    slices: [slice('web-1', HTTP, [endpoint('a', '10.244.1.3', READY, { zone: 'zone-a' })])],
  },
  {
    name: 'a numeric target port is taken as it is',
    objects: [service({ ports: [{ port: 80, targetPort: 9090 }] }), pod('a', '10.244.1.3', true)],
    actions: [`create ${SLICES} ${NS}/web-1`],
    slices: [slice('web-1', [{ port: 9090, protocol: 'TCP' }], [endpoint('a', '10.244.1.3', READY)])],
  },
  {
    name: 'a port a pod does not have: pods with different ports go to different slices, a pod with none is left out',
    objects: [
      service({ ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9100, targetPort: 'metrics' }] }),
      pod('a', '10.244.1.3', true),
      pod('c', '10.244.1.4', true, { spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9100 }] }] } }),
      pod('d', '10.244.1.5', true, { spec: { containers: [{ name: 'c', image: 'nginx' }] } }),
    ],
    actions: [`create ${SLICES} ${NS}/web-1`, `create ${SLICES} ${NS}/web-2`],
    slices: [
      slice('web-1', HTTP, [endpoint('a', '10.244.1.3', READY)]),
      slice('web-2', [...HTTP, { name: 'metrics', port: 9100, protocol: 'TCP' }], [endpoint('c', '10.244.1.4', READY)]),
    ],
  },
  {
    name: 'pods without an IP or finished for good leave one empty placeholder slice',
    objects: [service(), pod('a', '', true), pod('f', '10.244.1.3', false, { spec: { restartPolicy: 'Never' }, status: { phase: 'Succeeded' } })],
    actions: [`create ${SLICES} ${NS}/web-1`],
    slices: [slice('web-1', [], [])],
  },
  {
    name: 'does nothing when the slice is right',
    objects: [service(), ...PODS_AB, slice('web-abc', HTTP, AB)],
    actions: [],
  },
  {
    name: 'updates a stale slice in place when a pod turns ready',
    objects: [service(), pod('a', '10.244.1.3', true), pod('b', '10.244.1.2', true), slice('web-abc', HTTP, AB)],
    actions: [`update ${SLICES} ${NS}/web-abc`],
    slices: [slice('web-abc', HTTP, [endpoint('b', '10.244.1.2', READY), endpoint('a', '10.244.1.3', READY)])],
  },
  {
    name: 'updates the slice when the Service labels change',
    objects: [service(), ...PODS_AB, slice('web-abc', HTTP, AB, { ...LABELS, tier: 'back' })],
    actions: [`update ${SLICES} ${NS}/web-abc`],
    slices: [slice('web-abc', HTTP, AB)],
  },
  {
    name: 'keeps the slice whose ports match and deletes one no longer needed',
    objects: [service(), ...PODS_AB, slice('web-old', [{ name: 'http', port: 9090, protocol: 'TCP' }], []), slice('web-abc', HTTP, AB)],
    actions: [`delete ${SLICES} ${NS}/web-old`],
    slices: [slice('web-abc', HTTP, AB)],
  },
  {
    name: 'terminating pods stay, not ready, serving as long as the pod is Ready',
    objects: [service(), pod('a', '10.244.1.3', true, { terminating: true }), pod('b', '10.244.1.2', false, { terminating: true })],
    actions: [`create ${SLICES} ${NS}/web-1`],
    slices: [
      slice('web-1', HTTP, [
        endpoint('b', '10.244.1.2', { ready: false, serving: false, terminating: true }),
        endpoint('a', '10.244.1.3', { ready: false, serving: true, terminating: true }),
      ]),
    ],
  },
  {
    name: 'publishNotReadyAddresses: every endpoint ready, terminating or not; serving still the pod\'s readiness',
    objects: [service({ publishNotReadyAddresses: true }), pod('a', '10.244.1.3', true, { terminating: true }), pod('b', '10.244.1.2', false)],
    actions: [`create ${SLICES} ${NS}/web-1`],
    slices: [
      slice('web-1', HTTP, [
        endpoint('b', '10.244.1.2', { ready: true, serving: false, terminating: false }),
        endpoint('a', '10.244.1.3', { ready: true, serving: true, terminating: true }),
      ]),
    ],
  },
  {
    name: 'a headless Service: the headless label, and the hostname of a pod whose subdomain is the Service',
    objects: [service({ clusterIP: 'None' }), pod('a', '10.244.1.3', true, { spec: { hostname: 'a', subdomain: 'web' } })],
    actions: [`create ${SLICES} ${NS}/web-1`],
    slices: [slice('web-1', HTTP, [endpoint('a', '10.244.1.3', READY, { hostname: 'a' })], { ...LABELS, 'service.kubernetes.io/headless': '' })],
  },
  {
    name: 'at most 100 endpoints a slice',
    objects: [service(), ...many.map(([name, ip]) => pod(name, ip, true))],
    actions: [`create ${SLICES} ${NS}/web-1`, `create ${SLICES} ${NS}/web-2`],
    slices: [
      slice('web-1', HTTP, many.slice(0, 100).map(([name, ip]) => endpoint(name, ip, READY))),
      slice('web-2', HTTP, many.slice(100).map(([name, ip]) => endpoint(name, ip, READY))),
    ],
  },
  {
    name: 'a Service without a selector gets no slice and loses the ones this controller made; others\' slices stay',
    objects: [service({ selector: undefined }), pod('a', '10.244.1.3', true), slice('web-abc', HTTP, AB), slice('web-custom', HTTP, [], OTHERS)],
    actions: [`delete ${SLICES} ${NS}/web-abc`],
    slices: [slice('web-custom', HTTP, [], OTHERS)],
  },
  {
    name: 'deletes the slices of a Service that is gone; others\' slices stay',
    objects: [...PODS_AB, slice('web-abc', HTTP, AB), slice('web-custom', HTTP, [], OTHERS)],
    actions: [`delete ${SLICES} ${NS}/web-abc`],
    slices: [slice('web-custom', HTTP, [], OTHERS)],
  },
  {
    name: 'deletes the slices of a Service being deleted',
    objects: [deleting(service()), ...PODS_AB, slice('web-abc', HTTP, AB)],
    actions: [`delete ${SLICES} ${NS}/web-abc`],
    slices: [],
  },
];

describe('EndpointSlice controller sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...row.objects);
    await new EndpointSliceController(ctx).sync(`${NS}/web`);
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    if (row.slices) expect(ctx.informer<EndpointSlice>(DISCOVERY, 'endpointslices').list(NS).map(view)).toEqual(row.slices.map(view));
  });
});
