// Impersonation over HTTP (Impersonate-User, -Group, -Uid, -Extra-*): the request runs, and is
// authorised, as the impersonated user, once the real user is allowed to impersonate each part.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../core/cluster';
import { api, type ApiResponse, type ApiTarget } from '../support/api-client';

const NS = 'imp';
const VIEWER = `system:serviceaccount:${NS}:viewer`;

let cluster: Cluster;
let admin: ApiTarget;
let dir: string;
const tokens: Record<string, string> = {};

async function ok(method: string, path: string, body?: object): Promise<ApiResponse> {
  const r = await api(admin, method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
  return r;
}

/** A ServiceAccount in NS bound to a default ClusterRole there, with a token. */
async function serviceAccount(name: string, clusterRole: string): Promise<void> {
  await ok('POST', `/api/v1/namespaces/${NS}/serviceaccounts`, { metadata: { name } });
  await ok('POST', `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings`, {
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRole },
    subjects: [{ kind: 'ServiceAccount', name, namespace: NS }],
  });
  const t = await ok('POST', `/api/v1/namespaces/${NS}/serviceaccounts/${name}/token`, { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} });
  tokens[name] = t.json.status.token as string;
}

const review = (kind: string, group: string, spec: object, headers: Record<string, string>, token?: string) =>
  api(admin, 'POST', `/apis/${group}/v1/${kind.toLowerCase()}s`, { apiVersion: `${group}/v1`, kind, spec }, headers, { token });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wh-imp-'));
  cluster = await startCluster({ dataDir: dir, port: 0, storage: 'memory', components: 'none' });
  admin = { url: cluster.url, caPem: cluster.caPem, token: cluster.token };
  await ok('POST', '/api/v1/namespaces', { metadata: { name: NS } });
  await ok('POST', '/api/v1/namespaces', { metadata: { name: 'other' } });
  await serviceAccount('viewer', 'view');
  await serviceAccount('editor', 'edit');
});

afterAll(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('impersonation', () => {
  it('the admin acting as a viewer is authorised as the viewer', async () => {
    const secrets = await api(admin, 'GET', `/api/v1/namespaces/${NS}/secrets`, undefined, { 'Impersonate-User': VIEWER });
    expect(secrets.status).toBe(403);
    expect(secrets.json).toMatchObject({
      reason: 'Forbidden',
      message: `secrets is forbidden: User "${VIEWER}" cannot list resource "secrets" in API group "" in the namespace "${NS}"`,
      details: { kind: 'secrets' },
    });
    expect((await api(admin, 'GET', `/api/v1/namespaces/${NS}/pods`, undefined, { 'Impersonate-User': VIEWER })).status).toBe(200);
  });

  it('the review APIs answer for the impersonated user', async () => {
    const headers = { 'Impersonate-User': 'jane', 'Impersonate-Group': 'devs', 'Impersonate-Uid': 'u-42', 'Impersonate-Extra-Scopes': 'read' };
    const whoami = await review('SelfSubjectReview', 'authentication.k8s.io', {}, headers);
    expect(whoami.json.status.userInfo).toEqual({ username: 'jane', uid: 'u-42', groups: ['devs', 'system:authenticated'], extra: { scopes: ['read'] } });
    const canI = await review('SelfSubjectAccessReview', 'authorization.k8s.io', { resourceAttributes: { namespace: NS, verb: 'get', resource: 'secrets' } }, { 'Impersonate-User': VIEWER });
    expect(canI.json.status.allowed).toBe(false);
    const rules = await review('SelfSubjectRulesReview', 'authorization.k8s.io', { namespace: NS }, { 'Impersonate-User': VIEWER });
    const resources = (rules.json.status.resourceRules as Array<{ resources: string[] }>).flatMap((r) => r.resources);
    expect(resources).toContain('pods');
    expect(resources).not.toContain('*');
    expect(resources).not.toContain('secrets');
  });

  it('a user without impersonate is refused, in the real API server words', async () => {
    const r = await api(admin, 'GET', `/api/v1/namespaces/${NS}/pods`, undefined, { 'Impersonate-User': 'jane' }, { token: tokens.viewer });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({
      reason: 'Forbidden',
      message: `users "jane" is forbidden: User "${VIEWER}" cannot impersonate resource "users" in API group "" at the cluster scope`,
      details: { name: 'jane', kind: 'users' },
    });
  });

  it('edit may impersonate service accounts of its namespace only', async () => {
    const inNs = await api(admin, 'GET', `/api/v1/namespaces/${NS}/pods`, undefined, { 'Impersonate-User': VIEWER }, { token: tokens.editor });
    expect(inNs.status).toBe(200);
    const elsewhere = await api(admin, 'GET', '/api/v1/namespaces/other/pods', undefined, { 'Impersonate-User': 'system:serviceaccount:other:default' }, { token: tokens.editor });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.json.message).toBe(
      `serviceaccounts "default" is forbidden: User "system:serviceaccount:${NS}:editor" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "other"`,
    );
  });

  it('Impersonate-Group without Impersonate-User is a 400', async () => {
    const r = await api(admin, 'GET', `/api/v1/namespaces/${NS}/pods`, undefined, { 'Impersonate-Group': 'system:masters' });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: 'requested [{Group  system:masters    }] without impersonating a user' });
  });

  it('Impersonate-Uid without Impersonate-User is a 400', async () => {
    const r = await api(admin, 'GET', `/api/v1/namespaces/${NS}/pods`, undefined, { 'Impersonate-Uid': 'u-42' });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: 'requested [{UID  u-42  authentication.k8s.io/v1  }] without impersonating a user' });
  });

  it('a denied path request has empty details, as kube-apiserver answers', async () => {
    const r = await api(admin, 'GET', '/metrics', undefined, { 'Impersonate-User': VIEWER });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `forbidden: User "${VIEWER}" cannot get path "/metrics"`,
      reason: 'Forbidden',
      details: {},
      code: 403,
    });
  });
});
