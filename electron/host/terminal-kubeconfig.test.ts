// The tab's kubeconfig, read by the real kubectl: its context and namespace win, the cluster
// and credentials come from the user's own files, and the tab's file holds no credential.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTerminalKubeconfig } from './terminal-kubeconfig';

const KUBECTL = '/usr/bin/kubectl';
const dir = mkdtempSync(join(tmpdir(), 'wh-term-kubeconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const user = join(dir, 'config');
writeFileSync(
  user,
  `apiVersion: v1
kind: Config
current-context: prod
clusters:
- name: prod-cluster
  cluster: { server: 'https://prod.example:6443' }
- name: dev-cluster
  cluster: { server: 'https://dev.example:6443' }
users:
- name: prod-admin
  user: { token: prod-secret-token }
- name: dev-admin
  user: { token: dev-secret-token }
contexts:
- name: prod
  context: { cluster: prod-cluster, user: prod-admin, namespace: payments }
- name: dev
  context: { cluster: dev-cluster, user: dev-admin }
`,
);

function kubectl(kubeconfig: string[], ...args: string[]): string {
  return execFileSync(KUBECTL, args, { env: { PATH: '/usr/bin:/bin', HOME: dir, KUBECONFIG: kubeconfig.join(delimiter) }, encoding: 'utf8' }).trim();
}

describe.skipIf(!existsSync(KUBECTL))('writeTerminalKubeconfig (with the real kubectl)', () => {
  it("selects the tab's context and namespace over the file's current context", () => {
    const file = join(dir, 'tab-dev.kubeconfig');
    const paths = writeTerminalKubeconfig(file, { files: [user], context: 'dev' }, 'web');
    expect(paths).toEqual([file, user]);
    expect(kubectl(paths, 'config', 'current-context')).toBe('dev');
    expect(kubectl(paths, 'config', 'view', '--minify', '-o', 'jsonpath={.contexts[0].context.namespace} {.clusters[0].cluster.server} {.users[0].name}')).toBe(
      'web https://dev.example:6443 dev-admin',
    );
    // The token reaches kubectl from the user's file; the tab's own file has none.
    expect(kubectl(paths, 'config', 'view', '--minify', '--raw', '-o', 'jsonpath={.users[0].user.token}')).toBe('dev-secret-token');
    expect(readFileSync(file, 'utf8')).not.toMatch(/secret|server|token/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("keeps the context's own namespace when the app shows all namespaces", () => {
    const paths = writeTerminalKubeconfig(join(dir, 'tab-prod.kubeconfig'), { files: [user], context: 'prod' }, '');
    expect(kubectl(paths, 'config', 'view', '--minify', '-o', 'jsonpath={.contexts[0].name} {.contexts[0].context.namespace}')).toBe('prod payments');
  });

  it('names the context it cannot find', () => {
    expect(() => writeTerminalKubeconfig(join(dir, 'tab-x.kubeconfig'), { files: [user], context: 'staging' }, 'default')).toThrow(/no context "staging"/);
  });
});
