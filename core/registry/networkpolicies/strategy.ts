// networking.k8s.io/v1 NetworkPolicy: SetDefaults_NetworkPolicy(Port) and ValidateNetworkPolicy.
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import type { Kube } from '../../machinery/object';
import { forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child, index } from '../validation/field-path';
import { validateLabelSelector } from '../validation/label-selector';
import { isValidPortName, isValidPortNum } from '../../machinery/names';
import { validateIPBlock } from './ip-block';

type Obj = Kube<NetworkPolicy>;

const protocols = ['TCP', 'UDP', 'SCTP'];
const policyTypes = ['Ingress', 'Egress'];

function validatePort(port: NetworkPolicyPort, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol !== undefined && !protocols.includes(port.protocol)) {
    errs.push(notSupported(child(path, 'protocol'), port.protocol, protocols));
  }
  const endPath = child(path, 'endPort');
  if (port.port === undefined) {
    if (port.endPort !== undefined) errs.push(invalid(endPath, port.endPort, 'may not be specified when `port` is not specified'));
  } else if (typeof port.port === 'number') {
    errs.push(...isValidPortNum(port.port).map((msg) => invalid(child(path, 'port'), port.port, msg)));
    if (port.endPort !== undefined) {
      if (port.endPort < port.port) errs.push(invalid(endPath, port.port, 'must be greater than or equal to `port`'));
      errs.push(...isValidPortNum(port.endPort).map((msg) => invalid(endPath, port.endPort, msg)));
    }
  } else {
    if (port.endPort !== undefined) errs.push(invalid(endPath, port.endPort, 'may not be specified when `port` is non-numeric'));
    errs.push(...isValidPortName(port.port).map((msg) => invalid(child(path, 'port'), port.port, msg)));
  }
  return errs;
}

function validatePeer(peer: NetworkPolicyPeer, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (peer.podSelector) errs.push(...validateLabelSelector(peer.podSelector, child(path, 'podSelector')));
  if (peer.namespaceSelector) errs.push(...validateLabelSelector(peer.namespaceSelector, child(path, 'namespaceSelector')));
  if (peer.ipBlock) errs.push(...validateIPBlock(peer.ipBlock, child(path, 'ipBlock')));
  const count = [peer.podSelector, peer.namespaceSelector, peer.ipBlock].filter(Boolean).length;
  if (count === 0) errs.push(required(path, 'must specify a peer'));
  else if (count > 1 && peer.ipBlock) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

interface Rule {
  ports?: NetworkPolicyPort[];
  peers?: NetworkPolicyPeer[];
}

function validateRules(rules: Rule[], path: string, peerField: 'from' | 'to'): FieldError[] {
  return rules.flatMap((rule, i) => {
    const p = index(path, i);
    return [
      ...(rule.ports ?? []).flatMap((port, j) => validatePort(port, index(child(p, 'ports'), j))),
      ...(rule.peers ?? []).flatMap((peer, j) => validatePeer(peer, index(child(p, peerField), j))),
    ];
  });
}

function validate(np: Obj): FieldError[] {
  const spec: NetworkPolicySpec = np.spec ?? { podSelector: {} };
  const errs = [
    ...validateLabelSelector(spec.podSelector, 'spec.podSelector'),
    ...validateRules((spec.ingress ?? []).map((r) => ({ ports: r.ports, peers: r.from })), 'spec.ingress', 'from'),
    ...validateRules((spec.egress ?? []).map((r) => ({ ports: r.ports, peers: r.to })), 'spec.egress', 'to'),
  ];
  const types = spec.policyTypes ?? [];
  if (types.length > policyTypes.length) {
    errs.push(invalid('spec.policyTypes', types, 'may not specify more than two policyTypes'));
    return errs;
  }
  types.forEach((t, i) => {
    if (!policyTypes.includes(t)) errs.push(notSupported(index('spec.policyTypes', i), t, policyTypes));
  });
  return errs;
}

export const strategy: Strategy<Obj> = {
  defaults(np) {
    const spec = (np.spec ??= { podSelector: {} });
    for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) {
      for (const port of rule.ports ?? []) port.protocol ??= 'TCP';
    }
    // A policy that names no types is an ingress policy, and an egress one if it has egress rules.
    if (!spec.policyTypes?.length) spec.policyTypes = spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
  },
  validate,
};
