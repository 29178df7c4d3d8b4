// kubectl create rolebinding|clusterrolebinding NAME --clusterrole=NAME|--role=NAME
// [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname]
import { CommandError } from '../../command';
import type { FlagSpec } from '../../flags';
import { generatorCommand, type GeneratorContext } from './generator';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const SUBJECT_FLAGS: FlagSpec[] = [
  { name: 'user', type: 'stringArray' },
  { name: 'group', type: 'stringArray' },
  { name: 'serviceaccount', type: 'stringArray' },
];

function subjects(g: GeneratorContext): object[] {
  const f = g.ctx.flags;
  return [
    ...f.strings('user').map((name) => ({ kind: 'User', apiGroup: RBAC_GROUP, name })),
    ...f.strings('group').map((name) => ({ kind: 'Group', apiGroup: RBAC_GROUP, name })),
    ...f.strings('serviceaccount').map((sa) => {
      const parts = sa.split(':');
      if (parts.length !== 2 || !parts[0] || !parts[1]) throw new CommandError('serviceaccount must be <namespace>:<name>');
      return { kind: 'ServiceAccount', namespace: parts[0], name: parts[1] };
    }),
  ];
}

export const rolebinding = generatorCommand({
  name: 'rolebinding',
  short: 'Create a role binding for a particular role or cluster role',
  flags: [{ name: 'role', type: 'string' }, { name: 'clusterrole', type: 'string' }, ...SUBJECT_FLAGS],
  api: `/apis/${RBAC_GROUP}/v1`,
  resource: 'rolebindings',
  namespaced: true,
  failure: 'failed to create rolebinding: ',
  validate({ ctx }) {
    if (!ctx.flags.string('clusterrole') === !ctx.flags.string('role')) throw new CommandError('exactly one of clusterrole or role must be specified');
  },
  build(g) {
    const roleName = g.ctx.flags.string('role');
    const roleRef = roleName ? { apiGroup: RBAC_GROUP, kind: 'Role', name: roleName } : { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: g.ctx.flags.string('clusterrole') };
    const list = subjects(g);
    return { apiVersion: `${RBAC_GROUP}/v1`, kind: 'RoleBinding', metadata: { name: g.name, namespace: g.namespace }, subjects: list.length ? list : undefined, roleRef };
  },
});

export const clusterrolebinding = generatorCommand({
  name: 'clusterrolebinding',
  short: 'Create a cluster role binding for a particular cluster role',
  flags: [{ name: 'clusterrole', type: 'string' }, ...SUBJECT_FLAGS],
  required: ['clusterrole'],
  api: `/apis/${RBAC_GROUP}/v1`,
  resource: 'clusterrolebindings',
  namespaced: false,
  failure: 'failed to create clusterrolebinding: ',
  build(g) {
    const list = subjects(g);
    const roleRef = { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: g.ctx.flags.string('clusterrole') };
    return { apiVersion: `${RBAC_GROUP}/v1`, kind: 'ClusterRoleBinding', metadata: { name: g.name }, subjects: list.length ? list : undefined, roleRef };
  },
});
