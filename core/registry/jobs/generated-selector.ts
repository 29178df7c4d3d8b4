// A Job without a manual selector gets one generated from its UID, and its pod template gets
// the matching labels (batch generateSelector / validateGeneratedSelector).
import type { Job } from 'kubernetes-types/batch/v1';
import { invalid, required, type FieldError } from '../../machinery/field-errors';
import { child, key } from '../validation/field-path';
import { selectorMatches } from '../rules/selector-match';

export const controllerUidLabel = 'batch.kubernetes.io/controller-uid';
export const jobNameLabel = 'batch.kubernetes.io/job-name';
export const legacyControllerUidLabel = 'controller-uid';
export const legacyJobNameLabel = 'job-name';

/** The labels a generated selector expects on the job's pods. */
function expectedLabels(job: Job): Record<string, string> {
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  return {
    [controllerUidLabel]: uid,
    [jobNameLabel]: name,
    [legacyControllerUidLabel]: uid,
    [legacyJobNameLabel]: name,
  };
}

/** Adds the template labels the user did not set, and selects the controller-uid label. */
export function generateSelector(job: Job): void {
  const spec = (job.spec ??= { template: {} });
  const meta = (spec.template.metadata ??= {});
  const labels = (meta.labels ??= {});
  for (const [k, v] of Object.entries(expectedLabels(job))) if (!(k in labels)) labels[k] = v;
  const matchLabels = ((spec.selector ??= {}).matchLabels ??= {});
  if (!(controllerUidLabel in matchLabels)) matchLabels[controllerUidLabel] = job.metadata?.uid ?? '';
}

export function validateGeneratedSelector(job: Job): FieldError[] {
  const spec = job.spec;
  if (spec?.manualSelector || !spec?.selector) return [];
  const errs: FieldError[] = [];
  if (!job.metadata?.uid) errs.push(required('metadata.uid'));
  const labelsPath = child('spec.template.metadata', 'labels');
  const labels = spec.template?.metadata?.labels ?? {};
  const expected = expectedLabels(job);
  for (const k of [legacyControllerUidLabel, legacyJobNameLabel, controllerUidLabel, jobNameLabel]) {
    const want = expected[k]!;
    if (!(k in labels)) errs.push(required(key(labelsPath, k), `must be '${want}'`));
    else if (labels[k] !== want) errs.push(invalid(key(labelsPath, k), labels, `must be '${want}'`));
  }
  if (selectorMatches(spec.selector, expected) === false) {
    errs.push(invalid('spec.selector', spec.selector, '`selector` not auto-generated'));
  }
  return errs;
}
