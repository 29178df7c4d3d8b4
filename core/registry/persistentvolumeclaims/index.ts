import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { ResourceDef } from '../types';
import { printer } from './printer';
import { strategy } from './strategy';

export const resource: ResourceDef<Kube<PersistentVolumeClaim>> = {
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  singular: 'persistentvolumeclaim',
  namespaced: true,
  shortNames: ['pvc'],
  status: true,
  strategy,
  printer,
};
