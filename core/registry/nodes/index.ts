import type { Node } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { ResourceDef } from '../types';
import { printer } from './printer';
import { strategy } from './strategy';

export const resource: ResourceDef<Kube<Node>> = {
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  singular: 'node',
  namespaced: false,
  shortNames: ['no'],
  status: true,
  subresources: [
    { name: 'proxy', kind: 'NodeProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
  ],
  fields: {
    'spec.unschedulable': (o) => String(o.spec?.unschedulable ?? false),
  },
  strategy,
  printer,
};
