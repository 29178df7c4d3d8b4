// kubectl get networkpolicies: POD-SELECTOR ("<none>" when it selects every pod), AGE.
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { formatLabelSelector } from '../printing/format';

export const printer: Printer<Kube<NetworkPolicy>> = {
  columns: [nameColumn, column('Pod-Selector', 'string', doc.npPodSelector), ageColumn],
  // podSelector is a required value in the API: absent reads as the empty selector.
  cells: (np, now) => [np.metadata.name ?? '', formatLabelSelector(np.spec?.podSelector ?? {}), age(np, now)],
};
