import type { Role } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../apiserver/object';
import type { ResourceDef } from '../types';
import { isValidPathSegmentName } from '../validation/path-segment';
import { printer } from './printer';
import { strategy } from './strategy';

export const resource: ResourceDef<Kube<Role>> = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'Role',
  plural: 'roles',
  singular: 'role',
  namespaced: true,
  validateName: isValidPathSegmentName,
  strategy,
  printer,
};
