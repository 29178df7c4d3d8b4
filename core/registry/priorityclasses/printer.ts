// kubectl get priorityclasses: VALUE, GLOBAL-DEFAULT, AGE; wide: PREEMPTIONPOLICY.
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';

export const printer: Printer<Kube<PriorityClass>> = {
  columns: [
    nameColumn,
    column('Value', 'integer', doc.pcValue),
    column('Global-Default', 'boolean', doc.pcGlobalDefault),
    ageColumn,
    column('PreemptionPolicy', 'string', doc.pcPreemption),
  ],
  cells: (pc, now) => [pc.metadata.name ?? '', pc.value ?? 0, pc.globalDefault ?? false, age(pc, now), pc.preemptionPolicy ?? ''],
};
