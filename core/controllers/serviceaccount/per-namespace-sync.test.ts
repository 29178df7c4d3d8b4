// The per-namespace controllers' sync on fakes, as serviceaccounts_controller_test.go and
// publisher_test.go: a namespace and its objects seeded, one sync(namespace), the client's actions.
import type { ConfigMap, Namespace, ServiceAccount } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { alreadyExists, ApiError } from '../../machinery/status';
import { FakeContext, type Verb } from '../../../test/support/controller-fakes';
import type { PerNamespaceController } from './per-namespace';
import { RootCaPublisher, ROOT_CA_CONFIGMAP } from './root-ca-publisher';
import { ServiceAccountController } from './service-accounts';

const CA = '-----BEGIN CERTIFICATE-----\nTEST\n-----END CERTIFICATE-----\n';
const DESCRIPTION = 'kubernetes.io/description';

const CONTROLLERS = {
  ServiceAccount: (ctx: FakeContext) => new ServiceAccountController(ctx),
  'root CA publisher': (ctx: FakeContext) => new RootCaPublisher(ctx, { caPem: CA }),
} satisfies Record<string, (ctx: FakeContext) => PerNamespaceController>;

function namespace(terminating = false): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'team', ...(terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
    status: { phase: terminating ? 'Terminating' : 'Active' },
  };
}

const serviceAccount = (name: string): ServiceAccount => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'team' } });
const caMap = (data: Record<string, string>, annotations?: Record<string, string>): ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: ROOT_CA_CONFIGMAP, namespace: 'team', ...(annotations ? { annotations } : {}) },
  data,
});

const DESCRIBED = { [DESCRIPTION]: expect.stringMatching(/^Contains a CA bundle that can be used to verify the kube-apiserver/) };
const terminatingRefusal = new ApiError(403, 'Forbidden', 'unable to create new content in namespace team because it is being terminated', {
  causes: [{ reason: 'NamespaceTerminating', message: 'namespace team is being terminated', field: 'metadata.namespace' }],
});

interface Row {
  controller: keyof typeof CONTROLLERS;
  name: string;
  objects: object[];
  fail?: [Verb, string, Error?];
  actions: string[];
  /** What the last action wrote, or a part of it. */
  written?: object;
  error?: string;
}

const rows: Row[] = [
  {
    controller: 'ServiceAccount',
    name: 'creates default in an active namespace',
    objects: [namespace()],
    actions: ['create serviceaccounts team/default'],
    written: { metadata: { name: 'default', namespace: 'team' } },
  },
  {
    controller: 'ServiceAccount',
    name: 'creates default again once it is deleted: other ServiceAccounts do not count',
    objects: [namespace(), serviceAccount('builder')],
    actions: ['create serviceaccounts team/default'],
  },
  {
    controller: 'ServiceAccount',
    name: 'does nothing when default is there',
    objects: [namespace(), serviceAccount('default')],
    actions: [],
  },
  {
    controller: 'ServiceAccount',
    name: 'does nothing in a terminating namespace',
    objects: [namespace(true)],
    actions: [],
  },
  {
    controller: 'ServiceAccount',
    name: 'does nothing for a namespace that is gone',
    objects: [],
    actions: [],
  },
  {
    controller: 'ServiceAccount',
    name: 'a create refused because the namespace began terminating meanwhile is no failure',
    objects: [namespace()],
    fail: ['create', 'serviceaccounts', terminatingRefusal],
    actions: ['create serviceaccounts team/default'],
  },
  {
    controller: 'ServiceAccount',
    name: 'a default created meanwhile (AlreadyExists) is no failure',
    objects: [namespace()],
    fail: ['create', 'serviceaccounts', alreadyExists({ group: '', plural: 'serviceaccounts' }, 'default')],
    actions: ['create serviceaccounts team/default'],
  },
  {
    controller: 'ServiceAccount',
    name: 'another failed create fails the sync',
    objects: [namespace()],
    fail: ['create', 'serviceaccounts'],
    actions: ['create serviceaccounts team/default'],
    error: 'injected create serviceaccounts failure',
  },
  {
    controller: 'root CA publisher',
    name: 'creates kube-root-ca.crt with the CA and its description',
    objects: [namespace()],
    actions: ['create configmaps team/kube-root-ca.crt'],
    written: { metadata: { name: ROOT_CA_CONFIGMAP, namespace: 'team', annotations: DESCRIBED }, data: { 'ca.crt': CA } },
  },
  {
    controller: 'root CA publisher',
    name: 'does nothing when it holds the CA',
    objects: [namespace(), caMap({ 'ca.crt': CA }, { [DESCRIPTION]: 'as published' })],
    actions: [],
  },
  {
    controller: 'root CA publisher',
    name: 'restores an edited CA, keeping other annotations',
    objects: [namespace(), caMap({ 'ca.crt': 'tampered' }, { [DESCRIPTION]: 'as published', note: 'mine' })],
    actions: ['update configmaps team/kube-root-ca.crt'],
    written: { metadata: { annotations: { ...DESCRIBED, note: 'mine' } }, data: { 'ca.crt': CA } },
  },
  {
    controller: 'root CA publisher',
    name: 'puts back a removed description',
    objects: [namespace(), caMap({ 'ca.crt': CA })],
    actions: ['update configmaps team/kube-root-ca.crt'],
    written: { metadata: { annotations: DESCRIBED }, data: { 'ca.crt': CA } },
  },
  {
    controller: 'root CA publisher',
    name: 'does nothing in a terminating namespace',
    objects: [namespace(true)],
    actions: [],
  },
  {
    controller: 'root CA publisher',
    name: 'a create refused because the namespace began terminating meanwhile is no failure',
    objects: [namespace()],
    fail: ['create', 'configmaps', terminatingRefusal],
    actions: ['create configmaps team/kube-root-ca.crt'],
  },
];

describe('per-namespace controllers sync', () => {
  it.each(rows)('$controller: $name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...row.objects);
    if (row.fail) ctx.fakeClient.failNext(...row.fail);
    const sync = CONTROLLERS[row.controller](ctx).sync('team');
    if (row.error) await expect(sync).rejects.toThrow(row.error);
    else await sync;
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    if (row.written) expect(ctx.fakeClient.actions.at(-1)?.object).toMatchObject(row.written);
  });
});
