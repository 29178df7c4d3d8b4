// batch/v1 Job: SetDefaults_Job, ValidateJob(Update) and the job strategy's create, update and
// status rules.
import type { Job, JobSpec } from 'kubernetes-types/batch/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { invalid, required, type FieldError } from '../../machinery/field-errors';
import type { Kube } from '../../machinery/object';
import type { Strategy } from '../types';
import { resetStatus } from '../rules/fresh-status';
import { defaultPodTemplateSpec } from '../defaults/pod-spec';
import { validateImmutableField } from '../validation/immutable';
import { validateLabelSelector } from '../validation/label-selector';
import { isDNS1123Label } from '../../machinery/names';
import { semanticEqual } from '../validation/semantic-equal';
import { validateNonnegativeCounts } from '../rules/status-counts';
import { validateSelectorMatchesTemplate } from '../rules/workload';
import { generateSelector, validateGeneratedSelector } from './generated-selector';
import { validateJobSpecCommon } from './job-spec';

type Obj = Kube<Job>;

const maxInt32 = 2147483647;

function defaults(job: Obj): void {
  const spec = (job.spec ??= {} as JobSpec);
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? maxInt32 : 6;
  spec.template ??= {};
  const templateLabels = spec.template.metadata?.labels;
  if (templateLabels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...templateLabels };
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  for (const rule of spec.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule.onPodConditions ?? []) pattern.status ||= 'True';
  }
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  defaultPodTemplateSpec(spec.template);
}

function validate(job: Obj): FieldError[] {
  const spec = job.spec;
  const errs = [...validateGeneratedSelector(job), ...validateJobSpecCommon(spec, 'spec')];
  if (!spec?.selector) errs.push(required('spec.selector'));
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  if (spec?.selector) errs.push(...validateSelectorMatchesTemplate(spec.selector, spec.template, 'spec.template'));
  const completions = spec?.completions ?? 0;
  if (spec?.completionMode === 'Indexed' && completions > 0) {
    // Indexed pods are named <job>-<index>, and that must stay a DNS label.
    const hostname = `${job.metadata.name ?? ''}-${completions - 1}`;
    if (isDNS1123Label(hostname).length) {
      errs.push(invalid('metadata.name', job.metadata.name, `will not able to create pod with invalid DNS label: ${hostname}`));
    }
  }
  return errs;
}

/** A suspended Job that never started may still change where its pods will be scheduled. */
function withSchedulingDirectivesFrom(old: PodTemplateSpec | undefined, next: PodTemplateSpec | undefined): PodTemplateSpec {
  const t = structuredClone(old ?? {});
  const spec = (t.spec ??= { containers: [] });
  const nextSpec = next?.spec;
  const affinity = { ...spec.affinity, nodeAffinity: nextSpec?.affinity?.nodeAffinity };
  if (affinity.nodeAffinity === undefined) delete affinity.nodeAffinity;
  if (Object.keys(affinity).length || nextSpec?.affinity) spec.affinity = affinity;
  else delete spec.affinity;
  spec.nodeSelector = nextSpec?.nodeSelector;
  spec.tolerations = nextSpec?.tolerations;
  spec.schedulingGates = nextSpec?.schedulingGates;
  t.metadata = { ...t.metadata, labels: next?.metadata?.labels, annotations: next?.metadata?.annotations };
  return t;
}

function validateCompletionsUpdate(spec: JobSpec | undefined, old: JobSpec | undefined): FieldError[] {
  if (spec?.completionMode !== 'Indexed') return validateImmutableField(spec?.completions, old?.completions, 'spec.completions');
  if (semanticEqual(spec.completions, old?.completions) || spec.completions === undefined) return [];
  if (spec.completions !== spec.parallelism) {
    return [invalid('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism')];
  }
  return [];
}

function validateUpdate(job: Obj, old: Obj): FieldError[] {
  const spec = job.spec;
  const was = old.spec;
  const startedOrRunning = !was?.suspend || (old.status as { startTime?: string } | undefined)?.startTime;
  const oldTemplate = startedOrRunning ? was?.template : withSchedulingDirectivesFrom(was?.template, spec?.template);
  return [
    ...validateCompletionsUpdate(spec, was),
    ...validateImmutableField(spec?.selector, was?.selector, 'spec.selector'),
    ...validateImmutableField(spec?.template, oldTemplate, 'spec.template'),
    ...validateImmutableField(spec?.completionMode, was?.completionMode, 'spec.completionMode'),
    ...validateImmutableField(spec?.podFailurePolicy, was?.podFailurePolicy, 'spec.podFailurePolicy'),
    ...validateImmutableField(spec?.backoffLimitPerIndex, was?.backoffLimitPerIndex, 'spec.backoffLimitPerIndex'),
    ...validateImmutableField(spec?.managedBy, was?.managedBy, 'spec.managedBy'),
    ...validateImmutableField(spec?.successPolicy, was?.successPolicy, 'spec.successPolicy'),
  ];
}

export const strategy: Strategy<Obj> = {
  defaults,
  prepareForCreate(job) {
    resetStatus(job);
    if (!job.spec?.manualSelector) generateSelector(job);
  },
  validate,
  validateUpdate,
  validateStatusUpdate: (job) =>
    validateNonnegativeCounts(job.status as Record<string, unknown> | undefined, ['active', 'succeeded', 'failed', 'ready', 'terminating'], 'status'),
};
