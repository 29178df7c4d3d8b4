// kubectl get podtemplates: CONTAINERS, IMAGES, POD LABELS.
import type { PodTemplate } from 'kubernetes-types/core/v1';
import type { Printer } from '../types';
import type { Kube } from '../../machinery/object';
import { column, nameColumn } from '../printing/columns';
import { containerCells, formatLabels } from '../printing/format';

export const printer: Printer<Kube<PodTemplate>> = {
  columns: [
    nameColumn,
    column('Containers', 'string', 'Names of each container in the template.'),
    column('Images', 'string', 'Images referenced by each container in the template.'),
    column('Pod Labels', 'string', 'The labels for the pod template.'),
  ],
  cells: (pt) => [
    pt.metadata.name ?? '',
    ...containerCells(pt.template?.spec?.containers),
    formatLabels(pt.template?.metadata?.labels),
  ],
};
