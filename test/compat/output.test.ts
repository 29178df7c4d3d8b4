// `kubectl get` output and selection: -A, -o wide|yaml|json|name|jsonpath|custom-columns,
// --sort-by, label selectors (=, !=, in, notin, exists, !exists), --field-selector, --show-labels.
import { beforeAll, describe, expect, it } from 'vitest';
import * as yaml from 'js-yaml';
import { haveKubectl } from '../support/kubectl';
import { cells, headerOf, manifests, newNamespace, rowNamed, rowsOf, useCluster } from './compat-cluster';

interface Listed {
  apiVersion: string;
  kind: string;
  items: { apiVersion: string; kind: string; metadata: { name: string; namespace: string; labels?: Record<string, string> } }[];
}

const pod = (name: string, namespace: string, labels: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { containers: [{ name: 'c', image: 'nginx:1.8' }] },
});

const service = (name: string, namespace: string, port: number) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { ports: [{ port }], selector: { app: name } },
});

describe.skipIf(!haveKubectl)('get output and selection', () => {
  const cluster = useCluster();
  let a = '';
  let b = '';

  beforeAll(async () => {
    a = await newNamespace(cluster, 'out-a');
    b = await newNamespace(cluster, 'out-b');
    await cluster.ok(['create', '-f', '-'], {
      input: manifests(
        pod('front', a, { app: 'web', tier: 'front' }),
        pod('db', a, { app: 'db', tier: 'back' }),
        pod('plain', a, { app: 'web' }),
        pod('other', b, { app: 'web', tier: 'front' }),
        service('s-high', a, 8080),
        service('s-low', a, 80),
        service('s-mid', a, 443),
        ...['c', 'a', 'b'].map((rank, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm${i + 1}`, namespace: a, labels: { rank } } })),
      ),
    });
    // The scheduler and kubelets take the pods to Running: select on where they are then.
    await cluster.ok(['wait', '--for=condition=Ready', 'pods', '--all', '-n', a, '--timeout=60s']);
  });

  const names = (out: string) => rowsOf(out).map((r) => r[0]);

  it('get -A adds the NAMESPACE column, filled from each row', async () => {
    const out = await cluster.ok(['get', 'pods', '-A']);
    expect(headerOf(out)).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(rowNamed(out, 'front', 1)?.[0]).toBe(a);
    expect(rowNamed(out, 'other', 1)?.[0]).toBe(b);
  });

  it('-o wide adds the priority-1 columns', async () => {
    const out = await cluster.ok(['get', 'pods', '-n', a, '-o', 'wide']);
    expect(headerOf(out)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(names(out)).toEqual(['db', 'front', 'plain']);
  });

  it('-o wide for services adds SELECTOR', async () => {
    const out = await cluster.ok(['get', 'services', '-n', a, '-o', 'wide']);
    expect(headerOf(out)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR']);
    expect(rowNamed(out, 's-low')).toEqual(['s-low', 'ClusterIP', expect.stringMatching(/^10\.\d+\.\d+\.\d+$/), '<none>', '80/TCP', expect.any(String), 'app=s-low']);
  });

  it('-o yaml of one object and of a list', async () => {
    const one = yaml.load(await cluster.ok(['get', 'pod', 'front', '-n', a, '-o', 'yaml'])) as Listed['items'][number] & { status: { phase: string } };
    expect(one).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'front', namespace: a, labels: { app: 'web', tier: 'front' } } });
    const list = yaml.load(await cluster.ok(['get', 'pods', '-n', a, '-o', 'yaml'])) as Listed;
    expect(list.apiVersion).toBe('v1');
    expect(list.kind).toBe('List');
    expect(list.items.map((i) => [i.kind, i.metadata.name])).toEqual([
      ['Pod', 'db'],
      ['Pod', 'front'],
      ['Pod', 'plain'],
    ]);
  });

  it('-o json of a list', async () => {
    const list = JSON.parse(await cluster.ok(['get', 'pods', '-n', a, '-o', 'json'])) as Listed;
    expect(list.kind).toBe('List');
    expect(list.items.every((i) => i.apiVersion === 'v1' && i.kind === 'Pod')).toBe(true);
    expect(list.items.map((i) => i.metadata.name)).toEqual(['db', 'front', 'plain']);
  });

  it('-o name', async () => {
    expect(await cluster.ok(['get', 'pods', '-n', a, '-o', 'name'])).toBe('pod/db\npod/front\npod/plain\n');
    expect(await cluster.ok(['get', 'services', '-n', a, '-o', 'name'])).toBe('service/s-high\nservice/s-low\nservice/s-mid\n');
  });

  it('-o jsonpath over items, with range', async () => {
    expect(await cluster.ok(['get', 'pods', '-n', a, '-o', 'jsonpath={.items[*].metadata.name}'])).toBe('db front plain');
    const ranged = await cluster.ok(['get', 'pods', '-n', a, '-o', 'jsonpath={range .items[*]}{.metadata.name}={.metadata.labels.app}{"\\n"}{end}']);
    expect(ranged).toBe('db=db\nfront=web\nplain=web\n');
    expect(await cluster.ok(['get', 'pod', 'front', '-n', a, '-o', 'jsonpath={.spec.containers[0].image}'])).toBe('nginx:1.8');
  });

  it('-o custom-columns', async () => {
    const out = await cluster.ok(['get', 'pods', '-n', a, '-o', 'custom-columns=NAME:.metadata.name,APP:.metadata.labels.app,TIER:.metadata.labels.tier']);
    expect(out.trim().split('\n').map(cells)).toEqual([
      ['NAME', 'APP', 'TIER'],
      ['db', 'db', 'back'],
      ['front', 'web', 'front'],
      ['plain', 'web', '<none>'],
    ]);
  });

  it('--sort-by a numeric field sorts numerically', async () => {
    const out = await cluster.ok(['get', 'services', '-n', a, '--sort-by=.spec.ports[0].port']);
    expect(headerOf(out)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    expect(names(out)).toEqual(['s-low', 's-mid', 's-high']);
  });

  it('--sort-by a string field', async () => {
    const out = await cluster.ok(['get', 'configmaps', '-n', a, '-l', 'rank', '--sort-by={.metadata.labels.rank}']);
    expect(headerOf(out)).toEqual(['NAME', 'DATA', 'AGE']);
    expect(names(out)).toEqual(['cm2', 'cm3', 'cm1']);
  });

  it.each([
    { selector: 'app=web', expected: ['front', 'plain'] },
    { selector: 'app==web', expected: ['front', 'plain'] },
    { selector: 'app!=web', expected: ['db'] },
    { selector: 'app in (web,db)', expected: ['db', 'front', 'plain'] },
    { selector: 'tier notin (front)', expected: ['db', 'plain'] },
    { selector: 'tier', expected: ['db', 'front'] },
    { selector: '!tier', expected: ['plain'] },
    { selector: 'app=web,tier=front', expected: ['front'] },
    { selector: 'app=nothing', expected: [] },
  ])('-l $selector', async ({ selector, expected }) => {
    const r = await cluster.run(['get', 'pods', '-n', a, '-l', selector, '-o', 'name']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(expected.map((n) => `pod/${n}`));
  });

  it('a selector that matches nothing says so', async () => {
    const r = await cluster.run(['get', 'pods', '-n', a, '-l', 'app=nothing']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`No resources found in ${a} namespace.`);
  });

  it('an invalid selector is a client error', async () => {
    const r = await cluster.run(['get', 'pods', '-n', a, '-l', 'app in web']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unable to parse requirement|found 'web', expected: '\('/);
  });

  it.each([
    { args: ['-n', 'A', '--field-selector', 'metadata.name=front'], expected: ['front'] },
    { args: ['-n', 'A', '--field-selector', 'metadata.name!=front'], expected: ['db', 'plain'] },
    { args: ['-n', 'A', '--field-selector', 'status.phase=Running,metadata.name=db'], expected: ['db'] },
    { args: ['-n', 'A', '--field-selector', 'status.phase=Pending'], expected: [] },
    { args: ['-n', 'A', '--field-selector', 'spec.nodeName!='], expected: ['db', 'front', 'plain'] },
    { args: ['-n', 'A', '--field-selector', 'spec.nodeName='], expected: [] },
    { args: ['-A', '--field-selector', 'metadata.namespace=B'], expected: ['other'] },
  ])('--field-selector $args', async ({ args, expected }) => {
    const real = args.map((x) => (x === 'A' ? a : x.replace('=B', `=${b}`)));
    const r = await cluster.run(['get', 'pods', ...real, '-o', 'name']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(expected.map((n) => `pod/${n}`));
  });

  it('--field-selector spec.nodeName=<node> lists the pods bound to that node', async () => {
    const placed = (await cluster.ok(['get', 'pods', '-n', a, '-o', 'custom-columns=NAME:.metadata.name,NODE:.spec.nodeName', '--no-headers'])).trim().split('\n').map(cells);
    const node = placed.find(([name]) => name === 'db')![1]!;
    const r = await cluster.run(['get', 'pods', '-n', a, '--field-selector', `spec.nodeName=${node}`, '-o', 'name']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(placed.filter(([, n]) => n === node).map(([name]) => `pod/${name}`));
  });

  it('an unsupported field selector is rejected by the server', async () => {
    const r = await cluster.run(['get', 'pods', '-n', a, '--field-selector', 'spec.image=nginx']);
    expect(r.code).toBe(1);
    // kubectl wraps the server's message with the resource and selectors.
    expect(r.stderr.trim()).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.image=nginx": field label not supported: spec.image',
    );
  });

  it('--show-labels adds LABELS', async () => {
    const out = await cluster.ok(['get', 'pods', '-n', a, '--show-labels']);
    expect(headerOf(out)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'LABELS']);
    expect(rowNamed(out, 'front')?.at(-1)).toBe('app=web,tier=front');
    expect(rowNamed(out, 'plain')?.at(-1)).toBe('app=web');
  });

  it('-L adds one column per label key', async () => {
    const out = await cluster.ok(['get', 'pods', '-n', a, '-L', 'tier']);
    expect(headerOf(out)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'TIER']);
    expect(rowNamed(out, 'db')?.at(-1)).toBe('back');
  });

  it('--no-headers drops the header', async () => {
    const out = await cluster.ok(['get', 'pods', '-n', a, '--no-headers']);
    expect(out.trim().split('\n').map((l) => cells(l)[0])).toEqual(['db', 'front', 'plain']);
  });

  it('get of several kinds at once prints one table per kind', async () => {
    const out = await cluster.ok(['get', 'pods,services', '-n', a]);
    expect(out).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m);
    expect(out).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/m);
    expect(out).toMatch(/^pod\/front\s/m);
    expect(out).toMatch(/^service\/s-low\s/m);
  });

  it('get of a missing object is NotFound', async () => {
    const r = await cluster.run(['get', 'pod', 'nope', '-n', a]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): pods "nope" not found');
  });

  it('lists page with --chunk-size', async () => {
    const out = await cluster.ok(['get', 'pods', '-A', '-l', 'app', '--chunk-size=1', '-o', 'name']);
    expect(out.split('\n').filter(Boolean).sort()).toEqual(['pod/db', 'pod/front', 'pod/other', 'pod/plain']);
  });
});
