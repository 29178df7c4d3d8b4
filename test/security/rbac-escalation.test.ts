// RBAC escalation prevention over HTTP: a user allowed to write roles or bindings may only grant
// what they hold, unless they have `escalate` (roles) or `bind` (the bound role), as in
// kube-apiserver. Covers create, update, merge patch and server-side apply of all four kinds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import { startCluster, type Cluster } from '../../core/cluster';
import { api, type ApiResponse, type ApiTarget } from '../support/api-client';

const RBAC = '/apis/rbac.authorization.k8s.io/v1';
const NS = 'team';
const SA_GROUPS = `["system:serviceaccounts" "system:serviceaccounts:${NS}" "system:authenticated"]`;
const NOT_HELD = 'is attempting to grant RBAC permissions not currently held:';

let cluster: Cluster;
let admin: ApiTarget;
let dir: string;
const tokens: Record<string, string> = {};

const role = (name: string, rules: PolicyRule[], namespace = NS): Role => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name, namespace }, rules });
const clusterRole = (name: string, rules: PolicyRule[]): ClusterRole => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules });
const ref = (kind: 'Role' | 'ClusterRole', name: string) => ({ apiGroup: 'rbac.authorization.k8s.io', kind, name });
const saSubject = (name: string) => [{ kind: 'ServiceAccount', name, namespace: NS }];
const roleBinding = (name: string, kind: 'Role' | 'ClusterRole', roleName: string, sa: string): RoleBinding => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name, namespace: NS },
  roleRef: ref(kind, roleName),
  subjects: saSubject(sa),
});
const clusterRoleBinding = (name: string, roleName: string, sa: string): ClusterRoleBinding => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRoleBinding',
  metadata: { name },
  roleRef: ref('ClusterRole', roleName),
  subjects: saSubject(sa),
});

async function ok(method: string, path: string, body?: object): Promise<ApiResponse> {
  const r = await api(admin, method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
  return r;
}

/** A ServiceAccount in NS given rules there (Role) and cluster-wide (ClusterRole), with a token. */
async function serviceAccount(name: string, rules: { namespaced?: PolicyRule[]; cluster?: PolicyRule[] }): Promise<void> {
  await ok('POST', `/api/v1/namespaces/${NS}/serviceaccounts`, { metadata: { name } });
  if (rules.namespaced) {
    await ok('POST', `${RBAC}/namespaces/${NS}/roles`, role(`${name}-rules`, rules.namespaced));
    await ok('POST', `${RBAC}/namespaces/${NS}/rolebindings`, roleBinding(`${name}-rules`, 'Role', `${name}-rules`, name));
  }
  if (rules.cluster) {
    await ok('POST', `${RBAC}/clusterroles`, clusterRole(`${name}-rules`, rules.cluster));
    await ok('POST', `${RBAC}/clusterrolebindings`, clusterRoleBinding(`${name}-rules`, `${name}-rules`, name));
  }
  const t = await ok('POST', `/api/v1/namespaces/${NS}/serviceaccounts/${name}/token`, { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} });
  tokens[name] = t.json.status.token as string;
}

const as = (sa: string, method: string, path: string, body?: object, headers: Record<string, string> = {}) => api(admin, method, path, body, headers, { token: tokens[sa] });

function expectForbidden(r: ApiResponse, message: string, details: { name: string; kind: string }): void {
  expect(r.status).toBe(403);
  expect(r.json).toEqual({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Forbidden',
    details: { ...details, group: 'rbac.authorization.k8s.io' },
    code: 403,
  });
}

