// A Secret's data value for display: base64-decoded, as UTF-8 text when it is text, otherwise
// only its size (kubectl describe shows sizes for everything; we reveal text on request).
export type SecretValue = { kind: 'text'; text: string; bytes: number } | { kind: 'binary'; bytes: number };

// Control characters other than tab, newline, vertical tab, form feed and return mean bytes, not text.
const isControlByte = (b: number) => (b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f;

export function decodeSecretValue(base64: string): SecretValue {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    throw new Error('This value is not valid base64.');
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (bytes.some(isControlByte)) return { kind: 'binary', bytes: bytes.length };
    return { kind: 'text', text, bytes: bytes.length };
  } catch {
    return { kind: 'binary', bytes: bytes.length };
  }
}
