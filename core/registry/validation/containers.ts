// Containers and init containers of a pod spec (validateContainers, validateInitContainers).
import type {
  Container,
  ContainerPort,
  EnvFromSource,
  EnvVar,
  LifecycleHandler,
  Probe,
  VolumeMount,
} from 'kubernetes-types/core/v1';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import { child, index } from './field-path';
import { isNegativeErrorMsg } from './immutable';
import {
  httpHeaderNameErrors,
  isConfigMapKey,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidPortName,
  isValidPortNum,
} from '../../machinery/names';
import { validateResourceRequirements } from './resources';
import { validateLocalDescendingPath } from './volumes';

const protocols = ['SCTP', 'TCP', 'UDP'];

function validatePorts(ports: ContainerPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = index(path, i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) msgs.forEach((m) => errs.push(invalid(child(p, 'name'), port.name, m)));
      else if (names.has(port.name)) errs.push(duplicate(child(p, 'name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(child(p, 'containerPort')));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(invalid(child(p, 'containerPort'), port.containerPort, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(invalid(child(p, 'hostPort'), port.hostPort, m));
    if (!port.protocol) errs.push(required(child(p, 'protocol')));
    else if (!protocols.includes(port.protocol)) errs.push(notSupported(child(p, 'protocol'), port.protocol, protocols));
  });
  return errs;
}

const envFieldPaths = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
const envResourcePaths = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];

function validateKeyRef(ref: { name?: string; key: string }, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const m of isDNS1123Subdomain(ref.name ?? '')) errs.push(invalid(child(path, 'name'), ref.name ?? '', m));
  if (!ref.key) errs.push(required(child(path, 'key')));
  else for (const m of isConfigMapKey(ref.key)) errs.push(invalid(child(path, 'key'), ref.key, m));
  return errs;
}

function validateFieldRef(ref: { apiVersion?: string; fieldPath: string }, path: string): FieldError[] {
  if (!ref.apiVersion) return [required(child(path, 'apiVersion'))];
  if (!ref.fieldPath) return [required(child(path, 'fieldPath'))];
  const m = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(ref.fieldPath);
  if (m) {
    const k = m[1] === 'metadata.annotations' ? m[2].toLowerCase() : m[2];
    return isQualifiedName(k).map((msg) => invalid(path, k, msg));
  }
  return envFieldPaths.includes(ref.fieldPath) ? [] : [notSupported(child(path, 'fieldPath'), ref.fieldPath, envFieldPaths)];
}

