import type { ClusterRoleBinding } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../apiserver/object';
import type { ResourceDef } from '../types';
import { isValidPathSegmentName } from '../validation/path-segment';
import { printer } from './printer';
import { strategy } from './strategy';

export const resource: ResourceDef<Kube<ClusterRoleBinding>> = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  singular: 'clusterrolebinding',
  namespaced: false,
  validateName: isValidPathSegmentName,
  strategy,
  printer,
};
