// batch/v1 CronJob: SetDefaults_CronJob, ValidateCronJobCreate/Update and the strategy rules.
import type { CronJob, CronJobSpec } from 'kubernetes-types/batch/v1';
import { invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Kube } from '../../machinery/object';
import type { Strategy } from '../types';
import { resetStatus } from '../rules/fresh-status';
import { defaultPodTemplateSpec } from '../defaults/pod-spec';
import { child } from '../validation/field-path';
import { validateNonnegative } from '../validation/immutable';
import { validateJobSpecCommon } from '../jobs/job-spec';
import { isKnownTimeZone, scheduleError } from './schedule';

type Obj = Kube<CronJob>;

// Jobs are named <cronjob>-<11-character timestamp> and must fit in 63 characters.
const maxNameLength = 52;
const concurrencyPolicies = ['Allow', 'Forbid', 'Replace'];
// IANA name components; digits and '+' are tolerated for legacy names.
const timeZonePart = /^[A-Za-z.\-_0-9+]{1,14}$/;

// TZ= prefixes are accepted only on objects that already had one; none can be created, so none
// exist in this store and the prefix is always refused.
function validateSchedule(spec: CronJobSpec): FieldError[] {
  const path = 'spec.schedule';
  const schedule = spec.schedule ?? '';
  if (!schedule) return [required(path)];
  const errs: FieldError[] = [];
  const parseError = scheduleError(schedule);
  if (parseError) errs.push(invalid(path, schedule, parseError));
  if (schedule.includes('TZ')) errs.push(invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errs;
}

function validateTimeZone(tz: string | undefined): FieldError[] {
  const path = 'spec.timeZone';
  if (tz === undefined) return [];
  if (tz === '') return [invalid(path, tz, 'timeZone must be nil or non-empty string')];
  const badPart = tz.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !timeZonePart.test(p));
  if (badPart) return [invalid(path, tz, `unknown time zone ${tz}`)];
  if (tz.toLowerCase() === 'local') {
    return [invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  }
  return tz === 'UTC' || isKnownTimeZone(tz) ? [] : [invalid(path, tz, `unknown time zone ${tz}`)];
}

function validateSpec(spec: CronJobSpec | undefined): FieldError[] {
  const s: CronJobSpec = spec ?? ({} as CronJobSpec);
  const errs = validateSchedule(s);
  errs.push(...validateNonnegative(s.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  errs.push(...validateTimeZone(s.timeZone));
  const policy = s.concurrencyPolicy ?? '';
  if (policy === '') errs.push(required('spec.concurrencyPolicy'));
  else if (!concurrencyPolicies.includes(policy)) errs.push(notSupported('spec.concurrencyPolicy', policy, concurrencyPolicies));
  // The job template is a Job spec whose selector the controller generates.
  const jobSpecPath = 'spec.jobTemplate.spec';
  const jobSpec = s.jobTemplate?.spec;
  errs.push(...validateJobSpecCommon(jobSpec, jobSpecPath));
  if (jobSpec?.selector) errs.push(invalid(child(jobSpecPath, 'selector'), jobSpec.selector, '`selector` will be auto-generated'));
  if (jobSpec?.manualSelector) errs.push(notSupported(child(jobSpecPath, 'manualSelector'), jobSpec.manualSelector, ['nil', 'false']));
  errs.push(...validateNonnegative(s.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...validateNonnegative(s.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  return errs;
}

export const strategy: Strategy<Obj> = {
  defaults(cj) {
    const spec = (cj.spec ??= {} as CronJobSpec);
    spec.concurrencyPolicy ||= 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    const template = ((spec.jobTemplate ??= {}).spec ??= { template: {} }).template;
    defaultPodTemplateSpec(template);
  },
  prepareForCreate(cj) {
    resetStatus(cj);
  },
  validate(cj) {
    const errs = validateSpec(cj.spec);
    const name = cj.metadata.name ?? '';
    if (name.length > maxNameLength) errs.push(invalid('metadata.name', name, `must be no more than ${maxNameLength} characters`));
    return errs;
  },
};
