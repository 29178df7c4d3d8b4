// apps/v1 ControllerRevision: an immutable snapshot; only its metadata may change.
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { required } from '../../machinery/field-errors';
import type { Kube } from '../../machinery/object';
import type { Strategy } from '../types';
import { validateImmutableField, validateNonnegative } from '../validation/immutable';

type Obj = Kube<ControllerRevision>;

export const strategy: Strategy<Obj> = {
  validate: (cr) => [
    ...(cr.data === undefined || cr.data === null ? [required('data', 'data is mandatory')] : []),
    ...validateNonnegative(cr.revision, 'revision'),
  ],
  validateUpdate: (cr, old) => validateImmutableField(cr.data, old.data, 'data'),
};
