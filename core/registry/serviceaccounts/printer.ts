// kubectl get serviceaccounts: SECRETS (how many are listed), AGE.
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { Printer } from '../types';
import type { Kube } from '../../machinery/object';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';

export const printer: Printer<Kube<ServiceAccount>> = {
  columns: [nameColumn, column('Secrets', 'string', doc.saSecrets), ageColumn],
  cells: (sa, now) => [sa.metadata.name ?? '', (sa.secrets ?? []).length, age(sa, now)],
};
