import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterRole, ClusterRoleBinding, PolicyRule } from 'kubernetes-types/rbac/v1';
import { afterEach, describe, expect, it } from 'vitest';
import { uncoveredRules } from './apiserver/authz/rule-covers';
import { defaultClusterRoles } from './bootstrap-rbac';
import { startCluster } from './cluster';
import { AUTOUPDATE_ANNOTATION, reconcileClusterRole, reconcileClusterRoleBinding } from './rbac-reconcile';

const RBAC = 'rbac.authorization.k8s.io';
const read = (group: string, resources: string[]): PolicyRule => ({ apiGroups: [group], resources, verbs: ['get', 'list', 'watch'] });
const metricsRead = read('metrics.k8s.io', ['pods', 'nodes']);
const auto = (value: string) => ({ [AUTOUPDATE_ANNOTATION]: value });

describe('reconcileClusterRole', () => {
  const expected: ClusterRole = {
    metadata: { name: 'view', labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, annotations: auto('true') },
    aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } }] },
    rules: [read('', ['pods']), metricsRead],
  };

  it('adds missing rules, labels and aggregation selectors, keeping what a user added', () => {
    const userRule = read('example.com', ['widgets']);
    const userSelector = { matchLabels: { team: 'a' } };
    const existing: ClusterRole = {
      metadata: { name: 'view', labels: { mine: 'yes' }, annotations: auto('true') },
      aggregationRule: { clusterRoleSelectors: [userSelector] },
      rules: [read('', ['pods']), userRule],
    };
    const r = reconcileClusterRole(existing, expected);
    if (r.op !== 'update') throw new Error(`expected an update, got ${r.op}`);
    expect(r.object.metadata!.labels).toEqual({ mine: 'yes', 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' });
    expect(r.object.aggregationRule!.clusterRoleSelectors).toEqual([userSelector, ...expected.aggregationRule!.clusterRoleSelectors!]);
    expect(r.object.rules!.slice(0, 2)).toEqual(existing.rules);
    expect(uncoveredRules(r.object.rules!, [metricsRead])).toEqual([]);
    expect(existing.rules).toHaveLength(2);
  });

  it('changes nothing when the role already covers the expected one, or says autoupdate "false"', () => {
    expect(reconcileClusterRole({ ...expected, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] }, expected)).toEqual({ op: 'none' });
    const protectedRole: ClusterRole = { metadata: { name: 'view', annotations: auto('false') }, rules: [] };
    expect(reconcileClusterRole(protectedRole, expected)).toEqual({ op: 'none' });
  });

  it('keeps an existing label value that differs from the expected one', () => {
    const existing: ClusterRole = { ...expected, metadata: { ...expected.metadata, labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'false' } } };
    expect(reconcileClusterRole(existing, expected)).toEqual({ op: 'none' });
  });
});

describe('reconcileClusterRoleBinding', () => {
  const roleRef = { apiGroup: RBAC, kind: 'ClusterRole', name: 'system:discovery' };
  const group = (name: string) => ({ apiGroup: RBAC, kind: 'Group', name });
  const expected: ClusterRoleBinding = { metadata: { name: 'system:discovery', annotations: auto('true') }, roleRef, subjects: [group('system:authenticated')] };

  it('adds missing subjects and keeps extra ones', () => {
    const r = reconcileClusterRoleBinding({ ...expected, subjects: [group('team')] }, expected);
    expect(r).toMatchObject({ op: 'update', object: { subjects: [group('team'), group('system:authenticated')] } });
  });

  it('recreates a binding whose roleRef differs, and leaves a protected one alone', () => {
    const r = reconcileClusterRoleBinding({ ...expected, roleRef: { ...roleRef, name: 'view' } }, expected);
    expect(r).toMatchObject({ op: 'recreate', object: { roleRef } });
    expect(reconcileClusterRoleBinding({ ...expected, metadata: { name: 'x', annotations: auto('false') }, subjects: [] }, expected)).toEqual({ op: 'none' });
  });
});

describe('bootstrap RBAC reconciliation at start', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives an older data dir the metrics rules in view, keeps user rules, and leaves autoupdate "false" alone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wh-rbac-'));
    const userRule = read('example.com', ['widgets']);
    const withoutMetrics = (rules: PolicyRule[] = []) => rules.filter((r) => !r.apiGroups?.some((g) => g.startsWith('metrics.')));
    const first = await startCluster({ dataDir: dir, port: 0, components: 'none' });
    try {
      // What a data dir from before the metrics work holds, plus a user's own rule.
      const client = first.context.client('test', 'admin');
      await client.update<ClusterRole>(RBAC, 'clusterroles', undefined, 'view', (r) => {
        r.rules = [...withoutMetrics(r.rules), userRule];
      });
      await client.update<ClusterRole>(RBAC, 'clusterroles', undefined, 'edit', (r) => {
        r.metadata.annotations = { ...r.metadata.annotations, ...auto('false') };
        r.rules = withoutMetrics(r.rules);
      });
    } finally {
      await first.stop();
    }

    const second = await startCluster({ dataDir: dir, port: 0, components: 'none' });
    try {
      const role = (name: string) => second.registry.storeFor(RBAC, 'clusterroles')!.get(undefined, name).object as unknown as ClusterRole;
      const view = role('view');
      expect(uncoveredRules(view.rules!, defaultClusterRoles.find((r) => r.metadata!.name === 'view')!.rules!)).toEqual([]);
      expect(view.rules).toContainEqual(userRule);
      const edit = role('edit');
      expect(edit.metadata!.annotations![AUTOUPDATE_ANNOTATION]).toBe('false');
      expect(uncoveredRules(edit.rules!, [metricsRead])).not.toEqual([]);
    } finally {
      await second.stop();
    }
  });
});