function validateEnv(env: EnvVar[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const p = index(path, i);
    if (!ev.name) errs.push(required(child(p, 'name')));
    else for (const m of isRelaxedEnvVarName(ev.name)) errs.push(invalid(child(p, 'name'), ev.name, m));
    const from = ev.valueFrom;
    if (!from) return;
    const fp = child(p, 'valueFrom');
    let sources = 0;
    if (from.fieldRef) {
      sources++;
      errs.push(...validateFieldRef(from.fieldRef, child(fp, 'fieldRef')));
    }
    if (from.resourceFieldRef) {
      sources++;
      const r = from.resourceFieldRef.resource;
      const rp = child(fp, 'resourceFieldRef');
      if (!r) errs.push(required(child(rp, 'resource')));
      else if (!envResourcePaths.includes(r) && !/^(limits|requests)\.hugepages-/.test(r)) {
        errs.push(notSupported(child(rp, 'resource'), r, envResourcePaths));
      }
    }
    if (from.configMapKeyRef) {
      sources++;
      errs.push(...validateKeyRef(from.configMapKeyRef, child(fp, 'configMapKeyRef')));
    }
    if (from.secretKeyRef) {
      sources++;
      errs.push(...validateKeyRef(from.secretKeyRef, child(fp, 'secretKeyRef')));
    }
    if (sources === 0) {
      errs.push(invalid(fp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    } else if (ev.value) {
      errs.push(invalid(fp, '', 'may not be specified when `value` is not empty'));
    } else if (sources > 1) {
      errs.push(invalid(fp, '', 'may not have more than one field specified at a time'));
    }
  });
  return errs;
}

function validateEnvFrom(envFrom: EnvFromSource[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (envFrom ?? []).forEach((ef, i) => {
    const p = index(path, i);
    if (ef.prefix) for (const m of isEnvVarName(ef.prefix)) errs.push(invalid(child(p, 'prefix'), ef.prefix, m));
    let sources = 0;
    for (const [field, ref] of [
      ['configMapRef', ef.configMapRef],
      ['secretRef', ef.secretRef],
    ] as const) {
      if (!ref) continue;
      sources++;
      const np = child(p, field, 'name');
      if (!ref.name) errs.push(required(np));
      else for (const m of isDNS1123Subdomain(ref.name)) errs.push(invalid(np, ref.name, m));
    }
    if (sources === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateVolumeMounts(mounts: VolumeMount[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const p = index(path, i);
    if (!m.name) errs.push(required(child(p, 'name')));
    if (!volumes.has(m.name)) errs.push({ type: 'FieldValueNotFound', field: child(p, 'name'), value: m.name });
    if (!m.mountPath) errs.push(required(child(p, 'mountPath')));
    if (mountPoints.has(m.mountPath)) errs.push(invalid(child(p, 'mountPath'), m.mountPath, 'must be unique'));
    mountPoints.add(m.mountPath);
    // Kubernetes reports sub-path problems against the list path, not the item.
    if (m.subPath) errs.push(...validateLocalDescendingPath(m.subPath, child(path, 'subPath')));
    if (m.subPathExpr) {
      if (m.subPath) errs.push(invalid(child(p, 'subPathExpr'), m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(m.subPathExpr, child(path, 'subPathExpr')));
    }
  });
  return errs;
}

function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  return isValidPortNum(port ?? 0).map((m) => invalid(path, port ?? 0, m));
}

const schemes = ['HTTP', 'HTTPS'];

/** A probe or lifecycle action: exactly one handler kind. */
function validateHandler(h: Probe | LifecycleHandler, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const kinds: [string, unknown][] = [
    ['exec', h.exec],
    ['httpGet', h.httpGet],
    ['tcpSocket', h.tcpSocket],
    ['grpc', (h as Probe).grpc],
  ];
  let count = 0;
  for (const [kind, action] of kinds) {
    if (!action) continue;
    const p = child(path, kind);
    if (count++ > 0) {
      errs.push(forbidden(p, 'may not specify more than 1 handler type'));
      continue;
    }
    if (kind === 'exec' && !h.exec?.command?.length) errs.push(required(child(p, 'command')));
    if (kind === 'httpGet' && h.httpGet) {
      if (!h.httpGet.path) errs.push(required(child(p, 'path')));
      errs.push(...validatePortNumOrName(h.httpGet.port, child(p, 'port')));
      if (!schemes.includes(h.httpGet.scheme ?? '')) errs.push(notSupported(child(p, 'scheme'), h.httpGet.scheme ?? '', schemes));
      for (const header of h.httpGet.httpHeaders ?? []) {
        for (const m of httpHeaderNameErrors(header.name)) errs.push(invalid(child(p, 'httpHeaders'), header.name, m));
      }
    }
    if (kind === 'tcpSocket' && h.tcpSocket) errs.push(...validatePortNumOrName(h.tcpSocket.port, child(p, 'port')));
    if (kind === 'grpc') errs.push(...validatePortNumOrName((h as Probe).grpc?.port ?? 0, child(p, 'port')));
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(probe: Probe | undefined, path: string): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const v = probe[f];
    if (v !== undefined && v < 0) errs.push(invalid(child(path, f), v, isNegativeErrorMsg));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (grace !== undefined && grace !== null && grace <= 0) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), grace, 'must be greater than 0'));
  }
  return errs;
}

const pullPolicies = ['Always', 'IfNotPresent', 'Never'];

/** The checks every container kind shares; volumes are the names declared in the pod. */
function validateContainer(ctr: Container, volumes: Set<string>, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!ctr.image) errs.push(required(child(p, 'image')));
  switch (ctr.terminationMessagePolicy ?? '') {
    case 'File':
    case 'FallbackToLogsOnError':
      break;
    case '':
      errs.push(required(child(p, 'terminationMessagePolicy'), "must be 'File' or 'FallbackToLogsOnError'"));
      break;
    default:
      errs.push(invalid(child(p, 'terminationMessagePolicy'), ctr.terminationMessagePolicy, "must be 'File' or 'FallbackToLogsOnError'"));
  }
  errs.push(...validatePorts(ctr.ports, child(p, 'ports')));
  errs.push(...validateEnv(ctr.env, child(p, 'env')));
  errs.push(...validateEnvFrom(ctr.envFrom, child(p, 'envFrom')));
  errs.push(...validateVolumeMounts(ctr.volumeMounts, volumes, child(p, 'volumeMounts')));
  if (!ctr.imagePullPolicy) errs.push(required(child(p, 'imagePullPolicy')));
  else if (!pullPolicies.includes(ctr.imagePullPolicy)) errs.push(notSupported(child(p, 'imagePullPolicy'), ctr.imagePullPolicy, pullPolicies));
  errs.push(...validateResourceRequirements(ctr.resources, child(p, 'resources')));
  return errs;
}

/** Name syntax, and uniqueness against the names seen so far (which it extends). */
function validateName(name: string | undefined, seen: Set<string>, p: string): FieldError[] {
  const namePath = child(p, 'name');
  const errs = name ? isDNS1123Label(name).map((m) => invalid(namePath, name, m)) : [required(namePath)];
  if (seen.has(name ?? '')) errs.push(duplicate(namePath, name ?? ''));
  else if (name) seen.add(name);
  return errs;
}

function probesAndLifecycle(ctr: Container, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (ctr.lifecycle?.postStart) errs.push(...validateHandler(ctr.lifecycle.postStart, child(p, 'lifecycle', 'postStart')));
  if (ctr.lifecycle?.preStop) errs.push(...validateHandler(ctr.lifecycle.preStop, child(p, 'lifecycle', 'preStop')));
  errs.push(...validateProbe(ctr.livenessProbe, child(p, 'livenessProbe')));
  if (ctr.livenessProbe && (ctr.livenessProbe.successThreshold ?? 0) !== 1) {
    errs.push(invalid(child(p, 'livenessProbe', 'successThreshold'), ctr.livenessProbe.successThreshold ?? 0, 'must be 1'));
  }
  errs.push(...validateProbe(ctr.readinessProbe, child(p, 'readinessProbe')));
  if (ctr.readinessProbe?.terminationGracePeriodSeconds !== undefined) {
    errs.push(
      invalid(child(p, 'readinessProbe', 'terminationGracePeriodSeconds'), ctr.readinessProbe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'),
    );
  }
  errs.push(...validateProbe(ctr.startupProbe, child(p, 'startupProbe')));
  if (ctr.startupProbe && (ctr.startupProbe.successThreshold ?? 0) !== 1) {
    errs.push(invalid(child(p, 'startupProbe', 'successThreshold'), ctr.startupProbe.successThreshold ?? 0, 'must be 1'));
  }
  return errs;
}

/** Host ports may not collide (per protocol and host IP) among containers running together. */
function hostPortConflicts(containers: Container[], path: string, indexes: number[]): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  for (const ci of indexes) {
    (containers[ci].ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const k = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(k)) errs.push(duplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), k));
      seen.add(k);
    });
  }
  return errs;
}

