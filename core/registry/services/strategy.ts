// Service rules (SetDefaults_Service, pkg/registry/core/service strategy, ValidateService*).
// Cluster IPs, node ports and IP families are allocated by the API server, not here.
import type { Service, ServicePort, ServiceSpec, ServiceStatus } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child, index } from '../validation/field-path';
import { isValidCIDR, isValidIP, validIPDetail } from '../validation/ip';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum } from '../../machinery/names';
import { validateLabels } from '../validation/object-meta';
import { semanticEqual } from '../validation/semantic-equal';

type ServiceObject = Kube<Service>;

const defaultClientIPTimeout = 10800;
const maxClientIPTimeout = 86400;
const kubeletPort = 10250;
const protocols = ['SCTP', 'TCP', 'UDP'];
const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const internalTrafficTypes = ['ClusterIP', 'NodePort', 'LoadBalancer'];

const externallyAccessible = (s: ServiceSpec): boolean =>
  s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && (s.externalIPs?.length ?? 0) > 0);

const setStatus = (svc: ServiceObject, status: ServiceStatus): void => {
  (svc as { status?: ServiceStatus }).status = status;
};

function defaults(svc: ServiceObject): void {
  const spec = (svc.spec ??= {});
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds == null) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: defaultClientIPTimeout } };
  }
  spec.type ||= 'ClusterIP';
  for (const port of spec.ports ?? []) {
    port.protocol ||= 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  if (externallyAccessible(spec)) spec.externalTrafficPolicy ||= 'Cluster';
  if (spec.internalTrafficPolicy == null && internalTrafficTypes.includes(spec.type)) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer') {
    spec.allocateLoadBalancerNodePorts ??= true;
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
  }
}

const sameList = (a: string[] | undefined, b: string[] | undefined): boolean => semanticEqual(a ?? [], b ?? []);

/** Keeps clusterIP and clusterIPs consistent for clients that only know one of them. */
function normalizeClusterIPs(spec: ServiceSpec, old: ServiceSpec | undefined): void {
  if (!old) {
    if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  if (old.clusterIPs?.length && !spec.clusterIPs?.length && old.clusterIP === spec.clusterIP) {
    spec.clusterIPs = old.clusterIPs;
  }
  if ((old.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
    if (old.clusterIP && !spec.clusterIP) {
      if (sameList(old.clusterIPs, spec.clusterIPs)) delete spec.clusterIPs;
    } else if (sameList(old.clusterIPs, spec.clusterIPs)) {
      spec.clusterIPs = [spec.clusterIP ?? ''];
    }
  }
}

const needsClusterIP = (s: ServiceSpec): boolean => s.type !== 'ExternalName';
const needsNodePorts = (s: ServiceSpec): boolean => s.type === 'NodePort' || s.type === 'LoadBalancer';
const needsHealthCheck = (s: ServiceSpec): boolean => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';

/**
 * Re-sending a Service without the values the server allocated keeps them (the REST
 * storage's patchAllocatedValues): cluster IPs, node ports matched by port name, and the
 * health check node port.
 */
function patchAllocatedValues(spec: ServiceSpec, old: ServiceSpec): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP && old.clusterIP) spec.clusterIP = old.clusterIP;
    if (!spec.clusterIPs?.length && old.clusterIPs?.length) spec.clusterIPs = [...old.clusterIPs];
  }
  if (needsNodePorts(old) && needsNodePorts(spec)) {
    const inNew = new Set((spec.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    const byName = new Map((old.ports ?? []).map((p) => [p.name ?? '', p.nodePort]));
    for (const p of spec.ports ?? []) {
      const previous = byName.get(p.name ?? '');
      if (!p.nodePort && previous && !inNew.has(previous)) p.nodePort = previous;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(spec) && !spec.healthCheckNodePort) {
    if (old.healthCheckNodePort) spec.healthCheckNodePort = old.healthCheckNodePort;
  }
}

/** Clears fields the old type needed and the new one forbids, unless the user changed them. */
function dropTypeDependentFields(spec: ServiceSpec, old: ServiceSpec): void {
  if (needsNodePorts(old) && !needsNodePorts(spec)) {
    const oldPorts = old.ports ?? [];
    const same = (spec.ports ?? []).every((p, i) => (p.nodePort ?? 0) === (oldPorts[i]?.nodePort ?? 0));
    if (same) for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (spec.type === 'ExternalName' && old.type !== 'ExternalName') {
    if (sameList(spec.clusterIPs, old.clusterIPs) && spec.clusterIP === old.clusterIP) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameList(spec.ipFamilies, old.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === old.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsHealthCheck(old) && !needsHealthCheck(spec) && spec.healthCheckNodePort === old.healthCheckNodePort) {
    delete spec.healthCheckNodePort;
  }
  if (old.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerClass === old.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(old) && !externallyAccessible(spec) && spec.externalTrafficPolicy === old.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
  }
}

function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  return isValidPortNum(port ?? 0).map((m) => invalid(path, port ?? 0, m));
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(child(path, 'name')));
  else if (sp.name) {
    for (const m of isDNS1123Label(sp.name)) errs.push(invalid(child(path, 'name'), sp.name, m));
    if (names.has(sp.name)) errs.push(duplicate(child(path, 'name'), sp.name));
    else names.add(sp.name);
  }
  for (const m of isValidPortNum(sp.port)) errs.push(invalid(child(path, 'port'), sp.port, m));
  if (!sp.protocol) errs.push(required(child(path, 'protocol')));
  else if (!protocols.includes(sp.protocol)) errs.push(notSupported(child(path, 'protocol'), sp.protocol, protocols));
  errs.push(...validatePortNumOrName(sp.targetPort, child(path, 'targetPort')));
  if (sp.appProtocol) for (const m of isQualifiedName(sp.appProtocol)) errs.push(invalid(child(path, 'appProtocol'), sp.appProtocol, m));
  return errs;
}

function validateClusterIPs(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const ips = spec.clusterIPs ?? [];
  const path = 'spec.clusterIPs';
  if (ips.length && ips[0] !== (spec.clusterIP ?? '')) errs.push(invalid(path, ips, 'first value must match `clusterIP`'));
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) errs.push(invalid(path, ips, "'None' must be the first and only value"));
      return;
    }
    if (!isValidIP(ip)) errs.push(invalid(index(path, i), ip, validIPDetail));
  });
  if (ips.length > 2) errs.push(invalid(path, ips, 'may only hold up to 2 values'));
  const families = spec.ipFamilies ?? [];
  families.forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(index('spec.ipFamilies', i), f, ['IPv4', 'IPv6']));
  });
  if (families.length === 2 && families[0] === families[1]) errs.push(duplicate(index('spec.ipFamilies', 1), families[1]));
  const policies = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
  if (spec.ipFamilyPolicy && !policies.includes(spec.ipFamilyPolicy)) {
    errs.push(notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, policies));
  }
  return errs;
}

