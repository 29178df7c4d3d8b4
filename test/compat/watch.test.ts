// `kubectl get -w`: the current state first, then each change printed as it happens.
import { describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { cells, manifests, newNamespace, useCluster, watchLines } from './compat-cluster';

const cm = (ns: string, name: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data });
/** Rows (split into cells) whose cell `col` is `name`. */
const rowsFor = (lines: string[], name: string, col = 1) => lines.map(cells).filter((c) => c[col] === name);

describe.skipIf(!haveKubectl)('get -w', () => {
  const cluster = useCluster();

  it('prints the existing rows, then additions, changes and deletions with --output-watch-events', async () => {
    const ns = await newNamespace(cluster, 'watch');
    await cluster.ok(['create', '-f', '-'], { input: manifests(cm(ns, 'first', { a: '1' })) });
    const w = watchLines(cluster, ['get', 'configmaps', '-n', ns, '-w', '--output-watch-events']);
    try {
      const initial = await w.until((l) => rowsFor(l, 'first').length === 1);
      expect(cells(initial[0]!)).toEqual(['EVENT', 'NAME', 'DATA', 'AGE']);
      expect(rowsFor(initial, 'first')[0]!.slice(0, 3)).toEqual(['ADDED', 'first', '1']);

      await cluster.ok(['create', '-f', '-'], { input: manifests(cm(ns, 'second', { a: '1', b: '2' })) });
      const added = await w.until((l) => rowsFor(l, 'second').length >= 1);
      expect(rowsFor(added, 'second')[0]!.slice(0, 3)).toEqual(['ADDED', 'second', '2']);

      await cluster.ok(['patch', 'cm', 'first', '-n', ns, '--type=merge', '-p', '{"data":{"b":"2","c":"3"}}']);
      const modified = await w.until((l) => rowsFor(l, 'first').length >= 2);
      expect(rowsFor(modified, 'first')[1]!.slice(0, 3)).toEqual(['MODIFIED', 'first', '3']);

      await cluster.ok(['delete', 'cm', 'second', '-n', ns]);
      const deleted = await w.until((l) => rowsFor(l, 'second').length >= 2);
      expect(rowsFor(deleted, 'second')[1]!.slice(0, 2)).toEqual(['DELETED', 'second']);
      // The header comes once: later tables in the stream omit it.
      expect(deleted.filter((l) => cells(l)[0] === 'EVENT')).toHaveLength(1);
    } finally {
      w.stop();
    }
  });

  it('get -w of one object with -o name prints it again on each change', async () => {
    const ns = await newNamespace(cluster, 'watch-one');
    await cluster.ok(['create', '-f', '-'], { input: manifests(cm(ns, 'solo', { a: '1' })) });
    const w = watchLines(cluster, ['get', 'configmap', 'solo', '-n', ns, '-w', '-o', 'name']);
    try {
      expect(await w.until((l) => l.length >= 1)).toEqual(['configmap/solo']);
      await cluster.ok(['label', 'cm', 'solo', 'seen=yes', '-n', ns]);
      expect(await w.until((l) => l.length >= 2)).toEqual(['configmap/solo', 'configmap/solo']);
    } finally {
      w.stop();
    }
  });

  it('get pods -A -w shows the namespace of a pod created after the watch began', async () => {
    const ns = await newNamespace(cluster, 'watch-pods');
    const w = watchLines(cluster, ['get', 'pods', '-A', '-w']);
    try {
      await cluster.ok(['create', '-f', '-'], {
        input: manifests({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'watched', namespace: ns }, spec: { containers: [{ name: 'c', image: 'nginx:1.8' }] } }),
      });
      const lines = await w.until((l) => rowsFor(l, 'watched').length >= 1);
      expect(cells(lines[0]!)).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
      expect(rowsFor(lines, 'watched')[0]!.slice(0, 3)).toEqual([ns, 'watched', '0/1']);
    } finally {
      w.stop();
    }
  });
});
