// kubectl get deployments: READY ("2/3"), UP-TO-DATE, AVAILABLE, AGE; wide: CONTAINERS, IMAGES, SELECTOR.
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { containerCells, selectorOrInvalid } from '../printing/format';

export const printer: Printer<Kube<Deployment>> = {
  columns: [
    nameColumn,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', doc.depUpdated),
    column('Available', 'string', doc.depAvailable),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', doc.depSelector, { priority: 1 }),
  ],
  cells: (d, now) => [
    d.metadata.name ?? '',
    // The API defaults spec.replicas to 1.
    `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
    d.status?.updatedReplicas ?? 0,
    d.status?.availableReplicas ?? 0,
    age(d, now),
    ...containerCells(d.spec?.template?.spec?.containers),
    selectorOrInvalid(d.spec?.selector),
  ],
};
