// Containers as describe prints them, in a pod (with their statuses) and in a pod template:
// image, ports, command, state, resources, probes, environment and mounts.
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, Probe, ResourceRequirements } from 'kubernetes-types/core/v1';
import { quantityToMilli, quantityToNumber } from '../../machinery/quantity';
import { rfc1123z } from './format';
import type { DescribeWriter } from './writer';

const ports = (c: Container, pick: (p: NonNullable<Container['ports']>[number]) => number | undefined) =>
  (c.ports ?? []).map((p) => `${pick(p) ?? 0}/${p.protocol ?? ''}`).join(', ');

/** Resource names sorted as strings (SortedResourceNames). */
export const sortedNames = (list: Record<string, unknown> | undefined) => Object.keys(list ?? {}).sort();

export function describeResources(w: DescribeWriter, resources: ResourceRequirements | undefined, level: number): void {
  if (!resources) return;
  for (const [title, list] of [
    ['Limits', resources.limits],
    ['Requests', resources.requests],
  ] as const) {
    if (Object.keys(list ?? {}).length) w.write(level, `${title}:\n`);
    for (const name of sortedNames(list)) w.write(level + 1, `${name}:\t${String(list![name])}\n`);
  }
}

function describeState(w: DescribeWriter, title: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
  }
}

/** DescribeProbe: "http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3". */
export function probeText(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const port = String(p.httpGet.port ?? '');
    const host = p.httpGet.host ?? '';
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    return `http-get ${(p.httpGet.scheme ?? '').toLowerCase()}://${hostPort}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** A downward-API field of the pod, as EnvValueRetriever resolves the common paths. */
function fieldValue(pod: Pod | undefined, path: string): string {
  if (!pod) return '';
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (pod.metadata?.[m[1] as 'labels' | 'annotations'] ?? {})[m[2]!] ?? '';
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return values[path] ?? '';
}

/** ExtractContainerResourceValue: a container's request or limit in units of the divisor, rounded up. */
function resourceFieldValue(c: Container, resource: string, divisor: string): string {
  const [kind, name] = resource.split('.') as [string, string];
  const list = kind === 'limits' ? c.resources?.limits : kind === 'requests' ? c.resources?.requests : undefined;
  if (!list || !name) return '';
  const value = String(list[name] ?? '0');
  if (name === 'cpu') return String(Math.ceil(quantityToMilli(value) / quantityToMilli(divisor || '1')));
  return String(Math.ceil(quantityToNumber(value) / quantityToNumber(divisor || '1')));
}

function describeEnv(w: DescribeWriter, c: Container, pod: Pod | undefined): void {
  if (c.envFrom?.length) {
    w.write(2, 'Environment Variables from:\n');
    for (const e of c.envFrom) {
      const [from, ref] = e.configMapRef ? ['ConfigMap', e.configMapRef] : e.secretRef ? ['Secret', e.secretRef] : ['', undefined];
      const optional = ref?.optional === true;
      w.write(3, e.prefix ? `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n` : `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`);
    }
  }
  w.write(2, `Environment:${c.env?.length ? '' : '\t<none>'}\n`);
  for (const e of c.env ?? []) describeEnvVar(w, c, e, pod);
}

function describeEnvVar(w: DescribeWriter, c: Container, e: EnvVar, pod: Pod | undefined): void {
  const from = e.valueFrom;
  if (!from) {
    (e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
  } else if (from.fieldRef) {
    w.write(3, `${e.name}:\t${fieldValue(pod, from.fieldRef.fieldPath)} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`);
  } else if (from.resourceFieldRef) {
    const resource = from.resourceFieldRef.resource;
    let value = resourceFieldValue(c, resource, String(from.resourceFieldRef.divisor ?? ''));
    if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
    w.write(3, `${e.name}:\t${value} (${resource})\n`);
  } else if (from.secretKeyRef) {
    w.write(3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${from.secretKeyRef.optional === true}\n`);
  } else if (from.configMapKeyRef) {
    w.write(3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`);
  }
}

function describeMounts(w: DescribeWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.write(2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  if (c.volumeDevices?.length) {
    w.write(2, 'Devices:\n');
    const devices = [...c.volumeDevices].sort((a, b) => (a.devicePath < b.devicePath ? -1 : a.devicePath > b.devicePath ? 1 : 0));
    for (const d of devices) w.write(3, `${d.devicePath} from ${d.name}\n`);
  }
}

/** describeContainers: `space` is "" in a pod and "  " in a pod template (names then get one more space). */
export function describeContainers(w: DescribeWriter, label: string, containers: Container[], statuses: ContainerStatus[] | undefined, pod: Pod | undefined, space: string): void {
  w.write(0, `${space}${label}:${containers.length ? '' : ' <none>'}\n`);
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of containers) {
    const status = byName.get(c.name);
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID}\n`);
    const containerPorts = ports(c, (p) => p.containerPort);
    w.write(2, containerPorts.includes(',') ? `Ports:\t${containerPorts}\n` : `Port:\t${containerPorts || '<none>'}\n`);
    const hostPorts = ports(c, (p) => p.hostPort);
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    const seccomp = c.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(2, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    for (const [title, words] of [
      ['Command', c.command],
      ['Args', c.args],
    ] as const) {
      if (!words?.length) continue;
      w.write(2, `${title}:\n`);
      for (const word of words) for (const s of word.split('\n')) w.write(3, `${s}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state);
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState);
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(w, c.resources, 2);
    if (c.livenessProbe) w.write(2, `Liveness:\t${probeText(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${probeText(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${probeText(c.startupProbe)}\n`);
    describeEnv(w, c, pod);
    describeMounts(w, c);
  }
}
