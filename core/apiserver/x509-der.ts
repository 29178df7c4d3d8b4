// The two certificates the cluster needs (its CA and the API server's serving certificate),
// encoded in DER by hand and signed with node:crypto. A general X.509 library
// (@peculiar/x509 with asn1js) costs about 90 ms of module loading, a fifth of the
// half-second start-up budget, for what is a fixed, small structure (RFC 5280, ECDSA P-256).
import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';

const tlv = (tag: number, body: Buffer): Buffer => {
  const len = body.length;
  const head =
    len < 0x80 ? Buffer.from([tag, len]) : len < 0x100 ? Buffer.from([tag, 0x81, len]) : Buffer.from([tag, 0x82, len >> 8, len & 0xff]);
  return Buffer.concat([head, body]);
};
const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const explicit = (n: number, inner: Buffer) => tlv(0xa0 + n, inner);
const octets = (b: Buffer) => tlv(0x04, b);
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));

function integer(bytes: Buffer): Buffer {
  // Positive: a leading 0 when the high bit is set.
  const body = bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
  return tlv(0x02, body);
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = p >>> 7; v > 0; v >>>= 7) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** BIT STRING with no unused bits. */
const bits = (b: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));

function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'; // YYYYMMDDHHMMSSZ
  // UTCTime up to 2049, GeneralizedTime after, as RFC 5280 requires.
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  subjectAltName: '2.5.29.17',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
};

const name = (cn: string) => seq(set(seq(oid(OID.commonName), utf8(cn))));
const extension = (id: string, critical: boolean, value: Buffer) => seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));

/** keyUsage bits, numbered as in RFC 5280 (digitalSignature = 0). */
function keyUsage(...bitsSet: number[]): Buffer {
  let v = 0;
  for (const b of bitsSet) v |= 0x80 >> b;
  // Trailing zero bits are "unused" bits of the last byte, as DER requires them counted.
  let unused = 0;
  while (unused < 7 && !(v & (1 << unused))) unused++;
  return tlv(0x03, Buffer.from([unused, v]));
}

/** SHA-1 of the public key bit string: the usual key identifier (RFC 5280 4.2.1.2). */
function keyId(publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // The BIT STRING is the last element of the SPKI sequence; its payload is the key.
  const point = spki.subarray(spki.length - 65);
  return createHash('sha1').update(point).digest();
}

function ipBytes(ip: string): Buffer {
  return Buffer.from(ip.split('.').map(Number));
}

export interface CertificateRequest {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signingKey: KeyObject;
  /** Public key of the issuer, for the authority key identifier. */
  issuerPublicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  ca: boolean;
  dnsNames?: string[];
  ipAddresses?: string[];
}

/** A signed certificate in PEM. */
export function createCertificate(r: CertificateRequest): string {
  const extensions: Buffer[] = [
    extension(OID.basicConstraints, true, r.ca ? seq(bool(true)) : seq()),
    extension(OID.keyUsage, true, r.ca ? keyUsage(0, 5, 6) : keyUsage(0, 2)),
    extension(OID.subjectKeyId, false, octets(keyId(r.publicKey))),
  ];
  if (!r.ca) {
    extensions.push(extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth))));
    const names = [
      ...(r.dnsNames ?? []).map((d) => tlv(0x82, Buffer.from(d, 'ascii'))),
      ...(r.ipAddresses ?? []).map((ip) => tlv(0x87, ipBytes(ip))),
    ];
    extensions.push(extension(OID.subjectAltName, false, seq(...names)));
    extensions.push(extension(OID.authorityKeyId, false, seq(tlv(0x80, keyId(r.issuerPublicKey)))));
  }
  const algorithm = seq(oid(OID.ecdsaWithSha256));
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f || 1;
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    name(r.issuer),
    seq(time(r.notBefore), time(r.notAfter)),
    name(r.subject),
    r.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(...extensions)),
  );
  const signature = sign('sha256', tbs, r.signingKey); // DER ECDSA-Sig-Value, as X.509 wants
  const der = seq(tbs, algorithm, bits(signature));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
