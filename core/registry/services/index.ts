import type { Service } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { ResourceDef } from '../types';
import { isDNS1035Label } from '../../machinery/names';
import { printer } from './printer';
import { strategy } from './strategy';

export const resource: ResourceDef<Kube<Service>> = {
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  singular: 'service',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  status: true,
  subresources: [
    { name: 'proxy', kind: 'ServiceProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
  ],
  fields: {
    'spec.clusterIP': (o) => o.spec?.clusterIP ?? '',
    'spec.type': (o) => o.spec?.type ?? '',
  },
  validateName: isDNS1035Label,
  strategy,
  printer,
};
