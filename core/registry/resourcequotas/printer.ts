// kubectl get resourcequotas: REQUEST and LIMIT ("cpu: 100m/1, pods: 2/10"), AGE.
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { age } from '../../machinery/human-duration';
import { quantity } from '../printing/format';

/** used/hard per resource, sorted; "limits.*" resources go to the second cell. */
export function quotaCells(rq: ResourceQuota): [string, string] {
  const hard = rq.status?.hard ?? {};
  const used = rq.status?.used ?? {};
  const requests: string[] = [];
  const limits: string[] = [];
  for (const name of Object.keys(hard).sort()) {
    const parts = name.split('.');
    const target = parts.length > 1 && parts[0] === 'limits' ? limits : requests;
    target.push(`${name}: ${quantity(used[name])}/${quantity(hard[name])}`);
  }
  return [requests.join(', '), limits.join(', ')];
}

export const printer: Printer<Kube<ResourceQuota>> = {
  columns: [
    nameColumn,
    column('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column(
      'Limit',
      'string',
      'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
    ),
    ageColumn,
  ],
  cells: (rq, now) => [rq.metadata.name ?? '', ...quotaCells(rq), age(rq, now)],
};
