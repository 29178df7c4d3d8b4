// EndpointSlice endpoint addresses, checked by the slice's addressType.
import { invalid, required, type FieldError } from '../../machinery/field-errors';
import { ipFamily } from '../validation/ip';
import { isDNS1123Subdomain } from '../../machinery/names';

/**
 * ValidateNonSpecialIP without its loopback rule: Wheelhouse gives pods real 127.0.0.0/8
 * addresses, so its endpoints are loopback by design.
 */
function specialIPError(ip: string): string | undefined {
  const lower = ip.toLowerCase();
  if (ip === '0.0.0.0' || lower === '::') return 'may not be unspecified (0.0.0.0, ::)';
  if (ip.startsWith('169.254.') || /^fe[89ab]/.test(lower)) return 'may not be in the link-local range (169.254.0.0/16, fe80::/10)';
  if (ip.startsWith('224.0.0.') || lower.startsWith('ff02:')) return 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)';
  return undefined;
}

function validateIP(address: string, family: 4 | 6, path: string): FieldError[] {
  if (ipFamily(address) !== family) return [invalid(path, address, `must be a valid IPv${family} address`)];
  const special = specialIPError(address);
  return special ? [invalid(path, address, special)] : [];
}

/** apimachinery IsFullyQualifiedDomainName. */
function validateFQDN(name: string, path: string): FieldError[] {
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  if (!n) return [required(path)];
  const errs = isDNS1123Subdomain(n).map((msg) => invalid(path, name, msg));
  if (!n.includes('.')) errs.push(invalid(path, name, 'should be a domain with at least two segments separated by dots'));
  return errs;
}

export function validateAddress(address: string, addressType: string | undefined, path: string): FieldError[] {
  switch (addressType) {
    case 'IPv4':
      return validateIP(address, 4, path);
    case 'IPv6':
      return validateIP(address, 6, path);
    case 'FQDN':
      return validateFQDN(address, path);
    default:
      return [];
  }
}
