// The strategic merge patches of rollout pause, resume and restart (kubectl's ObjectPauser,
// ObjectResumer and ObjectRestarter, diffed as set.CalculatePatches diffs), or why the object
// cannot take one: an Error whose message follows `<resource> "<name>"`.
import type { ResourceInfo } from '../discovery';
import type { KubeObject } from '../resource-objects';

export type RolloutAction = 'pause' | 'resume' | 'restart';

const isApps = (info: ResourceInfo) => info.group === 'apps' || info.group === 'extensions';
const isDeployment = (info: ResourceInfo) => isApps(info) && info.kind === 'Deployment';

/** Go's time.Now().Format(time.RFC3339) in the local zone: 2026-12-06T18:21:19Z or ...+01:00. */
export function rfc3339Local(now: Date): string {
  const offset = -now.getTimezoneOffset();
  const local = new Date(now.getTime() + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The patch for one object, or an Error saying why there is none. */
export function rolloutPatch(action: RolloutAction, info: ResourceInfo, object: KubeObject, now: Date): Record<string, unknown> {
  const spec = (object.spec ?? {}) as { paused?: boolean; template?: { metadata?: { annotations?: Record<string, string> } } };
  switch (action) {
    case 'pause':
      if (!isDeployment(info)) throw new Error('pausing is not supported');
      if (spec.paused) throw new Error('is already paused');
      return { spec: { paused: true } };
    case 'resume':
      if (!isDeployment(info)) throw new Error('resuming is not supported');
      if (!spec.paused) throw new Error('is not paused');
      return { spec: { paused: null } };
    case 'restart': {
      const restartable = isDeployment(info) || (isApps(info) && info.kind === 'DaemonSet') || (info.group === 'apps' && info.kind === 'StatefulSet');
      if (!restartable) throw new Error('restarting is not supported');
      if (isDeployment(info) && spec.paused) throw new Error("can't restart paused deployment (run rollout resume first)");
      const at = rfc3339Local(now);
      if (spec.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] === at) return {};
      return { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } };
    }
  }
}
