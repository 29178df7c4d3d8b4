// CustomResourceDefinitions through kubectl: the CRD becomes Established, its kind appears in
// discovery, and custom objects print with the CRD's additionalPrinterColumns.
import { beforeAll, describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { headerOf, manifests, newNamespace, rowNamed, useCluster } from './compat-cluster';

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'crontabs.stable.example.com' },
  spec: {
    group: 'stable.example.com',
    scope: 'Namespaced',
    names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', shortNames: ['ct'] },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: { cronSpec: { type: 'string' }, image: { type: 'string' }, replicas: { type: 'integer', minimum: 1 } },
              },
            },
          },
        },
        additionalPrinterColumns: [
          { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' },
          { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
          { name: 'Image', type: 'string', jsonPath: '.spec.image', priority: 1 },
          { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
        ],
        subresources: { scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } },
      },
    ],
  },
};

const cronTab = (ns: string, name: string, replicas: number) => ({
  apiVersion: 'stable.example.com/v1',
  kind: 'CronTab',
  metadata: { name, namespace: ns },
  spec: { cronSpec: '* * * * */5', image: 'my-cron-image', replicas },
});

describe.skipIf(!haveKubectl)('custom resources', () => {
  const cluster = useCluster();

  beforeAll(async () => {
    await cluster.ok(['create', '-f', '-'], { input: manifests(crd) });
    await cluster.ok(['wait', '--for=condition=Established', 'crd/crontabs.stable.example.com', '--timeout=30s']);
  });

  it('kubectl get crd prints NAME and CREATED AT', async () => {
    const out = await cluster.ok(['get', 'crd']);
    expect(headerOf(out)).toEqual(['NAME', 'CREATED AT']);
    expect(rowNamed(out, 'crontabs.stable.example.com')?.[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('the new kind is in discovery', async () => {
    const out = await cluster.ok(['api-resources', '--api-group=stable.example.com']);
    expect(out.trim().split('\n')[1]!.split(/\s+/)).toEqual(['crontabs', 'ct', 'stable.example.com/v1', 'true', 'CronTab']);
    expect(await cluster.ok(['api-versions'])).toContain('stable.example.com/v1\n');
  });

  it('create, get with the printer columns, -o wide, describe, delete', async () => {
    const ns = await newNamespace(cluster, 'cr');
    expect((await cluster.ok(['create', '-f', '-'], { input: manifests(cronTab(ns, 'nightly', 2)) })).trim()).toBe('crontab.stable.example.com/nightly created');

    const table = await cluster.ok(['get', 'crontabs', '-n', ns]);
    expect(headerOf(table)).toEqual(['NAME', 'SPEC', 'REPLICAS', 'AGE']);
    expect(rowNamed(table, 'nightly')?.slice(0, 3)).toEqual(['nightly', '* * * * */5', '2']);

    const wide = await cluster.ok(['get', 'ct', 'nightly', '-n', ns, '-o', 'wide']);
    // Columns keep the CRD's order; -o wide only adds those of priority > 0.
    expect(headerOf(wide)).toEqual(['NAME', 'SPEC', 'REPLICAS', 'IMAGE', 'AGE']);
    expect(rowNamed(wide, 'nightly')?.[3]).toBe('my-cron-image');

    const all = await cluster.ok(['get', 'crontabs.stable.example.com', '-A']);
    expect(headerOf(all)).toEqual(['NAMESPACE', 'NAME', 'SPEC', 'REPLICAS', 'AGE']);

    const described = await cluster.ok(['describe', 'crontab', 'nightly', '-n', ns]);
    expect(described).toMatch(/^Name:\s+nightly$/m);
    expect(described).toMatch(/^API Version:\s+stable\.example\.com\/v1$/m);
    expect(described).toMatch(/^\s+Cron Spec:\s+\* \* \* \* \*\/5$/m);

    expect((await cluster.ok(['delete', 'crontab', 'nightly', '-n', ns])).trim()).toBe('crontab.stable.example.com "nightly" deleted');
    const gone = await cluster.run(['get', 'crontab', 'nightly', '-n', ns]);
    expect(gone.stderr.trim()).toBe('Error from server (NotFound): crontabs.stable.example.com "nightly" not found');
  });

  it('the schema is enforced', async () => {
    const ns = await newNamespace(cluster, 'cr-schema');
    const r = await cluster.run(['create', '-f', '-'], { input: manifests(cronTab(ns, 'bad', 0)) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1');
  });

  it('apply, patch (merge) and scale on a custom resource', async () => {
    const ns = await newNamespace(cluster, 'cr-apply');
    const input = manifests(cronTab(ns, 'hourly', 1));
    expect((await cluster.ok(['apply', '-f', '-'], { input })).trim()).toBe('crontab.stable.example.com/hourly created');
    expect((await cluster.ok(['apply', '-f', '-'], { input })).trim()).toBe('crontab.stable.example.com/hourly unchanged');
    await cluster.ok(['patch', 'crontab', 'hourly', '-n', ns, '--type=merge', '-p', '{"spec":{"image":"other"}}']);
    expect((await cluster.ok(['scale', 'crontab', 'hourly', '--replicas=4', '-n', ns])).trim()).toBe('crontab.stable.example.com/hourly scaled');
    expect(await cluster.ok(['get', 'crontab', 'hourly', '-n', ns, '-o', 'jsonpath={.spec.image} {.spec.replicas}'])).toBe('other 4');
  });

  it('deleting the CRD removes its custom objects and its kind', async () => {
    const ns = await newNamespace(cluster, 'cr-gone');
    const other = { ...crd, metadata: { name: 'widgets.acme.example.com' }, spec: { ...crd.spec, group: 'acme.example.com', names: { plural: 'widgets', singular: 'widget', kind: 'Widget' } } };
    await cluster.ok(['create', '-f', '-'], { input: manifests(other) });
    await cluster.ok(['wait', '--for=condition=Established', 'crd/widgets.acme.example.com', '--timeout=30s']);
    await cluster.ok(['create', '-f', '-'], { input: manifests({ apiVersion: 'acme.example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: ns }, spec: { replicas: 1 } }) });
    expect((await cluster.ok(['delete', 'crd', 'widgets.acme.example.com'])).trim()).toBe('customresourcedefinition.apiextensions.k8s.io "widgets.acme.example.com" deleted');
    const r = await cluster.run(['get', 'widgets', '-n', ns]);
    expect(r.code).toBe(1);
    // kubectl still has the kind in its discovery cache, so it asks and the server answers 404.
    expect(r.stderr).toContain('Error from server (NotFound): Unable to list "acme.example.com/v1, Resource=widgets": the server could not find the requested resource');
  });
});
