// kubectl describe service and ingress: the endpoints behind each port come from the
// EndpointSlices labelled kubernetes.io/service-name=<service>.
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressBackend } from 'kubernetes-types/networking/v1';
import { formatLabels } from '../../registry/printing/format';
import { annotationsMultiline, describeEvents, labelsMultiline } from './format';
import { apiPath, getObject, searchEvents, type DescribeContext } from './fetch';
import { DescribeWriter } from './writer';

const slicesOf = async (ctx: DescribeContext, namespace: string, service: string) =>
  (await ctx.rest.json<{ items?: EndpointSlice[] }>({ path: apiPath('discovery.k8s.io/v1', 'endpointslices', namespace), query: { labelSelector: `kubernetes.io/service-name=${service}` } })).items ?? [];

/** formatEndpointSlices: ready addresses (with the port of the named service port), three shown, then "+ N more...". */
export function endpointsText(slices: EndpointSlice[], portName: string): string {
  if (!slices.length) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  const add = (text: string, ready: boolean | undefined) => {
    if (list.length === 3) more = true;
    if (ready === false) return;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    if (!slice.ports?.length) {
      for (const e of slice.endpoints ?? []) add(e.addresses[0]!, e.conditions?.ready);
      continue;
    }
    for (const port of slice.ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of slice.endpoints ?? []) {
        const addr = e.addresses[0]!;
        add(`${addr.includes(':') ? `[${addr}]` : addr}:${port.port}`, e.conditions?.ready);
      }
    }
  }
  return more ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

export async function describeService(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const svc = await getObject<Service>(ctx, apiPath('v1', 'services', namespace, name));
  const slices = await slicesOf(ctx, namespace, name).catch(() => [] as EndpointSlice[]);
  const events = await searchEvents(ctx, { namespace, name, kind: 'Service', uid: svc.metadata?.uid });
  const spec = svc.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${svc.metadata?.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata?.namespace}\n`);
  labelsMultiline(w, 'Labels', svc.metadata?.labels);
  annotationsMultiline(w, 'Annotations', svc.metadata?.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? ''))).join(', ')}\n`);
  for (const p of spec.ports ?? []) {
    const portName = p.name || '<unset>';
    w.write(0, `Port:\t${portName}\t${p.port}/${p.protocol ?? ''}\n`);
    w.write(0, `TargetPort:\t${String(p.targetPort ?? 0)}/${p.protocol ?? ''}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${portName}\t${p.nodePort}/${p.protocol ?? ''}\n`);
    w.write(0, `Endpoints:\t${endpointsText(slices, p.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  if (events) describeEvents(w, events, ctx.now);
  return w.toString();
}

/** A backend and its endpoints: "web:80 (10.244.1.2:80)", or the resource it names. */
async function backendText(ctx: DescribeContext, namespace: string, backend: IngressBackend): Promise<string> {
  const s = backend.service;
  if (s) {
    const text = `${s.name}:${s.port?.number ? s.port.number : (s.port?.name ?? '')}`;
    try {
      const slices = await slicesOf(ctx, namespace, s.name);
      const svc = await getObject<Service>(ctx, apiPath('v1', 'services', namespace, s.name));
      let portName = '';
      for (const sp of svc.spec?.ports ?? []) if ((s.port?.number && s.port.number === sp.port) || (s.port?.name && s.port.name === sp.name)) portName = sp.name ?? '';
      return `${text} (${endpointsText(slices, portName)})`;
    } catch (err) {
      return `${text} (<error: ${(err as Error).message}>)`;
    }
  }
  const r = backend.resource;
  return r ? `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}` : '';
}

export async function describeIngress(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const ing = await getObject<Ingress>(ctx, apiPath('networking.k8s.io/v1', 'ingresses', namespace, name));
  const events = await searchEvents(ctx, { namespace, name, kind: 'Ingress', uid: ing.metadata?.uid });
  const spec = ing.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ing.metadata?.name}\n`);
  labelsMultiline(w, 'Labels', ing.metadata?.labels);
  w.write(0, `Namespace:\t${ing.metadata?.namespace}\n`);
  const addresses = [...new Set((ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean))].sort();
  w.write(0, `Address:\t${addresses.join(',')}\n`);
  w.write(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  const defaultBackend = spec.defaultBackend ? await backendText(ctx, namespace, spec.defaultBackend) : '<default>';
  w.write(0, `Default backend:\t${defaultBackend}\n`);
  if (spec.tls?.length) {
    w.write(0, 'TLS:\n');
    for (const t of spec.tls) w.write(1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n` : `SNI routes ${(t.hosts ?? []).join(',')}\n`);
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.write(1, `${rule.host || '*'}\t\n`);
    for (const path of rule.http.paths) w.write(2, `\t${path.path ?? ''} \t${await backendText(ctx, namespace, path.backend)}\n`);
  }
  if (!count) w.write(1, `*\t*\t${defaultBackend}\n`);
  annotationsMultiline(w, 'Annotations', ing.metadata?.annotations);
  if (events) describeEvents(w, events, ctx.now);
  return w.toString();
}
