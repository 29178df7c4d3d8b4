// kubectl get statefulsets: READY ("1/3"), AGE; wide: CONTAINERS, IMAGES.
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from '../printing/columns';
import { age } from '../../machinery/human-duration';
import { containerCells } from '../printing/format';

export const printer: Printer<Kube<StatefulSet>> = {
  columns: [nameColumn, column('Ready', 'string', 'Number of the pod with ready state'), ageColumn, containersColumn, imagesColumn],
  cells: (sts, now) => [
    sts.metadata.name ?? '',
    // The API defaults spec.replicas to 1.
    `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 1}`,
    age(sts, now),
    ...containerCells(sts.spec?.template?.spec?.containers),
  ],
};
