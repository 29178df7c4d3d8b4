import type { RoleBinding } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../machinery/object';
import type { ResourceDef } from '../types';

import { printer } from './printer';
import { nameRule, strategy } from './strategy';

export const resource: ResourceDef<Kube<RoleBinding>> = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'RoleBinding',
  plural: 'rolebindings',
  singular: 'rolebinding',
  namespaced: true,
  validateName: nameRule,
  strategy,
  printer,
};