export function validateContainers(containers: Container[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const list = containers ?? [];
  if (list.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((ctr, i) => {
    const p = index(path, i);
    errs.push(...validateName(ctr.name, seen, p));
    errs.push(...probesAndLifecycle(ctr, p));
    errs.push(...validateContainer(ctr, volumes, p));
    if (ctr.restartPolicy) errs.push(forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(list, path, list.map((_, i) => i)));
  return errs;
}

/** Init containers; names must also differ from the regular containers'. */
export function validateInitContainers(
  inits: Container[] | undefined,
  regular: Container[] | undefined,
  volumes: Set<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set((regular ?? []).map((c) => c.name));
  (inits ?? []).forEach((ctr, i) => {
    const p = index(path, i);
    errs.push(...validateName(ctr.name, seen, p));
    errs.push(...validateContainer(ctr, volumes, p));
    const sidecar = ctr.restartPolicy === 'Always';
    if (ctr.restartPolicy !== undefined && !sidecar) {
      errs.push(notSupported(child(p, 'restartPolicy'), ctr.restartPolicy, ['Always']));
    }
    if (sidecar) {
      errs.push(...probesAndLifecycle(ctr, p));
    } else {
      const notForInit = 'may not be set for init containers without restartPolicy=Always';
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (ctr[f]) errs.push(forbidden(child(p, f), notForInit));
      }
    }
    errs.push(...hostPortConflicts(inits ?? [], path, [i]));
  });
  return errs;
}
