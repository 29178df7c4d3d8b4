// Pieces the replicated workloads (Deployment, ReplicaSet, DaemonSet, StatefulSet) share: a
// required non-empty selector that matches the pod template, and a template whose pods restart
// forever.
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import { child } from '../validation/field-path';
import { validateLabelSelector } from '../validation/label-selector';
import { validatePodTemplateSpec } from '../validation/pod-spec';
import { matchesLabels } from '../../machinery/selectors/label-selector';
import { parsedSelector } from './selector-match';

export const selectorMismatch = '`selector` does not match template `labels`';

/** spec.selector: present, well-formed and not empty ("empty selector is invalid for <kind>"). */
export function validateRequiredSelector(sel: LabelSelector | undefined, path: string, kind: string): FieldError[] {
  if (!sel) return [required(path)];
  const errs = validateLabelSelector(sel, path);
  if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    errs.push(invalid(path, sel, `empty selector is invalid for ${kind}`));
  }
  return errs;
}

/** Template labels must satisfy the selector; an absent selector matches nothing, an empty one everything. */
export function validateSelectorMatchesTemplate(
  sel: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  templatePath: string,
): FieldError[] {
  const s = parsedSelector(sel);
  if (!s || (!s.nothing && s.requirements.length === 0)) return [];
  const labels = template?.metadata?.labels;
  return matchesLabels(s, labels) ? [] : [invalid(child(templatePath, 'metadata', 'labels'), labels ?? null, selectorMismatch)];
}

/** restartPolicy Always and no activeDeadlineSeconds, as every long-running controller requires. */
export function validateLongRunningPods(template: PodTemplateSpec | undefined, templatePath: string, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  const spec = template?.spec;
  const policy = spec?.restartPolicy ?? '';
  if (policy !== 'Always') errs.push(notSupported(child(templatePath, 'spec', 'restartPolicy'), policy, ['Always']));
  if (spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(child(templatePath, 'spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet, shared by ReplicaSets and Deployments. */
export function validateReplicaSetTemplate(
  sel: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  templatePath: string,
  selectorPath: string,
): FieldError[] {
  if (sel && !parsedSelector(sel)) return [invalid(selectorPath, sel, 'invalid label selector')];
  return [
    ...validateSelectorMatchesTemplate(sel, template, templatePath),
    ...validatePodTemplateSpec(template ?? {}, templatePath),
    ...validateLongRunningPods(template, templatePath, 'ReplicaSet'),
  ];
}
