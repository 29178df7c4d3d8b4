import type { ClusterRole } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../apiserver/object';
import type { ResourceDef } from '../types';
import { isValidPathSegmentName } from '../validation/path-segment';
import { printer } from './printer';
import { strategy } from './strategy';

export const resource: ResourceDef<Kube<ClusterRole>> = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRole',
  plural: 'clusterroles',
  singular: 'clusterrole',
  namespaced: false,
  validateName: isValidPathSegmentName,
  strategy,
  printer,
};
