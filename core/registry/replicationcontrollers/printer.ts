// kubectl get replicationcontrollers: DESIRED, CURRENT, READY, AGE; wide: CONTAINERS, IMAGES, SELECTOR.
import type { ReplicationController } from 'kubernetes-types/core/v1';
import type { Printer } from '../types';
import type { Kube } from '../../machinery/object';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { containerCells, formatLabels } from '../printing/format';

export const printer: Printer<Kube<ReplicationController>> = {
  columns: [
    nameColumn,
    column('Desired', 'integer', doc.rcSpecReplicas),
    column('Current', 'integer', doc.rcStatusReplicas),
    column('Ready', 'integer', doc.rcReadyReplicas),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', doc.rcSelector, { priority: 1 }),
  ],
  cells: (rc, now) => [
    rc.metadata.name ?? '',
    // The API defaults spec.replicas to 1.
    rc.spec?.replicas ?? 1,
    rc.status?.replicas ?? 0,
    rc.status?.readyReplicas ?? 0,
    age(rc, now),
    ...containerCells(rc.spec?.template?.spec?.containers),
    formatLabels(rc.spec?.selector),
  ],
};
