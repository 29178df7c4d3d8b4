// Kinds whose names follow a stricter rule than the DNS subdomain the generic store checks
// (services: DNS-1035 label; namespaces: DNS label). Their strategies add only what the
// subdomain check did not already report, so a bad name is not reported twice.
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { invalid, type FieldError } from '../field-errors';
import { isDNS1123Subdomain } from './names';
import { maskTrailingDash } from './object-meta';

export function stricterNameErrors(meta: ObjectMeta | undefined, rule: (name: string) => string[]): FieldError[] {
  const errs: FieldError[] = [];
  const check = (value: string | undefined, field: string): void => {
    if (!value || isDNS1123Subdomain(value).length) return;
    for (const msg of rule(value)) errs.push(invalid(`metadata.${field}`, field === 'generateName' ? meta?.generateName : value, msg));
  };
  if (meta?.generateName) check(maskTrailingDash(meta.generateName), 'generateName');
  check(meta?.name, 'name');
  return errs;
}
