// IP and CIDR syntax checks (netutils.ParseIPSloppy / ParseCIDRSloppy accept leading zeros).
import { isIP } from 'node:net';

/** 4 or 6 for a valid address, else 0; leading zeros in IPv4 octets are tolerated. */
export function ipFamily(s: string): 0 | 4 | 6 {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255) ? 4 : 0;
  return isIP(s) === 6 ? 6 : 0;
}

export const isValidIP = (s: string): boolean => ipFamily(s) !== 0;

export function isValidCIDR(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const family = ipFamily(s.slice(0, slash));
  const bits = s.slice(slash + 1);
  if (!family || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

export const validIPDetail = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
