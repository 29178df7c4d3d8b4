// ControllerRevision names, as pkg/controller/history hashes them: 32-bit FNV-1 over the
// revision's data bytes followed by the decimal collision count, printed in decimal and then
// mapped onto a consonant-and-digit alphabet (apimachinery's rand.SafeEncodeString) so that
// no hash spells a word.
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** 32-bit FNV-1 (multiply, then xor) of bytes, continuing from hash. */
export function fnv1_32(bytes: Uint8Array, hash = FNV32_OFFSET): number {
  let h = hash;
  for (const b of bytes) h = (Math.imul(h, FNV32_PRIME) ^ b) >>> 0;
  return h;
}

export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

/** history.HashControllerRevision: data is the revision's raw JSON, probe the collision count. */
export function hashControllerRevision(data: string, probe?: number): string {
  let h = fnv1_32(Buffer.from(data, 'utf8'));
  if (probe !== undefined) h = fnv1_32(Buffer.from(String(probe), 'utf8'), h);
  return safeEncodeString(String(h));
}

/** history.ControllerRevisionName: <prefix>-<hash>, the prefix cut to 223 bytes. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}
