// What may change in a running pod's spec (ValidatePodUpdate): container images, a shorter
// activeDeadlineSeconds, added tolerations, removed scheduling gates, and a negative grace
// period set to 1. Everything else is reported as one Forbidden error on spec.
import type { Container, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import { forbidden, invalid, required, type FieldError } from '../../machinery/field-errors';
import { child, index } from './field-path';
import { inclusiveRangeError } from '../../machinery/names';
import { differingPaths, semanticEqual } from './semantic-equal';
import { validateTolerations } from './scheduling';

const maxInt32 = 2 ** 31 - 1;

export const podUpdateForbiddenMsg =
  'pod updates may not change fields other than `spec.containers[*].image`,' +
  '`spec.initContainers[*].image`,' +
  '`spec.activeDeadlineSeconds`,' +
  '`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function containerUpdates(next: Container[] | undefined, old: Container[] | undefined, path: string): { errs: FieldError[]; stop: boolean } {
  if ((next ?? []).length !== (old ?? []).length) {
    return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  }
  const errs: FieldError[] = [];
  (next ?? []).forEach((c, i) => {
    if (!c.image) errs.push(required(child(index(path, i), 'image')));
  });
  return { errs, stop: false };
}

function onlyAddedTolerations(next: Toleration[] | undefined, old: Toleration[] | undefined, path: string): FieldError[] {
  for (const o of old ?? []) {
    const kept = (next ?? []).some((n) => semanticEqual({ ...o, tolerationSeconds: n.tolerationSeconds }, n));
    if (!kept) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}

export function validatePodSpecUpdate(next: PodSpec | undefined, old: PodSpec | undefined, path = 'spec'): FieldError[] {
  const n = next ?? ({ containers: [] } as PodSpec);
  const o = old ?? ({ containers: [] } as PodSpec);
  const errs: FieldError[] = [];
  for (const field of ['containers', 'initContainers'] as const) {
    const r = containerUpdates(n[field], o[field], child(path, field));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const deadlinePath = child(path, 'activeDeadlineSeconds');
  const deadline = n.activeDeadlineSeconds;
  if (deadline !== undefined && deadline !== null) {
    if (deadline < 0 || deadline > maxInt32) return [...errs, invalid(deadlinePath, deadline, inclusiveRangeError(0, maxInt32))];
    if (o.activeDeadlineSeconds != null && o.activeDeadlineSeconds < deadline) {
      return [...errs, invalid(deadlinePath, deadline, 'must be less than or equal to previous value')];
    }
  } else if (o.activeDeadlineSeconds != null) {
    errs.push(invalid(deadlinePath, null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...onlyAddedTolerations(n.tolerations, o.tolerations, child(path, 'tolerations')));
  const oldGates = new Set((o.schedulingGates ?? []).map((g) => g.name));
  for (const g of n.schedulingGates ?? []) {
    if (!oldGates.has(g.name)) {
      errs.push(forbidden(child(path, 'schedulingGates'), `only deletion is allowed, but found new scheduling gate '${g.name}'`));
    }
  }

  // Put back what may change, then anything still different is forbidden.
  const munged: PodSpec = {
    ...n,
    containers: (n.containers ?? []).map((c, i) => ({ ...c, image: o.containers?.[i]?.image as string })),
    initContainers: n.initContainers?.map((c, i) => ({ ...c, image: o.initContainers?.[i]?.image as string })),
    activeDeadlineSeconds: o.activeDeadlineSeconds,
    tolerations: o.tolerations,
    schedulingGates: o.schedulingGates,
  };
  if ((o.terminationGracePeriodSeconds ?? 0) < 0 && n.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = o.terminationGracePeriodSeconds;
  }
  if (!semanticEqual(munged, o)) {
    const changed = differingPaths(o, munged, path).map((p) => `  ${p}`);
    errs.push(forbidden(path, `${podUpdateForbiddenMsg}\n${changed.join('\n')}`));
  }
  return errs;
}
