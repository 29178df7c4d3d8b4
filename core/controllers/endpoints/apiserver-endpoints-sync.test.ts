// The API server's own endpoints on fakes, as kube-apiserver's endpoint reconciler tests: the
// kubernetes Service's Endpoints and EndpointSlice seeded (or not), one sync, the client's actions
// and what is stored after it.
import type { EndpointPort, EndpointSubset, Endpoints } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { FakeContext } from '../../../test/support/controller-fakes';
import { NS } from '../../../test/support/service-fixtures';
import { ApiServerEndpoints } from './apiserver-endpoints';
import { SERVICE_NAME_LABEL } from './endpointslice-controller';

const DISCOVERY = 'discovery.k8s.io';
const IP = '127.0.0.1';
const HTTPS = [{ name: 'https', port: 6443, protocol: 'TCP' }];
const SUBSETS = [{ addresses: [{ ip: IP }], ports: HTTPS }];
const SKIP_MIRROR = { 'endpointslice.kubernetes.io/skip-mirror': 'true' };
const SERVICE_NAME = { [SERVICE_NAME_LABEL]: 'kubernetes' };

function endpoints(subsets: EndpointSubset[] = SUBSETS, labels: Record<string, string> = SKIP_MIRROR): Endpoints {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: NS, labels }, subsets };
}

function slice(ports: EndpointPort[] = HTTPS, labels: Record<string, string> = SERVICE_NAME): EndpointSlice {
  return {
    apiVersion: `${DISCOVERY}/v1`,
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: NS, labels },
    addressType: 'IPv4',
    endpoints: [{ addresses: [IP], conditions: { ready: true } }],
    ports,
  };
}

/** What a row compares of each after the sync: the wanted contents, and the labels. */
const endpointsView = (e: Endpoints) => ({ labels: e.metadata?.labels, subsets: e.subsets });
const sliceView = (s: EndpointSlice) => ({ labels: s.metadata?.labels, addressType: s.addressType, endpoints: s.endpoints, ports: s.ports });

const ENDPOINTS = `endpoints ${NS}/kubernetes`;
const SLICE = `endpointslices.${DISCOVERY} ${NS}/kubernetes`;
const ADDED = { team: 'platform' };

interface Row {
  name: string;
  objects: object[];
  actions: string[];
  /** The labels after the sync, when not exactly the controller's. */
  labels?: { endpoints: Record<string, string>; slice: Record<string, string> };
}

const rows: Row[] = [
  {
    name: 'creates the Endpoints and the slice when they are missing',
    objects: [],
    actions: [`create ${ENDPOINTS}`, `create ${SLICE}`],
  },
  {
    name: 'creates only the one missing',
    objects: [endpoints()],
    actions: [`create ${SLICE}`],
  },
  {
    name: 'leaves them alone when they are right',
    objects: [endpoints(), slice()],
    actions: [],
  },
  {
    name: 'leaves them alone when someone added a label, and keeps it',
    objects: [endpoints(SUBSETS, { ...SKIP_MIRROR, ...ADDED }), slice(HTTPS, { ...SERVICE_NAME, ...ADDED })],
    actions: [],
    labels: { endpoints: { ...SKIP_MIRROR, ...ADDED }, slice: { ...SERVICE_NAME, ...ADDED } },
  },
  {
    name: 'corrects Endpoints pointing at another address and port',
    objects: [endpoints([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ name: 'https', port: 443, protocol: 'TCP' }] }]), slice()],
    actions: [`update ${ENDPOINTS}`],
  },
  {
    name: 'puts back the skip-mirror label of the Endpoints',
    objects: [endpoints(SUBSETS, {}), slice()],
    actions: [`update ${ENDPOINTS}`],
  },
  {
    name: 'corrects a slice with another port and without its Service name',
    objects: [endpoints(), slice([{ name: 'https', port: 443, protocol: 'TCP' }], {})],
    actions: [`update ${SLICE}`],
  },
];

describe('API server endpoints sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...row.objects);
    await new ApiServerEndpoints(ctx, { ip: IP, port: 6443 }).sync();
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    expect(endpointsView(ctx.informer<Endpoints>('', 'endpoints').get(NS, 'kubernetes')!)).toEqual(endpointsView(endpoints(SUBSETS, row.labels?.endpoints)));
    expect(sliceView(ctx.informer<EndpointSlice>(DISCOVERY, 'endpointslices').get(NS, 'kubernetes')!)).toEqual(sliceView(slice(HTTPS, row.labels?.slice)));
  });
});