const notHeld = (sa: string, ...missing: string[]) => `user "system:serviceaccount:${NS}:${sa}" (groups=${SA_GROUPS}) ${NOT_HELD}\n${missing.join('\n')}`;
const CLUSTER_ADMIN_RULES = ['{APIGroups:["*"], Resources:["*"], Verbs:["*"]}', '{NonResourceURLs:["*"], Verbs:["*"]}'];
const WRITE_RBAC: PolicyRule = { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: ['create', 'get', 'update', 'patch'] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wh-rbac-'));
  cluster = await startCluster({ dataDir: dir, port: 0, storage: 'memory', components: 'none' });
  admin = { url: cluster.url, caPem: cluster.caPem, token: cluster.token };
  await ok('POST', '/api/v1/namespaces', { metadata: { name: NS } });
  await ok('POST', `/api/v1/namespaces/${NS}/secrets`, { metadata: { name: 'db' }, stringData: { password: 'x' } });
  await ok('POST', `${RBAC}/namespaces/${NS}/roles`, role('cm-reader', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]));
  await serviceAccount('binder', { cluster: [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterrolebindings'], verbs: ['create', 'patch'] }] });
  await serviceAccount('ns-admin', { namespaced: [WRITE_RBAC, { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }] });
  await serviceAccount('delegate', {
    namespaced: [WRITE_RBAC, { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind'], resourceNames: ['admin'] }],
  });
  await serviceAccount('escalator', { namespaced: [WRITE_RBAC, { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['escalate'] }] });
  await serviceAccount('named-escalator', {
    namespaced: [WRITE_RBAC, { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['escalate'], resourceNames: ['by-name'] }],
  });
  await serviceAccount('admin-binder', {
    namespaced: [WRITE_RBAC, { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind'], resourceNames: ['cluster-admin'] }],
  });
  await serviceAccount('role-writer', { cluster: [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['create', 'update'] }] });
});

afterAll(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('binding escalation', () => {
  it('a service account allowed only to write ClusterRoleBindings cannot bind itself to cluster-admin', async () => {
    const r = await as('binder', 'POST', `${RBAC}/clusterrolebindings`, clusterRoleBinding('take-over', 'cluster-admin', 'binder'));
    expectForbidden(r, `clusterrolebindings.rbac.authorization.k8s.io "take-over" is forbidden: ${notHeld('binder', ...CLUSTER_ADMIN_RULES)}`, {
      name: 'take-over',
      kind: 'clusterrolebindings',
    });
    expect((await api(admin, 'GET', `${RBAC}/clusterrolebindings/take-over`)).status).toBe(404);
    expect((await as('binder', 'GET', `/api/v1/namespaces/${NS}/secrets`)).status).toBe(403);
  });

  it('in a namespace, a RoleBinding to a role with more than the writer holds is refused', async () => {
    const r = await as('ns-admin', 'POST', `${RBAC}/namespaces/${NS}/rolebindings`, roleBinding('grab', 'ClusterRole', 'cluster-admin', 'ns-admin'));
    expectForbidden(r, `rolebindings.rbac.authorization.k8s.io "grab" is forbidden: ${notHeld('ns-admin', ...CLUSTER_ADMIN_RULES)}`, { name: 'grab', kind: 'rolebindings' });
  });

  it('binding a role whose permissions the writer holds is allowed', async () => {
    const r = await as('ns-admin', 'POST', `${RBAC}/namespaces/${NS}/rolebindings`, roleBinding('readers', 'Role', 'cm-reader', 'ns-admin'));
    expect(r.status).toBe(201);
  });

  it('`bind` on the named role allows binding it, and only it', async () => {
    const allowed = await as('delegate', 'POST', `${RBAC}/namespaces/${NS}/rolebindings`, roleBinding('admins', 'ClusterRole', 'admin', 'delegate'));
    expect(allowed.status).toBe(201);
    const refused = await as('delegate', 'POST', `${RBAC}/namespaces/${NS}/rolebindings`, roleBinding('admins2', 'ClusterRole', 'cluster-admin', 'delegate'));
    expect(refused.status).toBe(403);
  });

  it('a patch of a binding is checked too: its role must still be within the writer', async () => {
    // roleRef cannot change, so the check is of the role already bound: ns-admin may not take over a cluster-admin binding.
    await ok('POST', `${RBAC}/namespaces/${NS}/rolebindings`, roleBinding('strong', 'ClusterRole', 'cluster-admin', 'escalator'));
    const patched = await as('ns-admin', 'PATCH', `${RBAC}/namespaces/${NS}/rolebindings/strong`, { subjects: saSubject('ns-admin') }, { 'Content-Type': 'application/merge-patch+json' });
    expect(patched.status).toBe(403);
    expect(patched.json.message).toContain(NOT_HELD);
  });

  it('a binding to a missing role is NotFound', async () => {
    const r = await as('ns-admin', 'POST', `${RBAC}/namespaces/${NS}/rolebindings`, roleBinding('ghost', 'Role', 'nowhere', 'ns-admin'));
    expect(r.status).toBe(404);
    expect(r.json.message).toBe('roles.rbac.authorization.k8s.io "nowhere" not found');
  });
});

describe('role escalation', () => {
  const secretsRule: PolicyRule = { apiGroups: [''], resources: ['secrets'], verbs: ['get'] };

  it('a Role granting what the writer lacks is refused, listing what is missing', async () => {
    const r = await as('ns-admin', 'POST', `${RBAC}/namespaces/${NS}/roles`, role('peek', [secretsRule, { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]));
    expectForbidden(r, `roles.rbac.authorization.k8s.io "peek" is forbidden: ${notHeld('ns-admin', '{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}')}`, {
      name: 'peek',
      kind: 'roles',
    });
  });

  it('update, merge patch and server-side apply that add permissions are refused; what the writer holds is allowed', async () => {
    const path = `${RBAC}/namespaces/${NS}/roles/mine`;
    expect((await as('ns-admin', 'POST', `${RBAC}/namespaces/${NS}/roles`, role('mine', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]))).status).toBe(201);
    const current = (await as('ns-admin', 'GET', path)).json as Role;
    expect((await as('ns-admin', 'PUT', path, { ...current, rules: [secretsRule] })).status).toBe(403);
    expect((await as('ns-admin', 'PATCH', path, { rules: [secretsRule] }, { 'Content-Type': 'application/merge-patch+json' })).status).toBe(403);
    const applied = await as('ns-admin', 'PATCH', `${path}?fieldManager=t&force=true`, role('mine', [secretsRule]), { 'Content-Type': 'application/apply-patch+yaml' });
    expect(applied.status).toBe(403);
    expect(applied.json.message).toContain(NOT_HELD);
    const listAdded = await as('ns-admin', 'PATCH', path, { rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }] }, { 'Content-Type': 'application/merge-patch+json' });
    expect(listAdded.status).toBe(200);
    expect(((await api(admin, 'GET', path)).json as Role).rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }]);
  });

  it('`escalate` on roles allows granting anything', async () => {
    expect((await as('escalator', 'POST', `${RBAC}/namespaces/${NS}/roles`, role('wide', [secretsRule]))).status).toBe(201);
  });

  it('a ClusterRole beyond the writer is refused, and an aggregationRule needs cluster-admin', async () => {
    const wide = await as('role-writer', 'POST', `${RBAC}/clusterroles`, clusterRole('wide', [secretsRule]));
    expect(wide.status).toBe(403);
    expect(wide.json.message).toBe(`clusterroles.rbac.authorization.k8s.io "wide" is forbidden: ${notHeld('role-writer', '{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}')}`);
    const aggregated = { ...clusterRole('gathers', []), aggregationRule: { clusterRoleSelectors: [{ matchLabels: { gather: 'yes' } }] } };
    const r = await as('role-writer', 'POST', `${RBAC}/clusterroles`, aggregated);
    expectForbidden(r, 'clusterroles.rbac.authorization.k8s.io "gathers" is forbidden: must have cluster-admin privileges to use the aggregationRule', {
      name: 'gathers',
      kind: 'clusterroles',
    });
  });

  it('system:masters may grant anything', async () => {
    expect((await api(admin, 'POST', `${RBAC}/clusterroles`, clusterRole('anything', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]))).status).toBe(201);
  });
});

