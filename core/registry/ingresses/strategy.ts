// networking.k8s.io/v1 Ingress: ValidateIngressCreate/Update (rules, paths, backends, TLS).
import type { HTTPIngressPath, Ingress, IngressBackend, IngressSpec } from 'kubernetes-types/networking/v1';
import type { Kube } from '../../machinery/object';
import { invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child, index } from '../validation/field-path';
import { isDNS1035Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../machinery/names';
import { isValidPathSegmentName } from '../rules/path-segment';
import { resetStatus } from '../rules/fresh-status';
import { hostErrors, ipHostError } from './hosts';

type Obj = Kube<Ingress>;

const pathTypes = ['Exact', 'ImplementationSpecific', 'Prefix'];
const invalidSequences = ['//', '/./', '/../', '%2f', '%2F'];
const invalidSuffixes = ['/..', '/.'];

function validateBackend(b: IngressBackend, path: string): FieldError[] {
  if (b.resource && b.service) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (b.resource) {
    const r = b.resource;
    const p = child(path, 'resource');
    const errs: FieldError[] = [];
    if (r.apiGroup) errs.push(...isDNS1123Subdomain(r.apiGroup).map((msg) => invalid(child(p, 'apiGroup'), r.apiGroup, msg)));
    if (!r.kind) errs.push(required(child(p, 'kind')));
    else errs.push(...isValidPathSegmentName(r.kind).map((msg) => invalid(child(p, 'kind'), r.kind, msg)));
    if (!r.name) errs.push(required(child(p, 'name')));
    else errs.push(...isValidPathSegmentName(r.name).map((msg) => invalid(child(p, 'name'), r.name, msg)));
    return errs;
  }
  if (!b.service) return [invalid(path, '', 'resource or service backend is required')];
  const svc = b.service;
  const errs: FieldError[] = [];
  const namePath = child(path, 'service', 'name');
  if (!svc.name) errs.push(required(namePath));
  else errs.push(...isDNS1035Label(svc.name).map((msg) => invalid(namePath, svc.name, msg)));
  const portName = svc.port?.name ?? '';
  const portNumber = svc.port?.number ?? 0;
  if (portName && portNumber) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName) errs.push(...isValidPortName(portName).map((msg) => invalid(child(path, 'service', 'port', 'name'), portName, msg)));
  else if (portNumber) errs.push(...isValidPortNum(portNumber).map((msg) => invalid(child(path, 'service', 'port', 'number'), portNumber, msg)));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function validatePath(p: HTTPIngressPath, path: string): FieldError[] {
  if (!p.pathType) return [required(child(path, 'pathType'), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = p.path ?? '';
  const valuePath = child(path, 'path');
  switch (p.pathType) {
    case 'Exact':
    case 'Prefix':
      if (!value.startsWith('/')) errs.push(invalid(valuePath, value, 'must be an absolute path'));
      if (value) {
        for (const seq of invalidSequences) if (value.includes(seq)) errs.push(invalid(valuePath, value, `must not contain '${seq}'`));
        for (const suf of invalidSuffixes) if (value.endsWith(suf)) errs.push(invalid(valuePath, value, `cannot end with '${suf}'`));
      }
      break;
    case 'ImplementationSpecific':
      if (value && !value.startsWith('/')) errs.push(invalid(valuePath, value, 'must be an absolute path'));
      break;
    default:
      errs.push(notSupported(child(path, 'pathType'), p.pathType, pathTypes));
  }
  errs.push(...validateBackend(p.backend ?? {}, child(path, 'backend')));
  return errs;
}

function validateRules(spec: IngressSpec): FieldError[] {
  return (spec.rules ?? []).flatMap((rule, i) => {
    const p = index('spec.rules', i);
    const errs: FieldError[] = [];
    const host = rule.host ?? '';
    if (host) {
      const ipError = ipHostError(host);
      if (ipError) errs.push(invalid(child(p, 'host'), host, ipError));
      errs.push(...hostErrors(host).map((msg) => invalid(child(p, 'host'), host, msg)));
    }
    if (rule.http) {
      const httpPath = child(p, 'http');
      const paths = rule.http.paths ?? [];
      if (!paths.length) errs.push(required(child(httpPath, 'paths')));
      paths.forEach((hp, j) => errs.push(...validatePath(hp, index(child(httpPath, 'paths'), j))));
    }
    return errs;
  });
}

function validateTLS(spec: IngressSpec): FieldError[] {
  return (spec.tls ?? []).flatMap((tls) => {
    // Kubernetes indexes the hosts error by the host's position, not the TLS entry's.
    const errs = (tls.hosts ?? []).flatMap((host, i) => hostErrors(host).map((msg) => invalid(child(index('spec.tls', i), 'hosts'), host, msg)));
    if (tls.secretName) errs.push(...isDNS1123Subdomain(tls.secretName).map((msg) => invalid('spec.tls.secretName', tls.secretName, msg)));
    return errs;
  });
}

function validate(ing: Obj): FieldError[] {
  const spec: IngressSpec = ing.spec ?? {};
  const errs: FieldError[] = [];
  if (!spec.rules?.length && !spec.defaultBackend) {
    errs.push(invalid('spec', spec.rules ?? null, 'either `defaultBackend` or `rules` must be specified'));
  }
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  errs.push(...validateRules(spec), ...validateTLS(spec));
  const className = spec.ingressClassName;
  if (className !== undefined) {
    errs.push(...isDNS1123Subdomain(className).map((msg) => invalid('spec.ingressClassName', className, msg)));
  }
  return errs;
}

export const strategy: Strategy<Obj> = {
  prepareForCreate(ing) {
    resetStatus(ing, { loadBalancer: {} });
  },
  validate,
};
