// kubectl create secret generic|tls|docker-registry NAME ...
import { readFileSync } from 'node:fs';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { resolve } from 'node:path';
import { CommandError } from '../../command';
import { isConfigMapKey } from '../../../machinery/names';
import { withNameHash } from './append-hash';
import { generatorCommand, subcommandGroup, type GeneratorContext, type Obj } from './generator';
import { envFileSources, fileSources, parseLiteralSource, type KeySource } from './sources';

const SECRETS = { api: '/api/v1', resource: 'secrets', namespaced: true, failure: 'failed to create secret ' };

/** The Secret of these keys, renamed NAME-<hash> with --append-hash. */
function secretOf(g: GeneratorContext, type: string, sources: KeySource[]): Obj {
  const data: Record<string, string> = {};
  for (const { key, value } of sources) {
    const errs = isConfigMapKey(key);
    if (errs.length) throw new CommandError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`);
    if (key in data) throw new CommandError(`cannot add key ${key}, another key by that name already exists`);
    data[key] = value.toString('base64');
  }
  const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: g.name, namespace: g.namespace }, data, type };
  return g.ctx.flags.bool('append-hash') ? withNameHash(secret) : secret;
}

const generic = generatorCommand({
  ...SECRETS,
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  flags: [
    { name: 'from-file', type: 'stringSlice' },
    { name: 'from-literal', type: 'stringArray' },
    { name: 'from-env-file', type: 'stringSlice' },
    { name: 'type', type: 'string' },
    { name: 'append-hash', type: 'bool' },
  ],
  validate({ ctx }) {
    const f = ctx.flags;
    if (f.strings('from-env-file').length && (f.strings('from-file').length || f.strings('from-literal').length))
      throw new CommandError('from-env-file cannot be combined with from-file or from-literal');
  },
  build(g) {
    const { flags, io } = g.ctx;
    // Literals first, unlike configmap: it decides which duplicate is reported.
    const literals = flags.strings('from-literal').map((s) => {
      const [key, value] = parseLiteralSource(s);
      return { key, value: Buffer.from(value) };
    });
    const files = fileSources(flags.strings('from-file'), io.cwd);
    const envs = envFileSources(flags.strings('from-env-file'), io.cwd, io.env, 'env secret file cannot be a directory');
    return secretOf(g, flags.string('type'), [...literals, ...files, ...envs]);
  },
});


const pemTypes = (pem: Buffer) => [...pem.toString('latin1').matchAll(/-----BEGIN ([^\n-]+)-----/g)].map((m) => m[1]!);
const isKeyType = (t: string) => t === 'PRIVATE KEY' || t.endsWith(' PRIVATE KEY');

/** tls.X509KeyPair's checks and texts: a certificate block, a private key block, and the key the certificate's. */
function checkKeyPair(cert: Buffer, key: Buffer): void {
  const certTypes = pemTypes(cert);
  if (!certTypes.includes('CERTIFICATE')) {
    if (!certTypes.length) throw new CommandError('tls: failed to find any PEM data in certificate input');
    if (certTypes.some(isKeyType)) throw new CommandError('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    throw new CommandError(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${certTypes.join(' ')}]`);
  }
  const keyTypes = pemTypes(key);
  if (!keyTypes.some(isKeyType)) {
    if (!keyTypes.length) throw new CommandError('tls: failed to find any PEM data in key input');
    if (keyTypes.includes('CERTIFICATE')) throw new CommandError('tls: found a certificate rather than a key in the PEM for the private key');
    throw new CommandError(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${keyTypes.join(' ')}]`);
  }
  let matches = false;
  try {
    matches = new X509Certificate(cert).checkPrivateKey(createPrivateKey(key));
  } catch (err) {
    throw new CommandError(`tls: ${(err as Error).message}`);
  }
  if (!matches) throw new CommandError('tls: private key does not match public key');
}

function readPath(path: string, cwd: string): Buffer {
  try {
    return readFileSync(resolve(cwd, path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CommandError(`Cannot read file ${path}, open ${path}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}`);
  }
}

const tls = generatorCommand({
  ...SECRETS,
  name: 'tls',
  short: 'Create a TLS secret',
  flags: [
    { name: 'cert', type: 'string' },
    { name: 'key', type: 'string' },
    { name: 'append-hash', type: 'bool' },
  ],
  validate({ ctx }) {
    if (!ctx.flags.string('key') || !ctx.flags.string('cert')) throw new CommandError('key and cert must be specified');
  },
  build(g) {
    const cert = readPath(g.ctx.flags.string('cert'), g.ctx.io.cwd);
    const key = readPath(g.ctx.flags.string('key'), g.ctx.io.cwd);
    checkKeyPair(cert, key);
    return secretOf(g, 'kubernetes.io/tls', [
      { key: 'tls.crt', value: cert },
      { key: 'tls.key', value: key },
    ]);
  },
});

/** The .dockerconfigjson of one registry, as Go's encoder writes DockerConfigJSON. */
export function dockerConfigJson(server: string, username: string, password: string, email: string): string {
  const entry = { username: username || undefined, password: password || undefined, email: email || undefined, auth: Buffer.from(`${username}:${password}`).toString('base64') };
  return JSON.stringify({ auths: { [server]: entry } }).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

const dockerRegistry = generatorCommand({
  ...SECRETS,
  name: 'docker-registry',
  short: 'Create a secret for use with a Docker registry',
  flags: [
    { name: 'docker-username', type: 'string' },
    { name: 'docker-password', type: 'string' },
    { name: 'docker-email', type: 'string' },
    { name: 'docker-server', type: 'string' },
    { name: 'from-file', type: 'stringSlice' },
    { name: 'append-hash', type: 'bool' },
  ],
  validate({ ctx }) {
    const f = ctx.flags;
    if (!f.strings('from-file').length && (!f.string('docker-username') || !f.string('docker-password') || !f.string('docker-server', 'https://index.docker.io/v1/')))
      throw new CommandError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  },
  build(g) {
    const f = g.ctx.flags;
    const files = f.strings('from-file');
    const sources = files.length
      ? fileSources(files, g.ctx.io.cwd)
      : [{ key: '.dockerconfigjson', value: Buffer.from(dockerConfigJson(f.string('docker-server', 'https://index.docker.io/v1/'), f.string('docker-username'), f.string('docker-password'), f.string('docker-email'))) }];
    return secretOf(g, 'kubernetes.io/dockerconfigjson', sources);
  },
});

export const secret = subcommandGroup({
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  subcommands: [dockerRegistry, generic, tls],
});
