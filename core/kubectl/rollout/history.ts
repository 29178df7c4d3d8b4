// A workload's revisions, as kubectl's HistoryViewers find them: a Deployment's ReplicaSets
// (listed by its selector, kept when it controls them, numbered by their revision annotation),
// a DaemonSet's or StatefulSet's ControllerRevisions (numbered by .revision, their pod template
// being the one the revision's patch puts in place).
import type { ControllerRevision, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { selectorString } from '../attachable-pod';
import { CommandError, type Session } from '../command';
import { describePodTemplate } from '../describe/pod';
import { DescribeWriter } from '../describe/writer';
import type { KubeObject } from '../resource-objects';
import { alignColumns } from '../printers/tabwriter';
import { revisionOf } from './status';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export interface Revision {
  number: number;
  changeCause: string;
  template: PodTemplateSpec;
  /** The ReplicaSet or ControllerRevision it came from (what -o prints). */
  source: KubeObject;
}

interface Workload extends KubeObject {
  spec?: { selector?: LabelSelector; template?: PodTemplateSpec };
}

const controlledBy = (o: KubeObject, owner: KubeObject) =>
  ((o.metadata?.ownerReferences ?? []) as { controller?: boolean; uid: string }[]).some((r) => r.controller && r.uid === owner.metadata?.uid);

async function owned<T extends KubeObject>(session: Session, owner: Workload, resource: string): Promise<T[]> {
  const namespace = owner.metadata?.namespace ?? session.config.namespace;
  const list = await session.rest.json<{ items: T[] }>({
    path: `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/${resource}`,
    query: { labelSelector: selectorString(owner.spec?.selector ?? {}) },
  });
  return list.items.filter((o) => controlledBy(o, owner));
}

/** The pod template a ControllerRevision restores: its data replaces the template ($patch: replace). */
export function revisionTemplate(revision: ControllerRevision): PodTemplateSpec {
  const { $patch: _, ...template } = ((revision.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template ?? {}) as Record<string, unknown>;
  return template as PodTemplateSpec;
}

/** Every revision of the workload, by number (a later source of a number wins, as kubectl's map). */
export async function revisions(session: Session, kind: string, workload: Workload): Promise<Map<number, Revision>> {
  const found = new Map<number, Revision>();
  if (kind === 'Deployment') {
    for (const rs of await owned<ReplicaSet & KubeObject>(session, workload, 'replicasets')) {
      const number = revisionOf(rs);
      found.set(number, { number, changeCause: rs.metadata?.annotations?.[CHANGE_CAUSE] ?? '', template: rs.spec?.template ?? {}, source: { apiVersion: 'apps/v1', kind: 'ReplicaSet', ...rs } });
    }
    return found;
  }
  for (const cr of await owned<ControllerRevision & KubeObject>(session, workload, 'controllerrevisions'))
    found.set(cr.revision, { number: cr.revision, changeCause: cr.metadata?.annotations?.[CHANGE_CAUSE] ?? '', template: revisionTemplate(cr), source: { apiVersion: 'apps/v1', kind: 'ControllerRevision', ...cr } });
  return found;
}

/** describe.DescribePodTemplate into a plain buffer, as history and undo --dry-run show a revision. */
export function podTemplateText(template: PodTemplateSpec): string {
  const w = new DescribeWriter();
  describePodTemplate(w, template);
  return w.text();
}

/** A Deployment's history shows each ReplicaSet's change-cause among its template's annotations. */
function withChangeCause(r: Revision): PodTemplateSpec {
  if (!r.changeCause || r.source.kind === 'ControllerRevision') return r.template;
  const metadata = r.template.metadata ?? {};
  return { ...r.template, metadata: { ...metadata, annotations: { ...metadata.annotations, [CHANGE_CAUSE]: r.changeCause } } };
}

/** ViewHistory: the REVISION/CHANGE-CAUSE table, or one revision's pod template. */
export function historyText(found: Map<number, Revision>, revision: number): string {
  if (!found.size) return 'No rollout history found.';
  if (revision > 0) {
    const one = found.get(revision);
    if (!one) throw new CommandError('unable to find the specified revision');
    return podTemplateText(withChangeCause(one));
  }
  const rows = [...found.values()].sort((a, b) => a.number - b.number).map((r) => [String(r.number), r.changeCause || '<none>']);
  return alignColumns([['REVISION', 'CHANGE-CAUSE'], ...rows], { minWidth: 0, padding: 2 });
}

/** apps.GroupKindElement.Accept: the kinds kubectl's visitors know, by group. */
function visitedKind(group: string, kind: string): boolean {
  const apps = group === 'apps' || group === 'extensions';
  const core = group === '' || group === 'core';
  return (
    (apps && ['DaemonSet', 'Deployment', 'ReplicaSet'].includes(kind)) ||
    (group === 'apps' && kind === 'StatefulSet') ||
    (group === 'batch' && (kind === 'Job' || kind === 'CronJob')) ||
    (core && (kind === 'Pod' || kind === 'ReplicationController'))
  );
}

/** HistoryViewerFor / RollbackerFor: which kinds have history, and how the others are refused. */
export function checkHistoryKind(what: 'history viewer' | 'rollbacker', group: string, kind: string): void {
  const groupKind = group ? `${kind}.${group}` : kind;
  if (!visitedKind(group, kind)) throw new CommandError(`error retrieving ${what === 'history viewer' ? 'history' : what} for "${groupKind}", no visitor method exists for {${group} ${kind}}`);
  if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(kind)) throw new CommandError(`no ${what} has been implemented for "${groupKind}"`);
}
