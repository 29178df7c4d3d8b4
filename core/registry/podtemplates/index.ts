import type { PodTemplate } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { ResourceDef } from '../types';
import { printer } from './printer';
import { strategy } from './strategy';

export const resource: ResourceDef<Kube<PodTemplate>> = {
  group: '',
  version: 'v1',
  kind: 'PodTemplate',
  plural: 'podtemplates',
  singular: 'podtemplate',
  namespaced: true,
  strategy,
  printer,
};
