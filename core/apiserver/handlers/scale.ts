// The scale subresource: an autoscaling/v1 Scale view of any kind with replicas, as used by
// `kubectl scale` (merge patch of spec.replicas) and HorizontalPodAutoscalers.
import type { ResourceStore } from '../../registry/generic/resource-store';
import type { ScaleSubresource } from '../../registry/types';
import { labelSelectorToString, selectorFromLabelSelector } from '../../machinery/selectors/label-selector';
import type { KubeObject } from '../../machinery/object';
import { decodeFields } from '../openapi/field-decoder';
import { applyJsonPatch } from '../patch/json-patch';
import { undecodable, unpatchable } from './decode-errors';
import { applyMergePatch } from '../patch/merge-patch';
import { applyStrategicMergePatch } from '../patch/strategic-merge-patch';
import { decodeBody, mediaType, readBody, requireObject } from '../http/body';
import { sendJson } from '../http/respond';
import { badRequest, invalid, staleConflict, unsupportedMediaType } from '../../machinery/status';
import { SchemaNode } from '../../registry/openapi/schema-node';
import { schemaResolver } from '../../registry/openapi/definitions';
import type { WriteRequest } from './write';

function getPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const p of path.split('.').filter(Boolean)) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.').filter(Boolean);
  let cur = obj;
  for (const p of parts.slice(0, -1)) {
    if (!cur[p] || typeof cur[p] !== 'object') cur[p] = {};
    cur = cur[p] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}

export function toScale(obj: KubeObject, scale: ScaleSubresource): object {
  const rawSelector = scale.labelSelectorPath ? getPath(obj, scale.labelSelectorPath) : undefined;
  const selector =
    typeof rawSelector === 'string'
      ? rawSelector
      : rawSelector && typeof rawSelector === 'object'
        ? labelSelectorToString(selectorFromLabelSelector(rawSelector))
        : undefined;
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: (getPath(obj, scale.specReplicasPath) as number | undefined) ?? 0 },
    status: {
      replicas: (getPath(obj, scale.statusReplicasPath) as number | undefined) ?? 0,
      ...(selector ? { selector } : {}),
    },
  };
}

export function handleGetScale(w: WriteRequest): void {
  const scale = w.store.def.scale!;
  sendJson(w.res, 200, toScale(w.store.get(w.namespace, w.name!).object, scale));
}

let scaleSchema: SchemaNode | undefined;
const scaleNode = () => (scaleSchema ??= new SchemaNode({ $ref: '#/components/schemas/io.k8s.api.autoscaling.v1.Scale' }, schemaResolver()));

/** PUT or PATCH of /scale: works out the wanted replicas, then writes them to the object. */
export async function handleUpdateScale(w: WriteRequest, patchType: string | undefined): Promise<void> {
  const store: ResourceStore = w.store;
  const def = store.def;
  const scale = def.scale!;
  const body = decodeBody(await readBody(w.req), patchType ? 'application/json' : w.req.headers['content-type']);
  const result = await store.guaranteedUpdate(
    w.namespace,
    w.name!,
    (current) => {
      const view = toScale(current, scale) as { metadata: { resourceVersion?: string }; spec: { replicas: number } };
      let wanted: { metadata?: { resourceVersion?: string }; spec?: { replicas?: unknown } };
      if (!patchType) wanted = requireObject(body);
      else if (patchType === 'application/json-patch+json') wanted = applyJsonPatch(view, body) as typeof wanted;
      else if (patchType === 'application/merge-patch+json') wanted = applyMergePatch(view, requireObject(body)) as typeof wanted;
      else if (patchType === 'application/strategic-merge-patch+json') {
        wanted = applyStrategicMergePatch(view, requireObject(body), scaleNode()) as typeof wanted;
      } else throw unsupportedMediaType(patchType);
      const rv = wanted.metadata?.resourceVersion;
      if (!patchType && rv && rv !== current.metadata.resourceVersion) throw staleConflict(def, w.name!);
      // Decoded as an autoscaling/v1 Scale: replicas must be an int32.
      const { error } = decodeFields(requireObject(wanted), scaleNode(), true);
      if (error) throw (patchType ? unpatchable : undecodable('Scale', 'v1'))(error, wanted);
      const replicas = wanted.spec?.replicas;
      if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
        throw invalid('Scale', 'autoscaling', w.name!, [
          { type: 'FieldValueInvalid', field: 'spec.replicas', value: replicas, detail: 'must be greater than or equal to 0' },
        ]);
      }
      setPath(current as Record<string, unknown>, scale.specReplicasPath, replicas);
      return current;
    },
    { ...w.options, subresource: 'scale' },
  );
  sendJson(w.res, 200, toScale(result, scale));
}

export function scalePatchType(contentType: string | undefined): string {
  const t = mediaType(contentType);
  if (!t) throw badRequest('missing Content-Type for patch');
  return t;
}
