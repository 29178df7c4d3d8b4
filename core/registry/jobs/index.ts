import type { Job } from 'kubernetes-types/batch/v1';
import type { Kube } from '../../machinery/object';
import type { ResourceDef } from '../types';
import { printer } from './printer';
import { strategy } from './strategy';

export const resource: ResourceDef<Kube<Job>> = {
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
  singular: 'job',
  namespaced: true,
  categories: ['all'],
  status: true,
  generation: true,
  fields: {
    'status.successful': (o) => String(o.status?.succeeded ?? 0),
  },
  strategy,
  printer,
};
