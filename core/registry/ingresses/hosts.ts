// Ingress host names: a DNS subdomain, or "*." followed by one (apimachinery
// IsWildcardDNS1123Subdomain), and never an IP address.
import { isDNS1123Subdomain, regexError } from '../../machinery/names';
import { isValidIP } from '../validation/ip';

const wildcardFmt = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const wildcardRe = new RegExp(`^${wildcardFmt}$`);
const wildcardMsg =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";

function isWildcardDNS1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 253) errs.push('must be no more than 253 characters');
  if (!wildcardRe.test(v)) errs.push(regexError(wildcardMsg, wildcardFmt, '*.example.com'));
  return errs;
}

/** Problems with a host name; wildcards allowed. */
export const hostErrors = (host: string): string[] =>
  host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);

export const ipHostError = (host: string): string | undefined =>
  isValidIP(host) ? 'must be a DNS name, not an IP address' : undefined;
