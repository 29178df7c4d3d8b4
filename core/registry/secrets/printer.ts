// kubectl get secrets: TYPE, DATA (entries in data), AGE.
import type { Secret } from 'kubernetes-types/core/v1';
import type { Printer } from '../types';
import type { Kube } from '../../machinery/object';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';

export const printer: Printer<Kube<Secret>> = {
  columns: [nameColumn, column('Type', 'string', doc.secretType), column('Data', 'string', doc.secretData), ageColumn],
  cells: (s, now) => [s.metadata.name ?? '', s.type ?? '', Object.keys(s.data ?? {}).length, age(s, now)],
};
