// LimitRanger admission: a new pod's containers get the namespace's LimitRange defaults for the
// requests and limits they leave out (noted in the kubernetes.io/limit-ranger annotation),
// then pods, containers and claims are held to each LimitRange's min, max and
// maxLimitRequestRatio; a breach is refused with 403 and the real messages.
import type { Container, LimitRange, LimitRangeItem, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { Registry } from '../../registry/registry';
import type { Kube } from '../../machinery/object';
import { forbidden } from '../../machinery/status';
import { quantityToMilli } from '../../machinery/quantity';
import type { AdmissionRequest } from '../../registry/generic/resource-store';
import { add, compare, type ResourceList } from '../../quota/resource-list';
import type { AdmissionPlugin } from './chain';

const ANNOTATION = 'kubernetes.io/limit-ranger';
type List = ResourceList | undefined;

/** Pods on create and claims; never subresources (containers cannot change after create). */
function concerned(req: AdmissionRequest): 'pod' | 'pvc' | undefined {
  if (req.options.subresource || req.def.group !== '') return undefined;
  if (req.def.plural === 'pods' && req.operation === 'CREATE') return 'pod';
  if (req.def.plural === 'persistentvolumeclaims' && (req.operation === 'CREATE' || req.operation === 'UPDATE')) return 'pvc';
  return undefined;
}

/** Defaults of the Container items: limits from `default`, requests from `defaultRequest`. */
function containerDefaults(ranges: LimitRange[]): { requests: ResourceList; limits: ResourceList } {
  const requests: ResourceList = {};
  const limits: ResourceList = {};
  for (const item of ranges.flatMap((r) => r.spec?.limits ?? [])) {
    if (item.type !== 'Container') continue;
    Object.assign(requests, item.defaultRequest);
    Object.assign(limits, item.default);
  }
  return { requests, limits };
}

/** Fills what a container leaves out; returns the annotation phrases for what it set. */
function defaultContainer(c: Container, d: { requests: ResourceList; limits: ResourceList }, label: string): string[] {
  const limits: ResourceList = { ...(c.resources?.limits as List) };
  // The API's own defaulting (requests from limits) comes first in Kubernetes, before admission.
  const requests: ResourceList = { ...limits, ...(c.resources?.requests as List) };
  const setLimits = Object.keys(d.limits).filter((k) => !(k in limits)).sort();
  const setRequests = Object.keys(d.requests).filter((k) => !(k in requests)).sort();
  for (const k of setLimits) limits[k] = d.limits[k]!;
  for (const k of setRequests) requests[k] = d.requests[k]!;
  // Empty lists stay absent, as Go leaves them out of the stored object.
  if (Object.keys(limits).length || Object.keys(requests).length) {
    c.resources = { ...c.resources, ...(Object.keys(limits).length ? { limits } : {}), ...(Object.keys(requests).length ? { requests } : {}) };
  }
  const notes: string[] = [];
  if (setRequests.length) notes.push(`${setRequests.join(', ')} request for ${label} ${c.name}`);
  if (setLimits.length) notes.push(`${setLimits.join(', ')} limit for ${label} ${c.name}`);
  return notes;
}

function minConstraint(type: string, r: string, min: string, requests: List, limits: List): string | undefined {
  const req = requests?.[r];
  const lim = limits?.[r];
  if (req === undefined) return `minimum ${r} usage per ${type} is ${min}.  No request is specified`;
  if (compare(req, min) < 0) return `minimum ${r} usage per ${type} is ${min}, but request is ${req}`;
  if (lim !== undefined && compare(lim, min) < 0) return `minimum ${r} usage per ${type} is ${min}, but limit is ${lim}`;
  return undefined;
}

function maxConstraint(type: string, r: string, max: string, requests: List, limits: List): string | undefined {
  const req = requests?.[r];
  const lim = limits?.[r];
  if (lim === undefined) return `maximum ${r} usage per ${type} is ${max}.  No limit is specified`;
  if (compare(lim, max) > 0) return `maximum ${r} usage per ${type} is ${max}, but limit is ${lim}`;
  if (req !== undefined && compare(req, max) > 0) return `maximum ${r} usage per ${type} is ${max}, but request is ${req}`;
  return undefined;
}

/** The claim form: only the request is the user's, so max applies to it. */
function maxRequestConstraint(type: string, r: string, max: string, requests: List): string | undefined {
  const req = requests?.[r];
  if (req === undefined) return `maximum ${r} usage per ${type} is ${max}.  No request is specified`;
  if (compare(req, max) > 0) return `maximum ${r} usage per ${type} is ${max}, but request is ${req}`;
  return undefined;
}

function ratioConstraint(type: string, r: string, ratio: string, requests: List, limits: List): string | undefined {
  const req = requests?.[r] !== undefined ? quantityToMilli(requests[r]!) : 0;
  const lim = limits?.[r] !== undefined ? quantityToMilli(limits[r]!) : 0;
  const prefix = `${r} max limit to request ratio per ${type} is ${ratio}`;
  if (req === 0) return `${prefix}, but no request is specified or request is 0`;
  if (lim === 0) return `${prefix}, but no limit is specified or limit is 0`;
  const observed = lim / req;
  if (observed * 1000 > quantityToMilli(ratio)) return `${prefix}, but provided ratio is ${observed.toFixed(6)}`;
  return undefined;
}

function checkItem(item: LimitRangeItem, type: string, requests: List, limits: List): string[] {
  const out: Array<string | undefined> = [];
  for (const [r, v] of Object.entries(item.min ?? {}).sort()) out.push(minConstraint(type, r, v, requests, limits));
  for (const [r, v] of Object.entries(item.max ?? {}).sort()) out.push(maxConstraint(type, r, v, requests, limits));
  for (const [r, v] of Object.entries(item.maxLimitRequestRatio ?? {}).sort()) out.push(ratioConstraint(type, r, v, requests, limits));
  return out.filter((m): m is string => m !== undefined);
}

/** PodRequests/PodLimits for the Pod type: containers summed, each init container a floor. */
function podTotal(pod: Pod, field: 'requests' | 'limits'): ResourceList {
  let sum: ResourceList = {};
  for (const c of pod.spec?.containers ?? []) sum = add(sum, (c.resources?.[field] as List) ?? {});
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [k, v] of Object.entries((c.resources?.[field] as List) ?? {})) if (!(k in sum) || compare(v, sum[k]) > 0) sum[k] = v;
  }
  return sum;
}