function validateTypeRules(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const ports = spec.ports ?? [];
  switch (spec.type) {
    case 'LoadBalancer':
      ports.forEach((p, i) => {
        if (p.port === kubeletPort) {
          errs.push(invalid(index('spec.ports', i), p.port, `may not expose port ${kubeletPort} externally since it is used by kubelet`));
        }
      });
      if (spec.clusterIP === 'None') errs.push(invalid('spec.clusterIP', spec.clusterIP, "may not be set to 'None' for LoadBalancer services"));
      break;
    case 'NodePort':
      if (spec.clusterIP === 'None') errs.push(invalid('spec.clusterIP', spec.clusterIP, "may not be set to 'None' for NodePort services"));
      break;
    case 'ExternalName': {
      if (spec.clusterIPs?.length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
      if (spec.ipFamilies?.length) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
      if (spec.ipFamilyPolicy) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
      const cname = (spec.externalName ?? '').replace(/\.$/, '');
      if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid('spec.externalName', cname, m));
      else errs.push(required('spec.externalName'));
      break;
    }
  }
  if (!spec.type) errs.push(required('spec.type'));
  else if (!serviceTypes.includes(spec.type)) errs.push(notSupported('spec.type', spec.type, serviceTypes));
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(child(index('spec.ports', i), 'nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  return errs;
}

function validateTrafficPolicies(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const policies = ['Cluster', 'Local'];
  if (externallyAccessible(spec)) {
    if (!spec.externalTrafficPolicy) errs.push(required('spec.externalTrafficPolicy'));
    else if (!policies.includes(spec.externalTrafficPolicy)) {
      errs.push(notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, policies));
    }
  } else if (spec.externalTrafficPolicy) {
    errs.push(invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  }
  if (spec.healthCheckNodePort) {
    if (!(spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local')) {
      errs.push(invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, 'may only be set when `type` is \'LoadBalancer\' and `externalTrafficPolicy` is \'Local\''));
    } else if (spec.healthCheckNodePort < 0) {
      errs.push(invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, 'must be not less than 0'));
    }
  }
  // Required only for the types that get it by default; older releases let others set it.
  if (!spec.internalTrafficPolicy) {
    if (internalTrafficTypes.includes(spec.type ?? '')) errs.push(required('spec.internalTrafficPolicy'));
  } else if (!policies.includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, policies));
  }
  if (spec.type === 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts == null) errs.push(required('spec.allocateLoadBalancerNodePorts'));
  } else if (spec.allocateLoadBalancerNodePorts != null) {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  return errs;
}

