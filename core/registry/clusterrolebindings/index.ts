import type { ClusterRoleBinding } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../machinery/object';
import type { ResourceDef } from '../types';

import { printer } from './printer';
import { nameRule, strategy } from './strategy';

export const resource: ResourceDef<Kube<ClusterRoleBinding>> = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  singular: 'clusterrolebinding',
  namespaced: false,
  validateName: nameRule,
  strategy,
  printer,
};