const APPLY = { 'Content-Type': 'application/apply-patch+yaml' };
const MERGE = { 'Content-Type': 'application/merge-patch+json' };
const applyPath = (path: string) => `${path}?fieldManager=t`;

describe('every way of writing is checked', () => {
  it('a dry-run create is refused as a real one', async () => {
    const r = await as('ns-admin', 'POST', `${RBAC}/namespaces/${NS}/rolebindings?dryRun=All`, roleBinding('dry', 'ClusterRole', 'cluster-admin', 'ns-admin'));
    expectForbidden(r, `rolebindings.rbac.authorization.k8s.io "dry" is forbidden: ${notHeld('ns-admin', ...CLUSTER_ADMIN_RULES)}`, { name: 'dry', kind: 'rolebindings' });
  });

  it('server-side apply creating an escalating Role or a binding to cluster-admin is refused', async () => {
    const rolePath = `${RBAC}/namespaces/${NS}/roles/applied-wide`;
    const r = await as('ns-admin', 'PATCH', applyPath(rolePath), role('applied-wide', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }]), APPLY);
    expectForbidden(r, `roles.rbac.authorization.k8s.io "applied-wide" is forbidden: ${notHeld('ns-admin', '{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}')}`, {
      name: 'applied-wide',
      kind: 'roles',
    });
    const bindingPath = `${RBAC}/clusterrolebindings/applied-admin`;
    const b = await as('binder', 'PATCH', applyPath(bindingPath), clusterRoleBinding('applied-admin', 'cluster-admin', 'binder'), APPLY);
    expectForbidden(b, `clusterrolebindings.rbac.authorization.k8s.io "applied-admin" is forbidden: ${notHeld('binder', ...CLUSTER_ADMIN_RULES)}`, {
      name: 'applied-admin',
      kind: 'clusterrolebindings',
    });
    expect((await api(admin, 'GET', rolePath)).status).toBe(404);
    expect((await api(admin, 'GET', bindingPath)).status).toBe(404);
  });

  it('escalate and bind limited by resourceNames allow a server-side apply create of that name (a POST has no name)', async () => {
    const secrets = [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }];
    expect((await as('named-escalator', 'POST', `${RBAC}/namespaces/${NS}/roles`, role('by-name', secrets))).status).toBe(403);
    expect((await as('named-escalator', 'PATCH', applyPath(`${RBAC}/namespaces/${NS}/roles/by-name`), role('by-name', secrets), APPLY)).status).toBe(201);
    expect((await as('named-escalator', 'PATCH', applyPath(`${RBAC}/namespaces/${NS}/roles/other-name`), role('other-name', secrets), APPLY)).status).toBe(403);
    const bound = await as('delegate', 'PATCH', applyPath(`${RBAC}/namespaces/${NS}/rolebindings/applied-admins`), roleBinding('applied-admins', 'ClusterRole', 'admin', 'delegate'), APPLY);
    expect(bound.status).toBe(201);
  });

  it('bind is asked of the RBAC group, whatever group the roleRef names', async () => {
    // With bind on cluster-admin, a mistyped roleRef.apiGroup is a validation error (422), not a failed bind check (403).
    const binding = roleBinding('odd-group', 'ClusterRole', 'cluster-admin', 'admin-binder');
    const r = await as('admin-binder', 'POST', `${RBAC}/namespaces/${NS}/rolebindings`, { ...binding, roleRef: { ...binding.roleRef, apiGroup: 'example.com' } });
    expect(r.status).toBe(422);
    expect(r.json.message).toContain('roleRef.apiGroup');
  });

  it('the admin acting as a limited service account is checked as that account', async () => {
    const headers = { 'Impersonate-User': `system:serviceaccount:${NS}:binder` };
    const r = await api(admin, 'POST', `${RBAC}/clusterrolebindings`, clusterRoleBinding('as-binder', 'cluster-admin', 'binder'), headers);
    expectForbidden(r, `clusterrolebindings.rbac.authorization.k8s.io "as-binder" is forbidden: ${notHeld('binder', ...CLUSTER_ADMIN_RULES)}`, {
      name: 'as-binder',
      kind: 'clusterrolebindings',
    });
  });
});

