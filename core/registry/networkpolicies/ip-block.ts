// NetworkPolicy ipBlock: a CIDR and the strict sub-ranges it excludes.
import type { IPBlock } from 'kubernetes-types/networking/v1';
import { BlockList } from 'node:net';
import { invalid, required, type FieldError } from '../../machinery/field-errors';
import { child, index } from '../validation/field-path';
import { ipFamily, isValidCIDR } from '../validation/ip';

const cidrDetail = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

interface Cidr {
  ip: string;
  bits: number;
  family: 'ipv4' | 'ipv6';
}

function parseCidr(s: string): Cidr | undefined {
  if (!isValidCIDR(s)) return undefined;
  const [addr, bits] = s.split('/') as [string, string];
  const v4 = ipFamily(addr) === 4;
  // ParseCIDRSloppy tolerates leading zeros; BlockList does not.
  const ip = v4 ? addr.split('.').map(Number).join('.') : addr;
  return { ip, bits: Number(bits), family: v4 ? 'ipv4' : 'ipv6' };
}

export function validateIPBlock(block: IPBlock, path: string): FieldError[] {
  const cidrPath = child(path, 'cidr');
  if (!block.cidr) return [required(cidrPath)];
  const outer = parseCidr(block.cidr);
  if (!outer) return [invalid(cidrPath, block.cidr, cidrDetail)];
  const range = new BlockList();
  range.addSubnet(outer.ip, outer.bits, outer.family);
  return (block.except ?? []).flatMap((s, i) => {
    const p = index(child(path, 'except'), i);
    const inner = parseCidr(s);
    if (!inner) return [invalid(p, s, cidrDetail)];
    const inside = inner.family === outer.family && range.check(inner.ip, inner.family);
    return inside && outer.bits < inner.bits ? [] : [invalid(p, s, 'must be a strict subset of `cidr`')];
  });
}
