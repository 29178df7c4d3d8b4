// ReplicationController rules (SetDefaults_ReplicationController, RC strategy,
// ValidateReplicationController*).
import type { ReplicationController, ReplicationControllerStatus } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { defaultPodTemplateSpec } from '../defaults/pod-spec';
import { forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { validateNonnegative } from '../validation/immutable';
import { validateLabels } from '../validation/object-meta';
import { validatePodTemplateSpec } from '../validation/pod-spec';

type RCObject = Kube<ReplicationController>;

const setStatus = (rc: RCObject, status: ReplicationControllerStatus): void => {
  (rc as { status?: ReplicationControllerStatus }).status = status;
};

function defaults(rc: RCObject): void {
  const spec = (rc.spec ??= {});
  const labels = spec.template?.metadata?.labels;
  if (labels) {
    if (!Object.keys(spec.selector ?? {}).length) spec.selector = { ...labels };
    if (!Object.keys(rc.metadata.labels ?? {}).length) rc.metadata.labels = { ...labels };
  }
  spec.replicas ??= 1;
  if (spec.template) defaultPodTemplateSpec(spec.template);
}

const selectorMatches = (selector: Record<string, string>, labels: Record<string, string> | undefined): boolean =>
  Object.entries(selector).every(([k, v]) => labels?.[k] === v);

function validateRC(rc: RCObject): FieldError[] {
  const spec = rc.spec ?? {};
  const errs = [
    ...validateNonnegative(spec.replicas, 'spec.replicas'),
    ...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'),
  ];
  const selector = spec.selector ?? {};
  if (!Object.keys(selector).length) errs.push(required('spec.selector'));
  else errs.push(...validateLabels(selector, 'spec.selector'));
  const template = spec.template;
  if (!template) {
    errs.push(required('spec.template'));
    return errs;
  }
  if (Object.keys(selector).length && !selectorMatches(selector, template.metadata?.labels)) {
    errs.push(invalid('spec.template.metadata.labels', template.metadata?.labels ?? {}, '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const restart = template.spec?.restartPolicy;
  if (restart && restart !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', restart, ['Always']));
  if (template.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicationController is not Supported'));
  }
  return errs;
}

function validateStatus(rc: RCObject): FieldError[] {
  const s = rc.status ?? { replicas: 0 };
  const errs = (['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'] as const).flatMap(
    (f) => validateNonnegative(s[f], `status.${f}`),
  );
  const replicas = s.replicas ?? 0;
  if ((s.fullyLabeledReplicas ?? 0) > replicas) {
    errs.push(invalid('status.fullyLabeledReplicas', s.fullyLabeledReplicas, 'cannot be greater than status.replicas'));
  }
  if ((s.readyReplicas ?? 0) > replicas) errs.push(invalid('status.readyReplicas', s.readyReplicas, 'cannot be greater than status.replicas'));
  if ((s.availableReplicas ?? 0) > replicas) {
    errs.push(invalid('status.availableReplicas', s.availableReplicas, 'cannot be greater than status.replicas'));
  }
  if ((s.availableReplicas ?? 0) > (s.readyReplicas ?? 0)) {
    errs.push(invalid('status.availableReplicas', s.availableReplicas, 'cannot be greater than readyReplicas'));
  }
  return errs;
}

export const strategy: Strategy<RCObject> = {
  defaults,
  prepareForCreate: (rc) => setStatus(rc, { replicas: 0 }),
  validate: validateRC,
  validateStatusUpdate: validateStatus,
};
