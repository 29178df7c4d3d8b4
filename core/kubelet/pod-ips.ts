// Pod IPs from the node's podCIDR, handed out in turn as host-local IPAM does: the network
// address and the gateway (.1) are never given, the broadcast address neither, and an IP
// freed by a deleted pod is reused only after the others.
export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export class PodIpAllocator {
  private readonly first: number;
  private readonly last: number;
  private readonly used = new Set<number>();
  private cursor: number;

  constructor(cidr: string) {
    const [base, bits] = cidr.split('/');
    const size = 2 ** (32 - Number(bits));
    const network = ipToNumber(base!) - (ipToNumber(base!) % size);
    this.first = network + 2;
    this.last = network + size - 2;
    this.cursor = this.first;
  }

  /** Marks an IP as taken (a pod that already has it, found at start-up). */
  reserve(ip: string): void {
    const n = ipToNumber(ip);
    if (n >= this.first && n <= this.last) this.used.add(n);
  }

  allocate(): string {
    const count = this.last - this.first + 1;
    for (let i = 0; i < count; i++) {
      const n = this.cursor;
      this.cursor = n >= this.last ? this.first : n + 1;
      if (!this.used.has(n)) {
        this.used.add(n);
        return numberToIp(n);
      }
    }
    throw new Error('no pod IPs left in the node\'s podCIDR');
  }

  release(ip: string): void {
    this.used.delete(ipToNumber(ip));
  }
}
