// RBAC escalation prevention on writes of Roles, ClusterRoles and their bindings (Kubernetes'
// policy-based RBAC storage). Without it, anyone allowed to create a binding could bind
// cluster-admin to themselves. A write may only grant what the writer holds, unless they have
// `escalate` on the role or `bind` on the role a binding names; system:masters may do anything.
// It runs on every create and update, so patch and server-side apply are covered too.
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { AdmissionRequest } from '../../registry/generic/resource-store';
import type { Kube, KubeObject } from '../object';
import { deepEqual } from '../patch/json-value';
import { escalationError } from '../authz/escalation';
import type { RbacAuthorizer, RequestAttributes } from '../authz/rbac-authorizer';
import { forbidden, notFound } from '../status';
import type { AdmissionPlugin } from './chain';

const GROUP = 'rbac.authorization.k8s.io';
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
    // The name is the URL's: a create (POST) has none, as in Kubernetes.
    const escalate = { verb: 'escalate', apiGroup: GROUP, resource: req.def.plural, namespace: req.namespace, name: req.operation === 'UPDATE' ? req.name : undefined };
    if (allowed(req, escalate)) return;
    confirm(req, (req.object as Kube<Role | ClusterRole>).rules ?? []);
    // An aggregation rule can gather any rules, so it needs every permission.
    const aggregates = (o: KubeObject | undefined) => !!(o as Kube<ClusterRole> | undefined)?.aggregationRule?.clusterRoleSelectors?.length;
    if ((aggregates(req.object) || aggregates(req.old)) && escalationError(rbac, req.options.user, req.namespace, FULL_AUTHORITY)) {
      throw forbidden(req.def, req.name, 'must have cluster-admin privileges to use the aggregationRule');
    }
  };

  const checkBinding = (req: AdmissionRequest) => {
    const ref = (req.object as Kube<RoleBinding | ClusterRoleBinding>).roleRef;
    const roleResource = ref.kind === 'ClusterRole' ? 'clusterroles' : 'roles';
    if (allowed(req, { verb: 'bind', apiGroup: ref.apiGroup, resource: roleResource, namespace: req.namespace, name: ref.name })) return;
    const rules = rbac.roleRefRules(ref, req.namespace);
    if (!rules) throw notFound({ group: GROUP, plural: roleResource }, ref.name);
    confirm(req, rules);
  };

  return {
    name: 'RBACEscalation',
    validate(req) {
      if (req.def.group !== GROUP || req.operation === 'DELETE') return;
      if (req.options.user.groups.includes('system:masters')) return;
      if (req.old && onlyGarbageCollectionFields(req.object, req.old)) return;
      if (req.def.plural === 'roles' || req.def.plural === 'clusterroles') checkRole(req);
      else if (req.def.plural === 'rolebindings' || req.def.plural === 'clusterrolebindings') checkBinding(req);
    },
  };
}

/** Fields the garbage collector changes; changing only these needs no check (IsOnlyMutatingGCFields). */
const GC_FIELDS = new Set(['ownerReferences', 'finalizers', 'managedFields', 'resourceVersion']);
const withoutGcFields = (o: KubeObject) => ({ ...o, metadata: Object.fromEntries(Object.entries(o.metadata).filter(([k]) => !GC_FIELDS.has(k))) });

function onlyGarbageCollectionFields(obj: KubeObject, old: KubeObject): boolean {
  return deepEqual(withoutGcFields(obj), withoutGcFields(old));
}
