// kubectl get leases: HOLDER, AGE.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';

export const printer: Printer<Kube<Lease>> = {
  columns: [nameColumn, column('Holder', 'string', doc.leaseHolder), ageColumn],
  cells: (lease, now) => [lease.metadata.name ?? '', lease.spec?.holderIdentity ?? '', age(lease, now)],
};