describe('what needs no check, and what is checked first', () => {
  const path = `${RBAC}/namespaces/${NS}/rolebindings/gc-target`;

  it('changing only finalizers or ownerReferences of a cluster-admin binding is allowed; a label change is not', async () => {
    await ok('POST', `${RBAC}/namespaces/${NS}/rolebindings`, roleBinding('gc-target', 'ClusterRole', 'cluster-admin', 'escalator'));
    const finalized = await as('ns-admin', 'PATCH', path, { metadata: { finalizers: ['example.com/keep'] } }, MERGE);
    expect(finalized.status).toBe(200);
    const owner = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '6b1a2c9e-0000-4000-8000-000000000001' };
    const owned = await as('ns-admin', 'PATCH', path, { metadata: { ownerReferences: [owner], finalizers: null } }, MERGE);
    expect(owned.status).toBe(200);
    expect((owned.json as RoleBinding).metadata?.ownerReferences).toEqual([owner]);
    const labelled = await as('ns-admin', 'PATCH', path, { metadata: { labels: { team: 'x' } } }, MERGE);
    expect(labelled.status).toBe(403);
    expect(labelled.json.message).toContain(NOT_HELD);
  });

  it('a PUT without a resourceVersion is checked in full, as Kubernetes compares it', async () => {
    const current = (await api(admin, 'GET', path)).json as RoleBinding;
    const { resourceVersion: _rv, ...metadata } = current.metadata!;
    const r = await as('ns-admin', 'PUT', path, { ...current, metadata: { ...metadata, finalizers: ['example.com/other'] } });
    expect(r.status).toBe(403);
    const withVersion = await as('ns-admin', 'PUT', path, { ...current, metadata: { ...current.metadata, finalizers: ['example.com/other'] } });
    expect(withVersion.status).toBe(200);
  });

  it('an escalating object that is also invalid is refused for escalation (403) before validation (422)', async () => {
    const badLabels = { labels: { 'not a label!': 'x' } };
    const wideRole = role('wide-and-invalid', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }]);
    const r = await as('ns-admin', 'POST', `${RBAC}/namespaces/${NS}/roles`, { ...wideRole, metadata: { ...wideRole.metadata, ...badLabels } });
    expectForbidden(r, `roles.rbac.authorization.k8s.io "wide-and-invalid" is forbidden: ${notHeld('ns-admin', '{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}')}`, {
      name: 'wide-and-invalid',
      kind: 'roles',
    });
    const binding = roleBinding('admin-and-invalid', 'ClusterRole', 'cluster-admin', 'ns-admin');
    const b = await as('ns-admin', 'POST', `${RBAC}/namespaces/${NS}/rolebindings`, { ...binding, subjects: [{ kind: 'Robot', name: 'r2' }] });
    expect(b.status).toBe(403);
    // The same invalid objects from a writer who holds enough are a 422.
    expect((await api(admin, 'POST', `${RBAC}/namespaces/${NS}/roles`, { ...wideRole, metadata: { ...wideRole.metadata, ...badLabels } })).status).toBe(422);
  });

  it('a binding whose roleRef kind is neither Role nor ClusterRole fails as in Kubernetes, before validation', async () => {
    const binding = { ...roleBinding('odd-kind', 'Role', 'x', 'ns-admin'), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Robot', name: 'x' } };
    const r = await as('ns-admin', 'POST', `${RBAC}/namespaces/${NS}/rolebindings`, binding);
    expect(r.status).toBe(500);
    expect(r.json).toMatchObject({ reason: 'Unknown', message: 'unsupported role reference kind: "Robot"' });
  });
});
