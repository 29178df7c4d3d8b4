import type { ClusterRole } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../machinery/object';
import type { ResourceDef } from '../types';

import { printer } from './printer';
import { nameRule, strategy } from './strategy';

export const resource: ResourceDef<Kube<ClusterRole>> = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRole',
  plural: 'clusterroles',
  singular: 'clusterrole',
  namespaced: false,
  validateName: nameRule,
  strategy,
  printer,
};
