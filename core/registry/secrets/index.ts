import type { Secret } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { ResourceDef } from '../types';
import { printer } from './printer';
import { strategy } from './strategy';

export const resource: ResourceDef<Kube<Secret>> = {
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  singular: 'secret',
  namespaced: true,
  fields: {
    type: (o) => o.type ?? '',
  },
  strategy,
  printer,
};
