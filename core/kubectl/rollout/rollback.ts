// kubectl rollout undo's Rollbackers: the revision to go back to (the previous one by default),
// what the undo would put in place (--dry-run=client), and the patch that does it: for a
// Deployment an RFC 6902 patch replacing the pod template (without its pod-template-hash) and
// the annotations, for a DaemonSet or StatefulSet the ControllerRevision's own data as a
// strategic merge patch.
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { CommandError, type Session } from '../command';
import { objectPath, type ResourceInfo } from '../discovery';
import type { DryRun } from '../write';
import type { KubeObject } from '../resource-objects';
import { podTemplateText, revisions, type Revision } from './history';
import { REVISION_ANNOTATION } from './status';

const HASH_LABEL = 'pod-template-hash';

/** Annotations of the Deployment that an undo keeps, and never takes from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const notFound = (revision: number) => new CommandError(`unable to find specified revision ${revision} in history`);

/** Go's zero values are absent in a typed struct: equal templates may differ by them in JSON. */
function withoutZeroValues(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(withoutZeroValues) : undefined;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const kept = withoutZeroValues(x);
      if (kept !== undefined) out[k] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v === null || v === false || v === 0 || v === '' ? undefined : v;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(sortedKeys(withoutZeroValues(a))) === JSON.stringify(sortedKeys(withoutZeroValues(b)));

function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortedKeys((v as Record<string, unknown>)[k])]));
  return v;
}

function withoutHash(template: PodTemplateSpec): PodTemplateSpec {
  const { [HASH_LABEL]: _, ...labels } = template.metadata?.labels ?? {};
  return { ...template, metadata: { ...template.metadata, labels } };
}

/** apiequality.Semantic.DeepEqual of two templates, their pod-template-hash labels aside. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return sameJson(withoutHash(a), withoutHash(b));
}

/** deploymentRevision: the wanted revision, or with 0 the one before the latest. */
export function deploymentTarget(found: Map<number, Revision>, toRevision: number, name: string): Revision {
  if (toRevision > 0) {
    const wanted = found.get(toRevision);
    if (!wanted) throw notFound(toRevision);
    return wanted;
  }
  const numbers = [...found.keys()].sort((a, b) => b - a);
  if (numbers.length < 2) throw new CommandError(`no rollout history found for deployment "${name}"`);
  return found.get(numbers[1]!)!;
}

/** findHistory: the wanted revision, or with 0 the one before the latest. */
function controllerRevisionTarget(found: Map<number, Revision>, toRevision: number): Revision {
  if (toRevision === 0 && found.size <= 1) throw new CommandError('no last revision to roll back to');
  const target = toRevision > 0 ? found.get(toRevision) : found.get([...found.keys()].sort((a, b) => b - a)[1]!);
  if (!target) throw notFound(toRevision);
  return target;
}

/** The deployment's patch back to a ReplicaSet's template and annotations. */
export function deploymentUndoPatch(deployment: KubeObject, rs: KubeObject & { spec?: { template?: PodTemplateSpec } }): unknown[] {
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(deployment.metadata?.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  return [
    { op: 'replace', path: '/spec/template', value: withoutHash(rs.spec?.template ?? {}) },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
}

/** Undoes one workload's rollout; what the command says after "kind/name". */
export async function rollback(session: Session, info: ResourceInfo, name: string, toRevision: number, dryRun: DryRun): Promise<string> {
  if (toRevision < 0) throw notFound(toRevision);
  const path = objectPath(info, session.config.namespace, name);
  const current = await session.rest.json<KubeObject & { spec?: { paused?: boolean; template?: PodTemplateSpec } }>({ path });
  const found = await revisions(session, info.kind, current);
  const isDeployment = info.kind === 'Deployment';
  const target = isDeployment ? deploymentTarget(found, toRevision, name) : controllerRevisionTarget(found, toRevision);
  if (dryRun === 'client') return `${isDeployment ? '' : 'will roll back to '}${podTemplateText(target.template)}`;
  if (isDeployment && current.spec?.paused) throw new CommandError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(target.template, current.spec?.template ?? {})) return `skipped rollback (current template already matches revision ${toRevision})`;
  const request = isDeployment
    ? { contentType: 'application/json-patch+json', body: deploymentUndoPatch(current, target.source) }
    : { contentType: 'application/strategic-merge-patch+json', body: (target.source as { data?: unknown }).data };
  try {
    await session.rest.json({ method: 'PATCH', path, query: { dryRun: dryRun === 'server' ? 'All' : undefined }, ...request });
  } catch (err) {
    throw new CommandError(`failed restoring revision ${toRevision}: ${(err as Error).message}`);
  }
  return 'rolled back';
}
