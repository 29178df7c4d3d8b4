// Kubernetes resource quantities (resource.Quantity) as plain numbers: CPU in cores, memory
// in bytes. Enough for sums and bars; exact decimal arithmetic is the API server's job.
const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** '250m' → 0.25, '1Gi' → 1073741824, '1e3' → 1000. Throws on anything else. */
export function parseQuantity(text: string): number {
  const m = QUANTITY.exec(text.trim());
  if (!m) throw new Error(`not a quantity: "${text}"`);
  const value = Number(m[1]);
  if (m[2]) return value * 10 ** Number(m[2].slice(1));
  return value * SUFFIX[m[3] ?? ''];
}

/** Cores, as kubectl top prints them: millicores below ten cores. */
export function formatCpu(cores: number): string {
  if (cores < 10) return `${Math.round(cores * 1000)}m`;
  return `${Math.round(cores * 10) / 10}`;
}

/** Bytes in the largest binary unit that keeps a number of at least 1. */
export function formatBytes(bytes: number): string {
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value >= 100 || unit === 0 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded}${units[unit]}`;
}
