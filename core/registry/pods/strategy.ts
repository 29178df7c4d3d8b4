// Pod rules (pkg/registry/core/pod strategy + ValidatePodCreate/Update/StatusUpdate).
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { defaultPod } from '../defaults/pod-spec';
import { duplicate, forbidden, invalid, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child, index } from '../validation/field-path';
import { isValidIP, validIPDetail } from '../validation/ip';
import { validatePodSpec } from '../validation/pod-spec';
import { validatePodSpecUpdate } from '../validation/pod-update';
import { podQOSClass } from './qos';
import { metaTime } from '../../machinery/meta-time';

type PodObject = Kube<Pod>;

const setStatus = (pod: PodObject, status: PodStatus): void => {
  (pod as { status?: PodStatus }).status = status;
};

/** Checks Kubernetes makes on pods but not on pod templates, for compatibility. */
function podOnlyErrors(pod: PodObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = pod.spec;
  for (const field of ['containers', 'initContainers'] as const) {
    (spec?.[field] ?? []).forEach((c, i) => {
      if (c.image && c.image !== c.image.trim()) {
        errs.push(invalid(child(index(`spec.${field}`, i), 'image'), c.image, 'must not have leading or trailing whitespace'));
      }
    });
  }
  if (!spec?.serviceAccountName) {
    (spec?.volumes ?? []).forEach((v, vi) => {
      (v.projected?.sources ?? []).forEach((src, si) => {
        if (src.serviceAccountToken) {
          const p = child(index(child(index('spec.volumes', vi), 'projected', 'sources'), si), 'serviceAccountToken');
          errs.push(forbidden(p, 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  return errs;
}

function validatePodIPs(status: PodStatus | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (status?.podIPs ?? []).forEach((p, i) => {
    const path = index('status.podIPs', i);
    const ip = p.ip ?? '';
    if (!isValidIP(ip)) errs.push(invalid(path, ip, validIPDetail));
    if (seen.has(ip)) errs.push(duplicate(path, p));
    seen.add(ip);
  });
  return errs;
}

export const strategy: Strategy<PodObject> = {
  defaults: defaultPod,
  prepareForCreate(pod) {
    // The QoS class is computed from the defaulted spec (limits copied into requests).
    defaultPod(pod);
    const status: PodStatus = { phase: 'Pending', qosClass: podQOSClass(pod) };
    if (pod.spec?.schedulingGates?.length) {
      status.conditions = [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'SchedulingGated',
          message: 'Scheduling is blocked due to non-empty scheduling gates',
          lastProbeTime: null as unknown as string,
          lastTransitionTime: metaTime(),
        },
      ];
    }
    setStatus(pod, status);
  },
  validate: (pod) => [...validatePodSpec(pod.spec, 'spec'), ...podOnlyErrors(pod)],
  validateUpdate: (pod, old) => validatePodSpecUpdate(pod.spec, old.spec),
  validateStatusUpdate: (pod) => validatePodIPs(pod.status),
  // CheckGracefulDelete: a pod on a node gets time to stop; an unscheduled or finished pod goes at once.
  gracePeriod(pod, requested) {
    if (!pod.spec?.nodeName) return 0;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return 0;
    return Math.max(0, requested ?? pod.spec.terminationGracePeriodSeconds ?? 30);
  },
};
