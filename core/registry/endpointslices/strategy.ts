// discovery.k8s.io/v1 EndpointSlice: port defaults and ValidateEndpointSlice(Update).
import type { EndpointPort, EndpointSlice, Endpoint } from 'kubernetes-types/discovery/v1';
import type { Kube } from '../../machinery/object';
import { duplicate, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child, index } from '../validation/field-path';
import { validateImmutableField } from '../validation/immutable';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from '../../machinery/names';
import { validateLabels } from '../validation/object-meta';
import { validateAddress } from './addresses';

type Obj = Kube<EndpointSlice>;

const addressTypes = ['FQDN', 'IPv4', 'IPv6'];
const protocols = ['SCTP', 'TCP', 'UDP'];
const maxEndpoints = 1000;
const maxAddresses = 100;
const maxPorts = 20000;
const maxTopologyLabels = 16;
const maxZoneHints = 8;

const tooMany = (field: string, actual: number, max: number): FieldError => ({
  type: 'FieldValueTooMany',
  field,
  value: actual,
  detail: `must have at most ${max} items`,
});

function validateEndpoint(ep: Endpoint, addressType: string | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const addrPath = child(path, 'addresses');
  const addresses = ep.addresses ?? [];
  if (!addresses.length) errs.push(required(addrPath, 'must contain at least 1 address'));
  else if (addresses.length > maxAddresses) errs.push(tooMany(addrPath, addresses.length, maxAddresses));
  addresses.forEach((a, i) => errs.push(...validateAddress(a, addressType, index(addrPath, i))));
  if (ep.nodeName !== undefined) {
    errs.push(...isDNS1123Subdomain(ep.nodeName).map((msg) => invalid(child(path, 'nodeName'), ep.nodeName, msg)));
  }
  const topologyPath = child(path, 'deprecatedTopology');
  const topology = ep.deprecatedTopology ?? {};
  if (Object.keys(topology).length > maxTopologyLabels) errs.push(tooMany(topologyPath, Object.keys(topology).length, maxTopologyLabels));
  errs.push(...validateLabels(topology, topologyPath));
  if (ep.hostname !== undefined) {
    errs.push(...isDNS1123Label(ep.hostname).map((msg) => invalid(child(path, 'hostname'), ep.hostname, msg)));
  }
  const zones = ep.hints?.forZones;
  if (zones) {
    const zonesPath = child(path, 'hints', 'forZones');
    const seen = new Set<string>();
    if (zones.length > maxZoneHints) errs.push(tooMany(zonesPath, zones.length, maxZoneHints));
    else {
      zones.forEach((z, i) => {
        const p = child(index(zonesPath, i), 'name');
        if (seen.has(z.name)) errs.push(duplicate(p, z.name));
        seen.add(z.name);
        errs.push(...isValidLabelValue(z.name).map((msg) => invalid(p, z.name, msg)));
      });
    }
  }
  return errs;
}

function validatePorts(ports: EndpointPort[]): FieldError[] {
  if (ports.length > maxPorts) return [tooMany('ports', ports.length, maxPorts)];
  const names = new Set<string>();
  return ports.flatMap((port, i) => {
    const p = index('ports', i);
    const errs: FieldError[] = [];
    const name = port.name ?? '';
    if (name) errs.push(...isDNS1123Label(name).map((msg) => invalid(child(p, 'name'), name, msg)));
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    names.add(name);
    if (port.protocol === undefined) errs.push(required(child(p, 'protocol')));
    else if (!protocols.includes(port.protocol)) errs.push(notSupported(child(p, 'protocol'), port.protocol, protocols));
    if (port.appProtocol !== undefined) {
      errs.push(...isQualifiedName(port.appProtocol).map((msg) => invalid(child(p, 'appProtocol'), port.appProtocol, msg)));
    }
    return errs;
  });
}

function validate(slice: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const type = slice.addressType ?? '';
  if (!type) errs.push(required('addressType'));
  else if (!addressTypes.includes(type)) errs.push(notSupported('addressType', type, addressTypes));
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length > maxEndpoints) errs.push(tooMany('endpoints', endpoints.length, maxEndpoints));
  else endpoints.forEach((ep, i) => errs.push(...validateEndpoint(ep, type, index('endpoints', i))));
  errs.push(...validatePorts(slice.ports ?? []));
  return errs;
}

export const strategy: Strategy<Obj> = {
  defaults(slice) {
    for (const port of slice.ports ?? []) {
      port.name ??= '';
      port.protocol ??= 'TCP';
    }
  },
  validate,
  validateUpdate: (slice, old) => validateImmutableField(slice.addressType, old.addressType, 'addressType'),
};
