import type { ConfigMap, Namespace, ServiceAccount } from 'kubernetes-types/core/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { startTestCluster, type TestCluster } from '../../../test/support/batch-cluster';
import { RootCaPublisher, ROOT_CA_CONFIGMAP } from './root-ca-publisher';
import { ServiceAccountController } from './service-accounts';

let t: TestCluster;
let controllers: Array<{ stop(): void }>;
const CA = '-----BEGIN CERTIFICATE-----\nTEST\n-----END CERTIFICATE-----\n';

beforeEach(async () => {
  t = await startTestCluster();
  const sa = new ServiceAccountController(t.cluster.context);
  const ca = new RootCaPublisher(t.cluster.context, { caPem: CA });
  sa.start();
  ca.start();
  controllers = [sa, ca];
});
afterEach(async () => {
  controllers.forEach((c) => c.stop());
  await t.stop();
});

const sa = (ns: string) => t.cluster.registry.storeFor('', 'serviceaccounts')!.find(ns, 'default')?.object as Kube<ServiceAccount> | undefined;
const caMap = (ns: string) => t.cluster.registry.storeFor('', 'configmaps')!.find(ns, ROOT_CA_CONFIGMAP)?.object as Kube<ConfigMap> | undefined;

// Whole-cluster stories; the rules are tested on fakes in per-namespace-sync.test.ts.
describe('ServiceAccount controller and root CA publisher', () => {
  it('fill the namespaces that exist at start', async () => {
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      await t.waitFor(() => sa(ns) && caMap(ns), `${ns} filled`);
    }
    expect(caMap('default')!.data).toEqual({ 'ca.crt': CA });
  });

  it('fill a new namespace, and put back what is deleted or changed', async () => {
    await t.client.create<Namespace>('', 'namespaces', undefined, { metadata: { name: 'team' } });
    await t.waitFor(() => sa('team') && caMap('team'), 'team filled');
    const uid = sa('team')!.metadata.uid;
    await t.client.delete('', 'serviceaccounts', 'team', 'default');
    await t.waitFor(() => sa('team') && sa('team')!.metadata.uid !== uid, 'default recreated');
    await t.client.update<ConfigMap>('', 'configmaps', 'team', ROOT_CA_CONFIGMAP, (c) => {
      c.data = { 'ca.crt': 'tampered' };
    });
    await t.waitFor(() => caMap('team')?.data?.['ca.crt'] === CA, 'CA restored');
  });
});
