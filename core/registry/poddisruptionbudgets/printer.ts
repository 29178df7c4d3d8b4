// kubectl get pdb: MIN AVAILABLE, MAX UNAVAILABLE ("N/A" when unset), ALLOWED DISRUPTIONS, AGE.
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { age } from '../../machinery/human-duration';
import { intOrString } from '../printing/format';

const orNA = (v: number | string | undefined) => (v === undefined ? 'N/A' : intOrString(v));

export const printer: Printer<Kube<PodDisruptionBudget>> = {
  columns: [
    nameColumn,
    column('Min Available', 'string', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    ageColumn,
  ],
  cells: (pdb, now) => [
    pdb.metadata.name ?? '',
    orNA(pdb.spec?.minAvailable),
    orNA(pdb.spec?.maxUnavailable),
    pdb.status?.disruptionsAllowed ?? 0,
    age(pdb, now),
  ],
};
