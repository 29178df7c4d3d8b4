// kubectl get nodes: STATUS ("Ready,SchedulingDisabled"), ROLES, AGE, VERSION; wide: INTERNAL-IP,
// EXTERNAL-IP, OS-IMAGE, KERNEL-VERSION, CONTAINER-RUNTIME.
import type { Node } from 'kubernetes-types/core/v1';
import type { Printer } from '../types';
import type { Kube } from '../../machinery/object';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { NONE } from '../printing/format';

const rolePrefix = 'node-role.kubernetes.io/';
const roleLabel = 'kubernetes.io/role';

/** Roles from node-role.kubernetes.io/<role> label keys and the kubernetes.io/role value, sorted. */
export function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(rolePrefix)) {
      const role = k.slice(rolePrefix.length);
      if (role) roles.add(role);
    } else if (k === roleLabel && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

/** The STATUS cell: the Ready condition, then SchedulingDisabled when cordoned. */
export function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

const address = (node: Node, type: string) => node.status?.addresses?.find((a) => a.type === type)?.address ?? NONE;

export const printer: Printer<Kube<Node>> = {
  columns: [
    nameColumn,
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    ageColumn,
    column('Version', 'string', doc.kubeletVersion),
    column('Internal-IP', 'string', doc.nodeAddresses, { priority: 1 }),
    column('External-IP', 'string', doc.nodeAddresses, { priority: 1 }),
    column('OS-Image', 'string', doc.osImage, { priority: 1 }),
    column('Kernel-Version', 'string', doc.kernelVersion, { priority: 1 }),
    column('Container-Runtime', 'string', doc.containerRuntimeVersion, { priority: 1 }),
  ],
  cells(node, now) {
    const info = node.status?.nodeInfo;
    return [
      node.metadata.name ?? '',
      nodeStatus(node),
      nodeRoles(node.metadata.labels).join(',') || NONE,
      age(node, now),
      info?.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};