function podErrors(ranges: LimitRange[], pod: Pod): string[] {
  const errs: string[] = [];
  for (const item of ranges.flatMap((r) => r.spec?.limits ?? [])) {
    if (item.type === 'Container') {
      for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
        errs.push(...checkItem(item, 'Container', c.resources?.requests as List, c.resources?.limits as List));
      }
    } else if (item.type === 'Pod') {
      errs.push(...checkItem(item, 'Pod', podTotal(pod, 'requests'), podTotal(pod, 'limits')));
    }
  }
  return errs;
}

function claimErrors(ranges: LimitRange[], pvc: PersistentVolumeClaim): string[] {
  const errs: Array<string | undefined> = [];
  const requests = pvc.spec?.resources?.requests as List;
  for (const item of ranges.flatMap((r) => r.spec?.limits ?? [])) {
    if (item.type !== 'PersistentVolumeClaim') continue;
    for (const [r, v] of Object.entries(item.min ?? {}).sort()) errs.push(minConstraint(item.type, r, v, requests, {}));
    for (const [r, v] of Object.entries(item.max ?? {}).sort()) errs.push(maxRequestConstraint(item.type, r, v, requests));
  }
  return errs.filter((m): m is string => m !== undefined);
}

/** utilerrors.NewAggregate's text: one message as is, several in brackets. */
const aggregate = (msgs: string[]) => {
  const unique = [...new Set(msgs)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
};

export function limitRanger(registry: Registry): AdmissionPlugin {
  const rangesIn = (ns: string): LimitRange[] =>
    (registry.storeFor('', 'limitranges')?.list({ namespace: ns }).items ?? []).map((c) => c.object as Kube<LimitRange>);
  return {
    name: 'LimitRanger',
    mutate(req) {
      if (concerned(req) !== 'pod' || !req.namespace) return;
      const ranges = rangesIn(req.namespace);
      if (ranges.length === 0) return;
      const pod = req.object as Kube<Pod>;
      const d = containerDefaults(ranges);
      const notes = [
        ...(pod.spec?.containers ?? []).flatMap((c) => defaultContainer(c, d, 'container')),
        ...(pod.spec?.initContainers ?? []).flatMap((c) => defaultContainer(c, d, 'init container')),
      ];
      if (notes.length) pod.metadata.annotations = { ...pod.metadata.annotations, [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
    },
    validate(req) {
      const kind = concerned(req);
      if (!kind || !req.namespace) return;
      const ranges = rangesIn(req.namespace);
      if (ranges.length === 0) return;
      const errs = kind === 'pod' ? podErrors(ranges, req.object as Pod) : claimErrors(ranges, req.object as PersistentVolumeClaim);
      if (errs.length) throw forbidden(req.def, req.name, aggregate(errs));
    },
  };
}
