import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kubeConfigFor, kubeconfigPaths, loadMergedKubeconfig } from './kubeconfig-files';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wh-kubeconfig-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Entry {
  name: string;
  server?: string;
  ca?: string;
}

/** Writes a kubeconfig whose contexts each use a cluster and user of the same name. */
function kubeconfig(file: string, entries: Entry[], currentContext?: string): string {
  const path = join(dir, file);
  const lines = ['apiVersion: v1', 'kind: Config', ...(currentContext ? [`current-context: ${currentContext}`] : []), 'clusters:'];
  for (const e of entries)
    lines.push(`- name: ${e.name}`, '  cluster:', `    server: ${e.server ?? `https://${e.name}.example:6443`}`, ...(e.ca ? [`    certificate-authority: ${e.ca}`] : []));
  lines.push('users:', ...entries.flatMap((e) => [`- name: ${e.name}`, '  user:', `    token: token-of-${file}`]));
  lines.push('contexts:', ...entries.flatMap((e) => [`- name: ${e.name}`, '  context:', `    cluster: ${e.name}`, `    user: ${e.name}`]));
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('kubeconfigPaths', () => {
  it.each([
    ['no KUBECONFIG: ~/.kube/config', undefined, ['/home/u/.kube/config']],
    ['empty KUBECONFIG: ~/.kube/config', '', ['/home/u/.kube/config']],
    ['a path list, in order', ['/a', '/b'].join(delimiter), ['/a', '/b']],
    ['empty entries and duplicates dropped', ['', '/a', '', '/b', '/a'].join(delimiter), ['/a', '/b']],
  ])('%s', (_name, value, expected) => {
    expect(kubeconfigPaths(value === undefined ? {} : { KUBECONFIG: value }, '/home/u')).toEqual(expected);
  });
});

describe('loadMergedKubeconfig (client-go merge rules)', () => {
  it('keeps the first file’s entry of each name, whole, and adds the names only later files have', () => {
    const first = kubeconfig('first', [{ name: 'prod', server: 'https://prod-1:6443' }, { name: 'dev' }]);
    const second = kubeconfig('second', [{ name: 'prod', server: 'https://prod-2:6443', ca: 'ca.crt' }, { name: 'stage' }]);
    const merged = loadMergedKubeconfig([first, second]);
    expect(merged.contexts.map((c) => c.name)).toEqual(['prod', 'dev', 'stage']);
    const prod = merged.clusters.find((c) => c.name === 'prod')!;
    expect(prod.server).toBe('https://prod-1:6443');
    // Not even the second file's extra field survives: the entry is the first file's, whole.
    expect(prod.caFile).toBeUndefined();
    expect(merged.users.find((u) => u.name === 'prod')!.token).toBe('token-of-first');
    expect(merged.users.find((u) => u.name === 'stage')!.token).toBe('token-of-second');
  });

  it.each([
    ['the first file that sets it', ['a', undefined, 'b'], 'a'],
    ['a later file when the first sets none', [undefined, 'b', 'c'], 'b'],
    ['none when no file sets it', [undefined, undefined], ''],
  ])('takes current-context from %s', (_name, currents, expected) => {
    const files = currents.map((current, i) => kubeconfig(`f${i}`, [{ name: ['a', 'b', 'c'][i]! }], current));
    expect(loadMergedKubeconfig(files).currentContext).toBe(expected);
  });

  it('skips missing and empty files, and reports an unreadable one without losing the others', () => {
    const good = kubeconfig('good', [{ name: 'dev' }]);
    writeFileSync(join(dir, 'empty'), '\n');
    writeFileSync(join(dir, 'broken'), 'clusters: [\n');
    const merged = loadMergedKubeconfig([join(dir, 'missing'), join(dir, 'empty'), join(dir, 'broken'), good]);
    expect(merged.contexts.map((c) => c.name)).toEqual(['dev']);
    expect(merged.problems).toHaveLength(1);
    expect(merged.problems[0]).toMatch(new RegExp(`^${join(dir, 'broken')}: `));
  });

  it('resolves a relative certificate path against the file that holds it', () => {
    mkdirSync(join(dir, 'sub'));
    const file = kubeconfig('sub/config', [{ name: 'dev', ca: 'certs/ca.crt' }]);
    expect(loadMergedKubeconfig([file]).clusters[0]!.caFile).toBe(join(dir, 'sub', 'certs', 'ca.crt'));
  });
});

describe('kubeConfigFor', () => {
  it('makes the named context current, and refuses a name the files do not have', () => {
    const merged = loadMergedKubeconfig([kubeconfig('c', [{ name: 'a' }, { name: 'b' }], 'a')]);
    expect(kubeConfigFor(merged, 'b').getCurrentCluster()!.server).toBe('https://b.example:6443');
    expect(() => kubeConfigFor(merged, 'zzz')).toThrow('no context "zzz" in the kubeconfig');
  });
});
