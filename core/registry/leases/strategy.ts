// coordination.k8s.io/v1 Lease: ValidateLeaseSpec. strategy and preferredHolder belong to the
// alpha CoordinatedLeaderElection feature, off in v1.32, so they are not served.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Kube } from '../../machinery/object';
import { invalid, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';

function validate(lease: Kube<Lease>): FieldError[] {
  const spec = lease.spec ?? {};
  const errs: FieldError[] = [];
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) {
    errs.push(invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions < 0) {
    errs.push(invalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return errs;
}

export const strategy: Strategy<Kube<Lease>> = { validate };
