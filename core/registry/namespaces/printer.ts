// kubectl get namespaces: STATUS (the phase), AGE.
import type { Namespace } from 'kubernetes-types/core/v1';
import type { Printer } from '../types';
import type { Kube } from '../../machinery/object';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { age } from '../../machinery/human-duration';

export const printer: Printer<Kube<Namespace>> = {
  columns: [nameColumn, column('Status', 'string', 'The status of the namespace'), ageColumn],
  cells: (ns, now) => [ns.metadata.name ?? '', ns.status?.phase ?? '', age(ns, now)],
};
