// networking.k8s.io/v1 IngressClass: parameters scope defaulting and ValidateIngressClass(Update).
import type { IngressClass, IngressClassParametersReference } from 'kubernetes-types/networking/v1';
import type { Kube } from '../../machinery/object';
import { forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child } from '../validation/field-path';
import { validateImmutableField } from '../validation/immutable';
import { isDNS1123Label, isDNS1123Subdomain } from '../../machinery/names';
import { tooLongBytes } from '../validation/too-long';
import { validateDomainPrefixedPath } from '../rules/domain-path';
import { isValidPathSegmentName } from '../rules/path-segment';

type Obj = Kube<IngressClass>;

const maxControllerLength = 250;
const scopes = ['Cluster', 'Namespace'];

function validateParameters(p: IngressClassParametersReference | undefined, path: string): FieldError[] {
  if (!p) return [];
  const errs: FieldError[] = [];
  if (p.apiGroup) errs.push(...isDNS1123Subdomain(p.apiGroup).map((msg) => invalid(child(path, 'apiGroup'), p.apiGroup, msg)));
  if (!p.kind) errs.push(required(child(path, 'kind')));
  else errs.push(...isValidPathSegmentName(p.kind).map((msg) => invalid(child(path, 'kind'), p.kind, msg)));
  if (!p.name) errs.push(required(child(path, 'name')));
  else errs.push(...isValidPathSegmentName(p.name).map((msg) => invalid(child(path, 'name'), p.name, msg)));
  const scope = p.scope ?? '';
  const nsPath = child(path, 'namespace');
  if (!scope) errs.push(required(child(path, 'scope')));
  else if (!scopes.includes(scope)) errs.push(notSupported(child(path, 'scope'), scope, scopes));
  else if (scope === 'Namespace') {
    if (!p.namespace) errs.push(required(nsPath, "`parameters.scope` is set to 'Namespace'"));
    else errs.push(...isDNS1123Label(p.namespace).map((msg) => invalid(nsPath, p.namespace, msg)));
  } else if (p.namespace) {
    errs.push(forbidden(nsPath, "`parameters.scope` is set to 'Cluster'"));
  }
  return errs;
}

function validate(ic: Obj): FieldError[] {
  const controller = ic.spec?.controller ?? '';
  const errs: FieldError[] = [];
  if (controller.length > maxControllerLength) errs.push(tooLongBytes('spec.controller', maxControllerLength));
  errs.push(...validateDomainPrefixedPath(controller, 'spec.controller'));
  errs.push(...validateParameters(ic.spec?.parameters, 'spec.parameters'));
  return errs;
}

export const strategy: Strategy<Obj> = {
  defaults(ic) {
    const params = ic.spec?.parameters;
    if (params) params.scope ??= 'Cluster';
  },
  validate,
  validateUpdate: (ic, old) => validateImmutableField(ic.spec?.controller, old.spec?.controller, 'spec.controller'),
};