function validateService(svc: ServiceObject): FieldError[] {
  const spec = svc.spec ?? {};
  const errs: FieldError[] = [];
  const headless = spec.clusterIP === 'None';
  const ports = spec.ports ?? [];
  if (!ports.length && !headless && spec.type !== 'ExternalName') errs.push(required('spec.ports'));
  errs.push(...validateTypeRules(spec));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, index('spec.ports', i))));
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  const affinities = ['ClientIP', 'None'];
  if (!spec.sessionAffinity) errs.push(required('spec.sessionAffinity'));
  else if (!affinities.includes(spec.sessionAffinity)) errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, affinities));
  if (spec.sessionAffinity === 'ClientIP') {
    const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    const cfgPath = 'spec.sessionAffinityConfig.clientIP.timeoutSeconds';
    if (timeout == null) errs.push(required(cfgPath, 'when session affinity type is ClientIP'));
    else if (timeout <= 0 || timeout > maxClientIPTimeout) {
      errs.push(invalid(cfgPath, timeout, `must be greater than 0 and less than ${maxClientIPTimeout}`));
    }
  } else if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig) {
    errs.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  if (spec.type !== 'ExternalName') errs.push(...validateClusterIPs(spec));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    if (!isValidIP(ip)) errs.push(invalid(index('spec.externalIPs', i), ip, validIPDetail));
  });
  const nodePorts = new Set<string>();
  const servicePorts = new Set<string>();
  ports.forEach((p, i) => {
    const path = index('spec.ports', i);
    if (p.nodePort) {
      const k = `${p.protocol}/${p.nodePort}`;
      if (nodePorts.has(k)) errs.push(duplicate(child(path, 'nodePort'), p.nodePort));
      nodePorts.add(k);
    }
    const k = `${p.protocol}/${p.port}`;
    if (servicePorts.has(k)) errs.push(duplicate(path, { port: p.port, protocol: p.protocol }));
    servicePorts.add(k);
  });
  const ranges = spec.loadBalancerSourceRanges ?? [];
  if (ranges.length) {
    if (spec.type !== 'LoadBalancer') errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    if (!ranges.every((r) => isValidCIDR(r.trim()))) {
      errs.push(invalid('spec.LoadBalancerSourceRanges', `[${ranges.join(' ')}]`, 'must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24 '));
    }
  }
  errs.push(...validateTrafficPolicies(spec));
  return errs;
}

/** Cluster IPs and IP families are fixed once allocated (except around ExternalName). */
function validateServiceUpdate(svc: ServiceObject, old: ServiceObject): FieldError[] {
  const spec = svc.spec ?? {};
  const prev = old.spec ?? {};
  if (spec.type === 'ExternalName' || prev.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  for (const [field, noun] of [
    ['clusterIPs', 'clusterIP'],
    ['ipFamilies', 'ipFamily'],
  ] as const) {
    const next = spec[field] ?? [];
    const before = prev[field] ?? [];
    if (!before.length) continue;
    const path = `spec.${field}`;
    if (!next.length) errs.push(invalid(index(path, 0), next, `primary ${noun} can not be unset`));
    else if (next[0] !== before[0]) errs.push(invalid(index(path, 0), next, 'may not change once set'));
    else if (next.length === before.length) {
      next.forEach((v, i) => {
        if (v !== before[i]) errs.push(invalid(index(path, i), next, 'may not change once set'));
      });
    }
  }
  return errs;
}

export const strategy: Strategy<ServiceObject> = {
  defaults,
  prepareForCreate(svc) {
    setStatus(svc, { loadBalancer: {} });
    if (svc.spec) normalizeClusterIPs(svc.spec, undefined);
  },
  prepareForUpdate(svc, old) {
    if (!svc.spec || !old.spec) return;
    // Defaults first, so that a type left out means ClusterIP as the decoder would make it.
    defaults(svc);
    patchAllocatedValues(svc.spec, old.spec);
    normalizeClusterIPs(svc.spec, old.spec);
    dropTypeDependentFields(svc.spec, old.spec);
  },
  validate: validateService,
  validateUpdate: validateServiceUpdate,
  validateStatusUpdate(svc) {
    const errs: FieldError[] = [];
    (svc.status?.loadBalancer?.ingress ?? []).forEach((ing, i) => {
      const p = index('status.loadBalancer.ingress', i);
      if (ing.ip && !isValidIP(ing.ip)) errs.push(invalid(child(p, 'ip'), ing.ip, 'must be a valid IP address'));
      if (ing.hostname) {
        for (const m of isDNS1123Subdomain(ing.hostname)) errs.push(invalid(child(p, 'hostname'), ing.hostname, m));
        if (isValidIP(ing.hostname)) errs.push(invalid(child(p, 'hostname'), ing.hostname, 'must be a DNS name, not an IP address'));
      }
      if (ing.ipMode && ing.ipMode !== 'VIP' && ing.ipMode !== 'Proxy') errs.push(notSupported(child(p, 'ipMode'), ing.ipMode, ['Proxy', 'VIP']));
    });
    return errs;
  },
};
