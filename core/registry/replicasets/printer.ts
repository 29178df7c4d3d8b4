// kubectl get replicasets: DESIRED, CURRENT, READY, AGE; wide: CONTAINERS, IMAGES, SELECTOR.
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { containerCells, formatLabelSelector } from '../printing/format';

export const printer: Printer<Kube<ReplicaSet>> = {
  columns: [
    nameColumn,
    column('Desired', 'integer', doc.rsSpecReplicas),
    column('Current', 'integer', doc.rsStatusReplicas),
    column('Ready', 'integer', doc.rsReadyReplicas),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', doc.rsSelector, { priority: 1 }),
  ],
  cells: (rs, now) => [
    rs.metadata.name ?? '',
    // The API defaults spec.replicas to 1.
    rs.spec?.replicas ?? 1,
    rs.status?.replicas ?? 0,
    rs.status?.readyReplicas ?? 0,
    age(rs, now),
    ...containerCells(rs.spec?.template?.spec?.containers),
    formatLabelSelector(rs.spec?.selector),
  ],
};
