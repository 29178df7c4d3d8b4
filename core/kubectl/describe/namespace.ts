// kubectl describe namespace: its status and conditions, then its resource quotas and limit
// ranges (left out when the server has no such resources).
import type { LimitRange, Namespace, ResourceQuota } from 'kubernetes-types/core/v1';
import { ServerError } from '../rest';
import { annotationsMultiline, labelsMultiline, rfc1123z } from './format';
import { sortedNames } from './containers';
import { apiPath, getObject, listAll, type DescribeContext } from './fetch';
import { DescribeWriter } from './writer';

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** A list, or undefined when the server does not serve the resource (404). */
async function optionalList<T>(ctx: DescribeContext, path: string): Promise<T[] | undefined> {
  try {
    return await listAll<T>(ctx, path);
  } catch (err) {
    if (err instanceof ServerError && err.httpStatus === 404) return undefined;
    throw err;
  }
}

function describeQuotas(w: DescribeWriter, quotas: ResourceQuota[]): void {
  if (!quotas.length) return w.write(0, 'No resource quota.\n');
  w.write(0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1))) {
    w.write(1, `Name:\t${q.metadata?.name}\n`);
    const scopes = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length) {
      w.write(1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(1, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(1, 'Resource\tUsed\tHard\n');
    w.write(1, '--------\t---\t---\n');
    for (const r of sortedNames(q.status?.hard)) w.write(1, `${r}\t${String(q.status?.used?.[r] ?? '0')}\t${String(q.status!.hard![r])}\n`);
  }
}

function describeLimitRanges(w: DescribeWriter, ranges: LimitRange[]): void {
  if (!ranges.length) return w.write(0, 'No LimitRange resource.\n');
  w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const range of ranges) {
    for (const item of range.spec?.limits ?? []) {
      const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
      const names = [...new Set(lists.flatMap((l) => Object.keys(l ?? {})))].sort();
      for (const n of names) w.write(0, ` ${item.type}\t${n}\t${lists.map((l) => (l?.[n] !== undefined ? String(l[n]) : '-')).join('\t')}\n`);
    }
  }
}

export async function describeNamespace(ctx: DescribeContext, _namespace: string, name: string): Promise<string> {
  const ns = await getObject<Namespace>(ctx, apiPath('v1', 'namespaces', undefined, name));
  const quotas = await optionalList<ResourceQuota>(ctx, apiPath('v1', 'resourcequotas', name));
  const ranges = await optionalList<LimitRange>(ctx, apiPath('v1', 'limitranges', name));
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ns.metadata?.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata?.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  if (ns.status?.conditions?.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of ns.status.conditions) w.write(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  if (quotas) {
    w.write(0, '\n');
    describeQuotas(w, quotas);
  }
  if (ranges) {
    w.write(0, '\n');
    describeLimitRanges(w, ranges);
  }
  return w.toString();
}
