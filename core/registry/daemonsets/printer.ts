// kubectl get daemonsets: DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE, NODE SELECTOR, AGE;
// wide: CONTAINERS, IMAGES, SELECTOR.
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { containerCells, formatLabelSelector, formatLabels } from '../printing/format';

export const printer: Printer<Kube<DaemonSet>> = {
  columns: [
    nameColumn,
    column('Desired', 'integer', doc.dsDesired),
    column('Current', 'integer', doc.dsCurrent),
    column('Ready', 'integer', doc.dsReady),
    column('Up-to-date', 'integer', doc.dsUpdated),
    column('Available', 'integer', doc.dsAvailable),
    column('Node Selector', 'string', doc.nodeSelector),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', doc.dsSelector, { priority: 1 }),
  ],
  cells(ds, now) {
    const s = ds.status;
    return [
      ds.metadata.name ?? '',
      s?.desiredNumberScheduled ?? 0,
      s?.currentNumberScheduled ?? 0,
      s?.numberReady ?? 0,
      s?.updatedNumberScheduled ?? 0,
      s?.numberAvailable ?? 0,
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      age(ds, now),
      ...containerCells(ds.spec?.template?.spec?.containers),
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};
