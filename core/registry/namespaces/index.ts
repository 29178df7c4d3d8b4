import type { Namespace } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { ResourceDef } from '../types';
import { isDNS1123Label } from '../../machinery/names';
import { printer } from './printer';
import { strategy } from './strategy';

export const resource: ResourceDef<Kube<Namespace>> = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  singular: 'namespace',
  namespaced: false,
  shortNames: ['ns'],
  status: true,
  subresources: [
    // The namespace controller clears spec.finalizers through it once the namespace is empty.
    { name: 'finalize', kind: 'Namespace', verbs: ['update'], writes: ['spec'] },
  ],
  fields: {
    'status.phase': (o) => o.status?.phase ?? '',
  },
  validateName: isDNS1123Label,
  strategy: {
    ...strategy,
    // The namespace controller empties the namespace, then clears spec.finalizers via /finalize.
    deletionBlocked: (ns) => (ns.spec?.finalizers?.length ?? 0) > 0,
    prepareForDelete: (ns) => {
      ns.status = { ...ns.status, phase: 'Terminating' };
    },
  },
  printer,
};
