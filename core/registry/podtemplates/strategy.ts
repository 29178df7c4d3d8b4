// PodTemplate rules: the template gets pod spec defaults and ValidatePodTemplateSpec.
import type { PodTemplate } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { defaultPodTemplateSpec } from '../defaults/pod-spec';
import type { Strategy } from '../types';
import { validatePodTemplateSpec } from '../validation/pod-spec';

type PodTemplateObject = Kube<PodTemplate>;

export const strategy: Strategy<PodTemplateObject> = {
  defaults(pt) {
    if (pt.template) defaultPodTemplateSpec(pt.template);
  },
  validate: (pt) => validatePodTemplateSpec(pt.template, 'template'),
};
