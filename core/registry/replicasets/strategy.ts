// apps/v1 ReplicaSet: SetDefaults_ReplicaSet, ValidateReplicaSet(Update) and the strategy rules.
import type { ReplicaSet, ReplicaSetSpec } from 'kubernetes-types/apps/v1';
import type { FieldError } from '../../machinery/field-errors';
import type { Kube } from '../../machinery/object';
import type { Strategy } from '../types';
import { resetStatus } from '../rules/fresh-status';
import { defaultPodTemplateSpec } from '../defaults/pod-spec';
import { validateImmutableField, validateNonnegative } from '../validation/immutable';
import { validateNonnegativeCounts, validateNotAbove } from '../rules/status-counts';
import { validateReplicaSetTemplate, validateRequiredSelector } from '../rules/workload';

type Obj = Kube<ReplicaSet>;

function validate(rs: Obj): FieldError[] {
  const spec = rs.spec;
  return [
    ...validateNonnegative(spec?.replicas, 'spec.replicas'),
    ...validateNonnegative(spec?.minReadySeconds, 'spec.minReadySeconds'),
    // Kubernetes words the empty-selector error for ReplicaSets as for Deployments.
    ...validateRequiredSelector(spec?.selector, 'spec.selector', 'deployment'),
    ...validateReplicaSetTemplate(spec?.selector, spec?.template, 'spec.template', 'spec.selector'),
  ];
}

function validateStatusUpdate(rs: Obj): FieldError[] {
  const s = rs.status as Record<string, unknown> | undefined;
  const above = 'cannot be greater than status.replicas';
  return [
    ...validateNonnegativeCounts(s, ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'], 'status'),
    ...validateNotAbove(s, 'fullyLabeledReplicas', 'replicas', 'status', above),
    ...validateNotAbove(s, 'readyReplicas', 'replicas', 'status', above),
    ...validateNotAbove(s, 'availableReplicas', 'replicas', 'status', above),
    ...validateNotAbove(s, 'availableReplicas', 'readyReplicas', 'status', 'cannot be greater than readyReplicas'),
  ];
}

export const strategy: Strategy<Obj> = {
  defaults(rs) {
    const spec = (rs.spec ??= {} as ReplicaSetSpec);
    spec.replicas ??= 1;
    spec.template ??= {};
    defaultPodTemplateSpec(spec.template);
  },
  prepareForCreate(rs) {
    resetStatus(rs, { replicas: 0 });
  },
  validate,
  validateUpdate: (rs, old) => validateImmutableField(rs.spec?.selector, old.spec?.selector, 'spec.selector'),
  validateStatusUpdate,
};
