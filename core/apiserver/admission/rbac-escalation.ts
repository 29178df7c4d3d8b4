// RBAC escalation prevention on writes of Roles, ClusterRoles and their bindings (Kubernetes'
// policy-based RBAC storage). Without it, anyone allowed to create a binding could bind
// cluster-admin to themselves. A write may only grant what the writer holds, unless they have
// `escalate` on the role or `bind` on the role a binding names; system:masters may do anything.
// It runs on every create and update, so patch and server-side apply are covered too. Kubernetes
// checks in the storage layer, after mutating admission and before validation, so an escalating
// write that is also invalid is a 403, not a 422: this is a mutating step that must run last.
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { AdmissionRequest } from '../../registry/generic/resource-store';
import type { Kube, KubeObject } from '../../machinery/object';
import { deepEqual } from '../../machinery/json-value';
import { escalationError } from '../authz/escalation';
import type { RbacAuthorizer, RequestAttributes } from '../authz/rbac-authorizer';
import { rbacGroup } from '../../registry/rules/rbac';
import { goQuote } from '../../machinery/go-quote';
import { ApiError, forbidden, notFound } from '../../machinery/status';
import type { AdmissionPlugin } from './chain';

const ROLE_RESOURCES: Record<string, string | undefined> = { Role: 'roles', ClusterRole: 'clusterroles' };
const FULL_AUTHORITY: PolicyRule[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
  { nonResourceURLs: ['*'], verbs: ['*'] },
];

export function rbacEscalation(rbac: RbacAuthorizer): AdmissionPlugin {
  const allowed = (req: AdmissionRequest, attrs: Omit<RequestAttributes, 'resourceRequest'>) =>
    rbac.authorize(req.options.user, { ...attrs, resourceRequest: true }).allowed;
  const confirm = (req: AdmissionRequest, rules: PolicyRule[]) => {
    const why = escalationError(rbac, req.options.user, req.namespace, rules);
    if (why) throw forbidden(req.def, req.name, why);
  };

  const checkRole = (req: AdmissionRequest) => {
    // The name is the URL's, as in Kubernetes: only a POST has none; apply creates by a PATCH to a named URL.
    const postCreate = req.operation === 'CREATE' && !req.options.applied;
    const escalate = { verb: 'escalate', apiGroup: rbacGroup, resource: req.def.plural, namespace: req.namespace, name: postCreate ? undefined : req.name };
    if (allowed(req, escalate)) return;
    confirm(req, (req.object as Kube<Role | ClusterRole>).rules ?? []);
    // An aggregation rule can gather any rules, so it needs every permission.
    const aggregates = (o: KubeObject | undefined) => !!(o as Kube<ClusterRole> | undefined)?.aggregationRule?.clusterRoleSelectors?.length;
    if ((aggregates(req.object) || aggregates(req.old)) && escalationError(rbac, req.options.user, req.namespace, FULL_AUTHORITY)) {
      throw forbidden(req.def, req.name, 'must have cluster-admin privileges to use the aggregationRule');
    }
  };

  const checkBinding = (req: AdmissionRequest) => {
    // Not yet validated: the roleRef may be missing or name another kind.
    const ref = (req.object as Kube<RoleBinding | ClusterRoleBinding>).roleRef ?? { apiGroup: '', kind: '', name: '' };
    const roleResource = ROLE_RESOURCES[ref.kind];
    // Kubernetes' rule resolver fails with a plain error here, which the server sends as a 500.
    if (!roleResource) throw new ApiError(500, 'Unknown', `unsupported role reference kind: ${goQuote(ref.kind)}`);
    // The group is RBAC's own: roleRef.apiGroup is the writer's text, and validation has not run yet.
    if (allowed(req, { verb: 'bind', apiGroup: rbacGroup, resource: roleResource, namespace: req.namespace, name: ref.name })) return;
    const rules = rbac.roleRefRules(ref, req.namespace);
    if (!rules) throw notFound({ group: rbacGroup, plural: roleResource }, ref.name);
    confirm(req, rules);
  };

  return {
    name: 'RBACEscalation',
    mutate(req) {
      if (req.def.group !== rbacGroup || req.operation === 'DELETE') return;
      if (req.options.user.groups.includes('system:masters')) return;
      if (req.old && onlyGarbageCollectionFields(req.object, req.old)) return;
      if (req.def.plural === 'roles' || req.def.plural === 'clusterroles') checkRole(req);
      else if (req.def.plural === 'rolebindings' || req.def.plural === 'clusterrolebindings') checkBinding(req);
    },
  };
}

/**
 * Fields the garbage collector changes; changing only these needs no check (IsOnlyMutatingGCFields
 * ignores ownerReferences, finalizers and selfLink). managedFields too: this store records them
 * after admission (apply aside), so here they are the writer's copy, and they grant nothing.
 * resourceVersion is compared, as in Kubernetes: a PUT without one is checked in full.
 */
const GC_FIELDS = new Set(['ownerReferences', 'finalizers', 'selfLink', 'managedFields']);
const withoutGcFields = (o: KubeObject) => ({ ...o, metadata: Object.fromEntries(Object.entries(o.metadata).filter(([k]) => !GC_FIELDS.has(k))) });

function onlyGarbageCollectionFields(obj: KubeObject, old: KubeObject): boolean {
  return deepEqual(withoutGcFields(obj), withoutGcFields(old));
}
