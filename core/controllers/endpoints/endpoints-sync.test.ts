// The Endpoints controller's sync on fakes, as endpoints_controller_test.go: a Service, pods and
// Endpoints seeded, one sync(key), the client's actions and the Endpoints written.
import type { Endpoints } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { FakeContext } from '../../../test/support/controller-fakes';
import { NS, pod, service } from '../../../test/support/service-fixtures';
import { EndpointsController } from './endpoints-controller';

const address = (name: string, ip: string) => ({ ip, nodeName: 'wrk1', targetRef: { kind: 'Pod', namespace: NS, name, uid: `uid-${name}` } });
const PORTS = [{ name: 'http', port: 8080, protocol: 'TCP' }];
const SUBSETS = [{ addresses: [address('a', '10.244.1.3')], notReadyAddresses: [address('b', '10.244.1.2')], ports: PORTS }];

function endpoints(subsets: object[], labels: Record<string, string> = { tier: 'front' }): Endpoints {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: NS, labels }, subsets };
}

interface Row {
  name: string;
  objects: object[];
  actions: string[];
  /** The Endpoints' subsets after the sync (addresses in IP order). */
  subsets?: object[];
}

const rows: Row[] = [
  {
    name: 'creates the Endpoints: ready pods as addresses, the others not ready, named target ports resolved',
    objects: [service(), pod('a', '10.244.1.3', true), pod('b', '10.244.1.2', false), pod('other', '10.244.1.9', true, { labels: { app: 'db' } })],
    actions: [`create endpoints ${NS}/web`],
    subsets: SUBSETS,
  },
  {
    name: 'does nothing when the Endpoints are right',
    objects: [service(), pod('a', '10.244.1.3', true), pod('b', '10.244.1.2', false), endpoints(SUBSETS)],
    actions: [],
  },
  {
    name: 'updates them when a pod turns ready',
    objects: [service(), pod('a', '10.244.1.3', true), pod('b', '10.244.1.2', true), endpoints(SUBSETS)],
    actions: [`update endpoints ${NS}/web`],
    subsets: [{ addresses: [address('b', '10.244.1.2'), address('a', '10.244.1.3')], ports: PORTS }],
  },
  {
    name: 'updates them when the Service labels change',
    objects: [service(), pod('a', '10.244.1.3', true), pod('b', '10.244.1.2', false), endpoints(SUBSETS, { tier: 'back' })],
    actions: [`update endpoints ${NS}/web`],
    subsets: SUBSETS,
  },
  {
    name: 'a terminating pod leaves them',
    objects: [service(), pod('a', '10.244.1.3', true), pod('b', '10.244.1.2', false, { terminating: true }), endpoints(SUBSETS)],
    actions: [`update endpoints ${NS}/web`],
    subsets: [{ addresses: [address('a', '10.244.1.3')], ports: PORTS }],
  },
  {
    name: 'publishNotReadyAddresses lists every pod as an address',
    objects: [service({ publishNotReadyAddresses: true }), pod('a', '10.244.1.3', true), pod('b', '10.244.1.2', false)],
    actions: [`create endpoints ${NS}/web`],
    subsets: [{ addresses: [address('b', '10.244.1.2'), address('a', '10.244.1.3')], ports: PORTS }],
  },
  {
    name: 'leaves a Service without a selector alone',
    objects: [service({ selector: undefined }), pod('a', '10.244.1.3', true)],
    actions: [],
  },
  {
    name: 'deletes the Endpoints of a Service that is gone',
    objects: [endpoints(SUBSETS)],
    actions: [`delete endpoints ${NS}/web`],
  },
];

describe('Endpoints controller sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...row.objects);
    await new EndpointsController(ctx).sync(`${NS}/web`);
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    if (row.subsets) expect(ctx.informer<Endpoints>('', 'endpoints').get(NS, 'web')?.subsets).toEqual(row.subsets);
  });
});
