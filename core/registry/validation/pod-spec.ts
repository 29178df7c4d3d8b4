// PodSpec and PodTemplateSpec validation (ValidatePodSpec, ValidatePodTemplateSpec).
import type { PodDNSConfig, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import { validateContainers, validateInitContainers } from './containers';
import { child, index } from './field-path';
import { validateNonnegative } from './immutable';
import { isValidIP } from './ip';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../../machinery/names';
import { validateAnnotations, validateLabels } from './object-meta';
import { validateResourceRequirements } from './resources';
import { validateAffinity, validateTolerations, validateTopologySpreadConstraints } from './scheduling';
import { validateVolumes } from './volumes';

const maxInt32 = 2 ** 31 - 1;

function validateEnum(value: string | undefined, allowed: string[], path: string): FieldError[] {
  if (!value) return [required(path)];
  return allowed.includes(value) ? [] : [notSupported(path, value, allowed)];
}

function validateDNSConfig(cfg: PodDNSConfig | undefined, dnsPolicy: string | undefined, path: string): FieldError[] {
  if (dnsPolicy === 'None') {
    if (!cfg) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!cfg.nameservers?.length) {
      return [required(child(path, 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  const ns = cfg.nameservers ?? [];
  if (ns.length > 3) errs.push(invalid(child(path, 'nameservers'), ns, 'must not have more than 3 nameservers'));
  ns.forEach((s, i) => {
    if (!isValidIP(s)) errs.push(invalid(index(child(path, 'nameservers'), i), s, 'must be valid IP address'));
  });
  const searches = cfg.searches ?? [];
  if (searches.length > 32) errs.push(invalid(child(path, 'searches'), searches, 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) {
    errs.push(invalid(child(path, 'searches'), searches, 'must not have more than 2048 characters (including spaces) in the search list'));
  }
  searches.forEach((s, i) => {
    const trimmed = s.replace(/\.$/, '');
    for (const m of isDNS1123Subdomain(trimmed)) errs.push(invalid(index(child(path, 'searches'), i), trimmed, m));
  });
  (cfg.options ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(index(child(path, 'options'), i), 'must not be empty'));
  });
  return errs;
}

const subdomainField = (value: string | undefined, path: string): FieldError[] =>
  value ? isDNS1123Subdomain(value).map((m) => invalid(path, value, m)) : [];
const labelField = (value: string | undefined, path: string): FieldError[] =>
  value ? isDNS1123Label(value).map((m) => invalid(path, value, m)) : [];

export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  const s = spec ?? ({ containers: [] } as PodSpec);
  const { names: volumes, errors: errs } = validateVolumes(s.volumes, child(path, 'volumes'));
  errs.push(...validateContainers(s.containers, volumes, child(path, 'containers')));
  errs.push(...validateInitContainers(s.initContainers, s.containers, volumes, child(path, 'initContainers')));
  errs.push(...validateEnum(s.restartPolicy, ['Always', 'OnFailure', 'Never'], child(path, 'restartPolicy')));
  errs.push(...validateEnum(s.dnsPolicy, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'], child(path, 'dnsPolicy')));
  errs.push(...validateLabels(s.nodeSelector, child(path, 'nodeSelector')));
  (s.imagePullSecrets ?? []).forEach((ref, i) => {
    const extra = Object.keys(ref).filter((k) => k !== 'name');
    if (extra.length) errs.push(invalid(index(child(path, 'imagePullSecrets'), i), ref, 'only name may be set'));
  });
  errs.push(...validateAffinity(s.affinity, child(path, 'affinity')));
  errs.push(...validateDNSConfig(s.dnsConfig, s.dnsPolicy, child(path, 'dnsConfig')));
  (s.readinessGates ?? []).forEach((g, i) => {
    const p = child(index(child(path, 'readinessGates'), i), 'conditionType');
    for (const m of isQualifiedName(g.conditionType ?? '')) errs.push(invalid(p, g.conditionType ?? '', m));
  });
  errs.push(...validateTopologySpreadConstraints(s.topologySpreadConstraints, child(path, 'topologySpreadConstraints')));
  errs.push(...subdomainField(s.serviceAccountName, child(path, 'serviceAccountName')));
  errs.push(...subdomainField(s.nodeName, child(path, 'nodeName')));
  const deadline = s.activeDeadlineSeconds;
  if (deadline !== undefined && deadline !== null && (deadline < 1 || deadline > maxInt32)) {
    errs.push(invalid(child(path, 'activeDeadlineSeconds'), deadline, inclusiveRangeError(1, maxInt32)));
  }
  errs.push(...validateNonnegative(s.terminationGracePeriodSeconds, child(path, 'terminationGracePeriodSeconds')));
  errs.push(...labelField(s.hostname, child(path, 'hostname')));
  errs.push(...labelField(s.subdomain, child(path, 'subdomain')));
  errs.push(...validateTolerations(s.tolerations, child(path, 'tolerations')));
  for (const alias of s.hostAliases ?? []) {
    if (!isValidIP(alias.ip ?? '')) errs.push(invalid(child(path, 'hostAliases', 'ip'), alias.ip ?? '', 'must be valid IP address'));
    for (const h of alias.hostnames ?? []) {
      for (const m of isDNS1123Subdomain(h)) errs.push(invalid(child(path, 'hostAliases', 'hostnames'), h, m));
    }
  }
  errs.push(...subdomainField(s.priorityClassName, child(path, 'priorityClassName')));
  if (s.runtimeClassName !== undefined) {
    for (const m of isDNS1123Subdomain(s.runtimeClassName)) errs.push(invalid(child(path, 'runtimeClassName'), s.runtimeClassName, m));
  }
  if (s.preemptionPolicy !== undefined) {
    errs.push(...validateEnum(s.preemptionPolicy, ['PreemptLowerPriority', 'Never'], child(path, 'preemptionPolicy')));
  }
  if (s.overhead) errs.push(...validateResourceRequirements({ limits: s.overhead }, child(path, 'overhead')));
  const gates = new Set<string>();
  (s.schedulingGates ?? []).forEach((g, i) => {
    const p = index(child(path, 'schedulingGates'), i);
    for (const m of isQualifiedName(g.name)) errs.push(invalid(child(p, 'name'), g.name, m));
    if (gates.has(g.name)) errs.push(duplicate(child(p, 'name'), g.name));
    gates.add(g.name);
  });
  if (s.hostNetwork) {
    (s.containers ?? []).forEach((c, ci) => {
      (c.ports ?? []).forEach((port, pi) => {
        // Templates keep hostPort unset (only pods default it), so only a different one is wrong.
        if (port.hostPort && port.hostPort !== port.containerPort) {
          const p = child(index(child(index(child(path, 'containers'), ci), 'ports'), pi), 'containerPort');
          errs.push(invalid(p, port.containerPort, 'must match `hostPort` when `hostNetwork` is true'));
        }
      });
    });
  }
  return errs;
}

export function validatePodTemplateSpec(t: PodTemplateSpec | undefined, path: string): FieldError[] {
  const meta = t?.metadata ?? {};
  const errs = validateLabels(meta.labels, child(path, 'labels'));
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  errs.push(...validatePodSpec(t?.spec, child(path, 'spec')));
  if (t?.spec?.ephemeralContainers?.length) {
    errs.push(forbidden(child(path, 'spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
