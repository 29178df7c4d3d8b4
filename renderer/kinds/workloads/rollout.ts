// The writes kubectl rollout makes, as pure functions: restart, pause/resume and undo. Kept
// free of Vue so they can be checked against what kubectl sends.
import type { KubeObject } from '../../kube/kube-object';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
export const REVISION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const POD_TEMPLATE_HASH = 'pod-template-hash';

/** kubectl rollout restart: a strategic merge patch stamping the pod template, so its hash
 *  changes and the controller rolls every pod. RFC 3339 to the second, as Go formats it. */
export function restartPatch(now: Date): unknown {
  const at = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: at } } } } };
}

/** kubectl rollout pause / resume. */
export function pausePatch(paused: boolean): unknown {
  return { spec: { paused } };
}

// Annotations a rollback leaves as the Deployment has them (kubectl's annotationsToSkip).
const KEPT_ON_ROLLBACK = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

type Template = { metadata?: { labels?: Record<string, string> } } & Record<string, unknown>;

/** A ReplicaSet's pod template as its Deployment held it: without the pod-template-hash label. */
export function deploymentTemplate(rs: KubeObject): Template {
  // A JSON copy: the object may be a Vue proxy, which structuredClone refuses.
  const template = JSON.parse(JSON.stringify((rs.spec as { template?: Template } | undefined)?.template ?? {})) as Template;
  if (template.metadata?.labels) {
    delete template.metadata.labels[POD_TEMPLATE_HASH];
    if (Object.keys(template.metadata.labels).length === 0) delete template.metadata.labels;
  }
  return template;
}

/** kubectl rollout undo --to-revision: refuses a paused Deployment and a no-op, then returns
 *  the JSON patch replacing the template and the annotations with the revision's. */
export function rollbackPatch(deployment: KubeObject, rs: KubeObject): unknown[] {
  if ((deployment.spec as { paused?: boolean } | undefined)?.paused) {
    throw new Error('You cannot roll back a paused Deployment: resume it first, then try again.');
  }
  const revision = rs.metadata?.annotations?.[REVISION] ?? '?';
  const template = deploymentTemplate(rs);
  const current = (deployment.spec as { template?: unknown } | undefined)?.template;
  if (sameJson(template, current)) throw new Error(`Skipped: the current template already matches revision ${revision}.`);
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(deployment.metadata?.annotations ?? {})) if (KEPT_ON_ROLLBACK.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) if (!KEPT_ON_ROLLBACK.has(k)) annotations[k] = v;
  return [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
}

/** Deep equality of JSON values, key order ignored. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
