import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Kube } from '../../machinery/object';
import type { ResourceDef } from '../types';
import { printer } from './printer';
import { strategy } from './strategy';

export const resource: ResourceDef<Kube<DaemonSet>> = {
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  singular: 'daemonset',
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  status: true,
  generation: true,
  strategy,
  printer,
};
