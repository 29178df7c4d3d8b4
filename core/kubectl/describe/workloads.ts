// kubectl describe for the workload controllers: Deployments (with their old and new
// ReplicaSets), ReplicaSets, StatefulSets, DaemonSets, Jobs and CronJobs, each with its pod
// template and, where kubectl counts them, the phases of the pods it controls.
import type { CronJob, Job, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { labelSelectorToString, selectorFromLabelSelector } from '../../machinery/selectors/label-selector';
import { humanDuration, parseTimestamp } from '../../machinery/human-duration';
import { formatLabelSelector, formatLabels } from '../../registry/printing/format';
import { annotationsMultiline, describeEvents, goSlice, labelsMultiline, rfc1123z } from './format';
import { apiPath, getObject, listAll, searchEvents, type DescribeContext } from './fetch';
import { controlledBy, describePodTemplate } from './pod';
import { DescribeWriter } from './writer';

/** LabelSelectorAsSelector(...).String(): "" for an empty selector. */
export function selectorText(ls: LabelSelector | undefined): string {
  return labelSelectorToString(selectorFromLabelSelector(ls));
}

/** getPodStatusForController: the phases of the pods the controller with `uid` owns. */
async function podPhases(ctx: DescribeContext, namespace: string, selector: string, uid: string | undefined): Promise<string> {
  const pods = await listAll<Pod>(ctx, apiPath('v1', 'pods', namespace), { labelSelector: selector });
  const count = (phase: string) => pods.filter((p) => p.metadata?.ownerReferences?.some((r) => r.controller && r.uid === uid) && p.status?.phase === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}

function header(w: DescribeWriter, meta: { name?: string; namespace?: string }): void {
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Namespace:\t${meta.namespace}\n`);
}

/** "Type Status Reason" conditions of a controller. */
function conditions(w: DescribeWriter, list: { type: string; status: string; reason?: string }[] | undefined): void {
  if (!list?.length) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of list) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** Semantic equality of decoded JSON: absent, null, empty lists and empty maps are all alike. */
function same(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && !v.length) || (typeof v === 'object' && !Array.isArray(v) && !Object.keys(v as object).length);
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** Templates equal but for the pod-template-hash label (EqualIgnoreHash). */
function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const { 'pod-template-hash': _, ...labels } = t?.metadata?.labels ?? {};
    return { ...t, metadata: { ...t?.metadata, labels } };
  };
  return same(strip(a), strip(b));
}

const rsText = (list: ReplicaSet[]) => list.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ') || '<none>';

export async function describeDeployment(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const d = await getObject<Deployment>(ctx, apiPath('apps/v1', 'deployments', namespace, name));
  const events = await searchEvents(ctx, { namespace, name, kind: 'Deployment', uid: d.metadata?.uid });
  let oldRSs: ReplicaSet[] = [];
  let newRS: ReplicaSet | undefined;
  try {
    const owned = (await listAll<ReplicaSet>(ctx, apiPath('apps/v1', 'replicasets', namespace), { labelSelector: selectorText(d.spec?.selector) })).filter((rs) =>
      rs.metadata?.ownerReferences?.some((r) => r.controller && r.uid === d.metadata?.uid),
    );
    const created = (rs: ReplicaSet) => parseTimestamp(rs.metadata?.creationTimestamp) ?? 0;
    owned.sort((a, b) => created(a) - created(b) || ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
    newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    oldRSs = owned.filter((rs) => rs !== newRS);
  } catch {
    // kubectl leaves the ReplicaSets out when it cannot list them.
  }
  const spec = d.spec!;
  const status = d.status ?? {};
  const w = new DescribeWriter();
  header(w, d.metadata ?? {});
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata?.labels);
  annotationsMultiline(w, 'Annotations', d.metadata?.annotations);
  w.write(0, `Selector:\t${selectorText(spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? 0)} max unavailable, ${String(ru.maxSurge ?? 0)} max surge\n`);
  describePodTemplate(w, spec.template);
  conditions(w, status.conditions);
  if (oldRSs.length || newRS) {
    w.write(0, `OldReplicaSets:\t${rsText(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${rsText(newRS ? [newRS] : [])}\n`);
  }
  if (events) describeEvents(w, events, ctx.now);
  return w.toString();
}

export async function describeReplicaSet(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const rs = await getObject<ReplicaSet>(ctx, apiPath('apps/v1', 'replicasets', namespace, name));
  let pods: string;
  try {
    pods = await podPhases(ctx, namespace, selectorText(rs.spec?.selector), rs.metadata?.uid);
  } catch (err) {
    pods = `error in fetching pods: ${(err as Error).message}`;
  }
  const events = await searchEvents(ctx, { namespace, name, kind: 'ReplicaSet', uid: rs.metadata?.uid });
  const w = new DescribeWriter();
  header(w, rs.metadata ?? {});
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata?.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata?.annotations);
  const controller = controlledBy(rs.metadata);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(0, `Pods Status:\t${pods}\n`);
  describePodTemplate(w, rs.spec?.template);
  conditions(w, rs.status?.conditions);
  if (events) describeEvents(w, events, ctx.now);
  return w.toString();
}

export async function describeStatefulSet(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const ss = await getObject<StatefulSet>(ctx, apiPath('apps/v1', 'statefulsets', namespace, name));
  const selector = selectorText(ss.spec?.selector);
  const pods = await podPhases(ctx, namespace, selector, ss.metadata?.uid);
  const events = await searchEvents(ctx, { namespace, name, kind: 'StatefulSet', uid: ss.metadata?.uid });
  const spec = ss.spec!;
  const w = new DescribeWriter();
  header(w, ss.metadata ?? {});
  w.write(0, `CreationTimestamp:\t${rfc1123z(ss.metadata?.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${selector}\n`);
  labelsMultiline(w, 'Labels', ss.metadata?.labels);
  annotationsMultiline(w, 'Annotations', ss.metadata?.annotations);
  w.write(0, `Replicas:\t${spec.replicas ?? 0} desired | ${ss.status?.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
  const ru = spec.updateStrategy?.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${String(ru.maxUnavailable)}\n`);
  }
  w.write(0, `Pods Status:\t${pods}\n`);
  describePodTemplate(w, spec.template);
  const claims = spec.volumeClaimTemplates ?? [];
  if (!claims.length) w.write(0, 'Volume Claims:\t<none>\n');
  else {
    w.write(0, 'Volume Claims:\n');
    for (const pvc of claims) {
      w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
      w.write(1, `StorageClass:\t${claimClass(pvc)}\n`);
      labelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
      labelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
      const storage = pvc.spec?.resources?.requests?.storage;
      w.write(1, `Capacity:\t${storage !== undefined ? String(storage) : '<default>'}\n`);
      w.write(1, `Access Modes:\t${goSlice(pvc.spec?.accessModes)}\n`);
    }
  }
  if (events) describeEvents(w, events, ctx.now);
  return w.toString();
}

/** storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
export const claimClass = (pvc: { metadata?: { annotations?: Record<string, string> }; spec?: { storageClassName?: string } }) =>
  pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';

export async function describeDaemonSet(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const ds = await getObject<DaemonSet>(ctx, apiPath('apps/v1', 'daemonsets', namespace, name));
  const selector = selectorText(ds.spec?.selector);
  const pods = await podPhases(ctx, namespace, selector, ds.metadata?.uid);
  const events = await searchEvents(ctx, { namespace, name, kind: 'DaemonSet', uid: ds.metadata?.uid });
  const status = ds.status;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ds.metadata?.name}\n`);
  w.write(0, `Selector:\t${selector}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template.spec?.nodeSelector)}\n`);
  labelsMultiline(w, 'Labels', ds.metadata?.labels);
  annotationsMultiline(w, 'Annotations', ds.metadata?.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${status?.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${status?.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${status?.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${status?.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${status?.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${pods}\n`);
  describePodTemplate(w, ds.spec?.template);
  if (events) describeEvents(w, events, ctx.now);
  return w.toString();
}

/** capIndexesListOrNone: the completed indexes, cut after the first comma past 50 characters. */
function capIndexes(indexes: string | undefined): string {
  if (!indexes) return '<none>';
  const comma = indexes.indexOf(',', 50);
  return comma < 0 ? indexes : `${indexes.slice(0, comma + 1)}...`;
}

export async function describeJob(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const job = await getObject<Job>(ctx, apiPath('batch/v1', 'jobs', namespace, name));
  const events = await searchEvents(ctx, { namespace, name, kind: 'Job', uid: job.metadata?.uid });
  const spec = job.spec!;
  const status = job.status ?? {};
  const w = new DescribeWriter();
  header(w, job.metadata ?? {});
  w.write(0, `Selector:\t${selectorText(spec.selector)}\n`);
  labelsMultiline(w, 'Labels', job.metadata?.labels);
  annotationsMultiline(w, 'Annotations', job.metadata?.annotations);
  const controller = controlledBy(job.metadata);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  if (spec.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
  if (spec.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status.completionTime) w.write(0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  if (status.startTime && status.completionTime) w.write(0, `Duration:\t${humanDuration(parseTimestamp(status.completionTime)! - parseTimestamp(status.startTime)!)}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const ready = status.ready === undefined ? '' : ` (${status.ready} Ready)`;
  w.write(0, `Pods Statuses:\t${status.active ?? 0} Active${ready} / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`);
  if (spec.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${capIndexes(status.completedIndexes)}\n`);
  describePodTemplate(w, spec.template);
  if (events) describeEvents(w, events, ctx.now);
  return w.toString();
}

function describeJobTemplate(w: DescribeWriter, template: JobTemplateSpec): void {
  const spec = template.spec;
  w.write(0, `Selector:\t${spec?.selector ? selectorText(spec.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${spec?.parallelism ?? '<unset>'}\n`);
  w.write(0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, spec?.template);
}

export async function describeCronJob(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const cj = await getObject<CronJob>(ctx, apiPath('batch/v1', 'cronjobs', namespace, name));
  const events = await searchEvents(ctx, { namespace, name, kind: 'CronJob', uid: cj.metadata?.uid });
  const spec = cj.spec!;
  const w = new DescribeWriter();
  header(w, cj.metadata ?? {});
  labelsMultiline(w, 'Labels', cj.metadata?.labels);
  annotationsMultiline(w, 'Annotations', cj.metadata?.annotations);
  w.write(0, `Schedule:\t${spec.schedule}\n`);
  w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
  w.write(0, `Suspend:\t${spec.suspend === undefined ? '<unset>' : spec.suspend ? 'True' : 'False'}\n`);
  w.write(0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(0, `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds !== undefined ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
  describeJobTemplate(w, spec.jobTemplate);
  w.write(0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`);
  w.write(0, 'Active Jobs:\t');
  const active = cj.status?.active ?? [];
  w.line(active.length ? active.map((j) => j.name).join(', ') : '<none>');
  if (events) describeEvents(w, events, ctx.now);
  return w.toString();
}
