// kubectl get configmaps: DATA (entries in data and binaryData), AGE.
import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { Printer } from '../types';
import type { Kube } from '../../machinery/object';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';

export const printer: Printer<Kube<ConfigMap>> = {
  columns: [nameColumn, column('Data', 'string', doc.cmData), ageColumn],
  cells: (cm, now) => [
    cm.metadata.name ?? '',
    Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
    age(cm, now),
  ],
};
