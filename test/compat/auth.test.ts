// Authorization with the real kubectl: `--as` impersonation (get, auth can-i, auth whoami) and
// RBAC escalation prevention for a service account token that may create bindings.
import { describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { newNamespace, uniqueName, useCluster } from './compat-cluster';

const cluster = useCluster();

describe.skipIf(!haveKubectl)('authorization (kubectl)', () => {
  it('--as runs get, auth can-i and auth whoami as the impersonated user', async () => {
    const ns = await newNamespace(cluster, 'as');
    const viewer = `system:serviceaccount:${ns}:viewer`;
    await cluster.ok(['create', 'serviceaccount', 'viewer', '-n', ns]);
    await cluster.ok(['create', 'rolebinding', 'viewer', '--clusterrole=view', `--serviceaccount=${ns}:viewer`, '-n', ns]);

    const secrets = await cluster.run(['get', 'secrets', '-n', ns, `--as=${viewer}`]);
    expect(secrets.code).not.toBe(0);
    expect(secrets.stderr.trim()).toBe(`Error from server (Forbidden): secrets is forbidden: User "${viewer}" cannot list resource "secrets" in API group "" in the namespace "${ns}"`);
    expect((await cluster.run(['get', 'pods', '-n', ns, `--as=${viewer}`])).code).toBe(0);

    const canGetSecrets = await cluster.run(['auth', 'can-i', 'get', 'secrets', '-n', ns, `--as=${viewer}`]);
    expect([canGetSecrets.code, canGetSecrets.stdout.trim()]).toEqual([1, 'no']);
    expect((await cluster.ok(['auth', 'can-i', 'list', 'pods', '-n', ns, `--as=${viewer}`])).trim()).toBe('yes');

    const list = await cluster.ok(['auth', 'can-i', '--list', '-n', ns, `--as=${viewer}`]);
    expect(list).toMatch(/^pods\s+\[\]\s+\[\]\s+\[get list watch\]$/m);
    expect(list).not.toMatch(/^\*\.\*/m);

    const whoami = JSON.parse(await cluster.ok(['auth', 'whoami', '-o', 'json', '--as=jane', '--as-group=devs']));
    expect(whoami.status.userInfo).toEqual({ username: 'jane', groups: ['devs', 'system:authenticated'] });
  });

  it('auth can-i --list shows a master the rules RBAC gives it, as a real API server does', async () => {
    // kube-apiserver lists rules from RBAC only: cluster-admin's (system:masters is bound to
    // it) and those of every authenticated user, not a bare "everything".
    const list = await cluster.ok(['auth', 'can-i', '--list']);
    expect(list).toMatch(/^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/m);
    expect(list).toMatch(/^selfsubjectaccessreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]$/m);
    expect(list).toMatch(/^\s+\[\/healthz\]\s+\[\]\s+\[get\]$/m);
  });

  it('a service account token allowed to create ClusterRoleBindings cannot bind cluster-admin', async () => {
    const ns = await newNamespace(cluster, 'bind');
    const creator = uniqueName('crb-creator');
    await cluster.ok(['create', 'serviceaccount', 'binder', '-n', ns]);
    await cluster.ok(['create', 'clusterrole', creator, '--verb=create', '--resource=clusterrolebindings']);
    await cluster.ok(['create', 'clusterrolebinding', creator, `--clusterrole=${creator}`, `--serviceaccount=${ns}:binder`]);
    const token = `--token=${(await cluster.ok(['create', 'token', 'binder', '-n', ns])).trim()}`;

    const name = uniqueName('take-over');
    const r = await cluster.run(['create', 'clusterrolebinding', name, '--clusterrole=cluster-admin', `--serviceaccount=${ns}:binder`, token]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      `clusterrolebindings.rbac.authorization.k8s.io "${name}" is forbidden: user "system:serviceaccount:${ns}:binder" ` +
        `(groups=["system:serviceaccounts" "system:serviceaccounts:${ns}" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n` +
        '{APIGroups:["*"], Resources:["*"], Verbs:["*"]}\n{NonResourceURLs:["*"], Verbs:["*"]}',
    );
    expect((await cluster.run(['get', 'clusterrolebinding', name])).code).not.toBe(0);
    const secrets = await cluster.run(['get', 'secrets', '-A', token]);
    expect(secrets.stderr).toContain('Error from server (Forbidden): secrets is forbidden');
  });
});
