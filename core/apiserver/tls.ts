// The cluster's certificate authority and the API server's serving certificate, made on first
// start (ECDSA P-256: generated in milliseconds, accepted by Go's TLS) and reused afterwards.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateKey, createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { createCertificate } from './x509-der';
import { ensurePrivateDir, writePrivateFile } from '../machinery/private-files';

export interface ServingTls {
  caPem: string;
  certPem: string;
  keyPem: string;
}

const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;
const CA_NAME = 'wheelhouse-ca';

const newKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

function validity(): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  return { notBefore: new Date(now - 60_000), notAfter: new Date(now + TEN_YEARS_MS) };
}

/** Loads the CA and serving certificate from dir, creating whichever is missing. */
export async function ensureServingTls(dir: string, hosts: string[]): Promise<ServingTls> {
  ensurePrivateDir(dir);
  const caCertFile = join(dir, 'ca.crt');
  const caKeyFile = join(dir, 'ca.key');
  const certFile = join(dir, 'apiserver.crt');
  const keyFile = join(dir, 'apiserver.key');
  if (!existsSync(caCertFile) || !existsSync(caKeyFile)) {
    const ca = newKey();
    const pem = createCertificate({
      subject: CA_NAME,
      issuer: CA_NAME,
      publicKey: ca.publicKey,
      issuerPublicKey: ca.publicKey,
      signingKey: ca.privateKey,
      ca: true,
      ...validity(),
    });
    writePrivateFile(caKeyFile, ca.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writePrivateFile(caCertFile, pem);
  }
  const caPem = readFileSync(caCertFile, 'utf8');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    const caKey = createPrivateKey(readFileSync(caKeyFile, 'utf8'));
    const serving = newKey();
    const ips = hosts.filter((h) => /^[\d.]+$/.test(h));
    const pem = createCertificate({
      subject: 'kube-apiserver',
      issuer: new X509Certificate(caPem).subject.replace(/^CN=/, ''),
      publicKey: serving.publicKey,
      issuerPublicKey: createPublicKey(caKey),
      signingKey: caKey,
      ca: false,
      dnsNames: hosts.filter((h) => !ips.includes(h)),
      ipAddresses: ips,
      ...validity(),
    });
    writePrivateFile(keyFile, serving.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writePrivateFile(certFile, pem);
  }
  return { caPem, certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8') };
}
