// What a StatefulSet or DaemonSet revision stores: a strategic merge patch that puts the pod
// template back, {"spec":{"template":{...,"$patch":"replace"}}}, written as the Go controllers
// write it (their template struct always carries metadata.creationTimestamp, as null).
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { goJsonMarshal } from './go-json';

export function templatePatch(template: PodTemplateSpec | undefined): string {
  const t = structuredClone(template ?? {}) as Record<string, unknown>;
  const meta = (t.metadata ??= {}) as Record<string, unknown>;
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  t.spec ??= {};
  t.$patch = 'replace';
  return goJsonMarshal({ spec: { template: t } });
}

/** A stored revision's data in the same byte form, for comparison with templatePatch. */
export const revisionBytes = (data: unknown): string => goJsonMarshal(data ?? null);

/** The pod template a revision restores (its data without the $patch directive). */
export function templateOfRevision(data: unknown): PodTemplateSpec | undefined {
  const t = (data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template;
  if (!t) return undefined;
  const { $patch: _directive, ...template } = t;
  return template as PodTemplateSpec;
}
