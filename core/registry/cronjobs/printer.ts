// kubectl get cronjobs: SCHEDULE, TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE, AGE; wide:
// CONTAINERS, IMAGES, SELECTOR.
import type { CronJob } from 'kubernetes-types/batch/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age, since } from '../../machinery/human-duration';
import { NONE, boolPtr, containerCells, formatLabelSelector } from '../printing/format';

export const printer: Printer<Kube<CronJob>> = {
  columns: [
    nameColumn,
    column('Schedule', 'string', doc.cjSchedule),
    column('Timezone', 'string', doc.cjTimeZone),
    column('Suspend', 'boolean', doc.cjSuspend),
    column('Active', 'integer', doc.cjActive),
    column('Last Schedule', 'string', doc.cjLastSchedule),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', doc.jobSelector, { priority: 1 }),
  ],
  cells(cj, now) {
    const jobSpec = cj.spec?.jobTemplate?.spec;
    const last = cj.status?.lastScheduleTime;
    return [
      cj.metadata.name ?? '',
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? NONE,
      // Printed as text ("True", "False", "<unset>") although the column says boolean, as in Kubernetes.
      boolPtr(cj.spec?.suspend),
      (cj.status?.active ?? []).length,
      last ? since(last, now) : NONE,
      age(cj, now),
      ...containerCells(jobSpec?.template?.spec?.containers),
      formatLabelSelector(jobSpec?.selector),
    ];
  },
};
