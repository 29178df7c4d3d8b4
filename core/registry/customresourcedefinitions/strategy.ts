// apiextensions.k8s.io/v1 CustomResourceDefinition: v1 defaults and the main rules of
// ValidateCustomResourceDefinition(Update). status.acceptedNames and conditions are managed
// elsewhere; create records the storage version in status.storedVersions.
import type { CustomResourceDefinition, CustomResourceDefinitionSpec, CustomResourceDefinitionVersion } from 'kubernetes-types/apiextensions/v1';
import type { Kube } from '../../machinery/object';
import { invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child, index } from '../validation/field-path';
import { validateImmutableField } from '../validation/immutable';
import { isDNS1035Label, isDNS1123Subdomain } from '../../machinery/names';
import { resetStatus } from '../rules/fresh-status';
import { validateNames } from './names';

type Obj = Kube<CustomResourceDefinition>;

const scopes = ['Cluster', 'Namespaced'];
const conversionStrategies = ['None', 'Webhook'];

const storageVersion = (crd: Obj): string | undefined => crd.spec?.versions?.find((v) => v.storage)?.name;

function validateGroup(group: string | undefined): FieldError[] {
  const path = 'spec.group';
  if (!group) return [required(path)];
  const msgs = isDNS1123Subdomain(group);
  if (msgs.length) return [invalid(path, group, msgs.join(','))];
  return group.includes('.') ? [] : [invalid(path, group, 'should be a domain with at least one dot')];
}

/** Every v1 version needs a structural schema whose root is an object. */
function validateVersion(v: CustomResourceDefinitionVersion, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const msgs = isDNS1035Label(v.name ?? '');
  if (msgs.length) errs.push(invalid(child(path, 'name'), v.name, msgs.join(',')));
  const schemaPath = child(path, 'schema', 'openAPIV3Schema');
  const schema = v.schema?.openAPIV3Schema;
  if (!schema) errs.push(required(schemaPath, 'schemas are required'));
  else if (!schema.type) errs.push(required(child(schemaPath, 'type'), 'must not be empty at the root'));
  else if (schema.type !== 'object') errs.push(invalid(child(schemaPath, 'type'), schema.type, 'must be object at the root'));
  return errs;
}

function validateSpec(spec: CustomResourceDefinitionSpec | undefined): FieldError[] {
  const s = spec ?? ({} as CustomResourceDefinitionSpec);
  const errs = validateGroup(s.group);
  if (!s.scope) errs.push(required('spec.scope'));
  else if (!scopes.includes(s.scope)) errs.push(notSupported('spec.scope', s.scope, scopes));
  const versions = s.versions ?? [];
  versions.forEach((v, i) => errs.push(...validateVersion(v, index('spec.versions', i))));
  if (new Set(versions.map((v) => v.name)).size !== versions.length) {
    errs.push(invalid('spec.versions', versions, 'must contain unique version names'));
  }
  if (versions.filter((v) => v.storage).length !== 1) {
    errs.push(invalid('spec.versions', versions, 'must have exactly one version marked as storage version'));
  }
  errs.push(...validateNames(s.names, 'spec.names'));
  const conversion = s.conversion?.strategy;
  if (conversion !== undefined && !conversionStrategies.includes(conversion)) {
    errs.push(notSupported('spec.conversion.strategy', conversion, conversionStrategies));
  }
  return errs;
}

function validate(crd: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const name = crd.metadata.name ?? '';
  const spec = crd.spec;
  if (name && name !== `${spec?.names?.plural ?? ''}.${spec?.group ?? ''}`) {
    errs.push(invalid('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  }
  return [...errs, ...validateSpec(spec)];
}

function isEstablished(crd: Obj): boolean {
  const conditions = (crd.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Established' && c.status === 'True');
}

function validateUpdate(crd: Obj, old: Obj): FieldError[] {
  const errs = [
    ...validateImmutableField(crd.spec?.group, old.spec?.group, 'spec.group'),
    ...validateImmutableField(crd.spec?.names?.plural, old.spec?.names?.plural, 'spec.names.plural'),
  ];
  // Served resources keep their storage layout.
  if (isEstablished(old)) {
    errs.push(...validateImmutableField(crd.spec?.scope, old.spec?.scope, 'spec.scope'));
    errs.push(...validateImmutableField(crd.spec?.names?.kind, old.spec?.names?.kind, 'spec.names.kind'));
  }
  return errs;
}

export const strategy: Strategy<Obj> = {
  defaults(crd) {
    const spec = (crd.spec ??= {} as CustomResourceDefinitionSpec);
    const names = (spec.names ??= {} as CustomResourceDefinitionSpec['names']);
    if (!names.singular && names.kind) names.singular = names.kind.toLowerCase();
    if (!names.listKind && names.kind) names.listKind = `${names.kind}List`;
    spec.conversion ??= { strategy: 'None' };
    const service = spec.conversion.webhook?.clientConfig?.service;
    if (service) service.port ??= 443;
  },
  prepareForCreate(crd) {
    const storage = storageVersion(crd);
    resetStatus(crd, storage ? { storedVersions: [storage] } : {});
  },
  validate,
  validateUpdate,
};
