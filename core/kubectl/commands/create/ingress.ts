// kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]] [--class=...]
// [--default-backend=service:port] [--annotation=key=value]
import { CommandError } from '../../command';
import { generatorCommand, type GeneratorContext } from './generator';

const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

/** service:port, the port a number or a name. */
function backend(service: string): object {
  const [name, port] = service.split(':') as [string, string];
  return { service: { name, port: /^-?\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

/** "path[*]=service:port": a trailing * makes a Prefix path. */
function httpPath(pathAndService: string): object {
  const [rawPath, service] = pathAndService.split('=') as [string, string];
  const path = `/${rawPath}`;
  const prefix = path.endsWith('*');
  return { path: prefix ? path.slice(0, -1) : path, pathType: prefix ? 'Prefix' : 'Exact', backend: backend(service) };
}

/** One IngressTLS per secret, gathering the hosts of the rules marked tls. */
function tlsOf(rules: string[]): object[] {
  const seen = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0]!;
    const secret = parts[1]!.split('=')[1] ?? '';
    if (seen.has(host)) continue;
    const same = out.find((t) => (t.secretName ?? '') === secret);
    seen.add(host);
    if (same) {
      (same.hosts ??= []).push(host);
      continue;
    }
    const entry = { hosts: host ? [host] : undefined, secretName: secret || undefined };
    if (entry.hosts || entry.secretName) out.push(entry);
  }
  return out;
}

/** One IngressRule per host, its paths in the order given. */
function rulesOf(rules: string[]): object[] {
  const out: { host?: string; http: { paths: object[] } }[] = [];
  for (const rule of rules) {
    const withoutTls = rule.split(',')[0]!;
    const slash = withoutTls.indexOf('/');
    const host = withoutTls.slice(0, slash) || undefined;
    const path = httpPath(withoutTls.slice(slash + 1));
    const same = out.find((r) => r.host === host);
    if (same) same.http.paths.push(path);
    else out.push({ host, http: { paths: [path] } });
  }
  return out;
}

function annotations(g: GeneratorContext): Record<string, string> {
  return Object.fromEntries(g.ctx.flags.strings('annotation').map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
}

export const ingress = generatorCommand({
  name: 'ingress',
  aliases: ['ing'],
  short: 'Create an ingress with the specified name',
  flags: [
    { name: 'class', type: 'string' },
    { name: 'rule', type: 'stringArray' },
    { name: 'default-backend', type: 'string' },
    { name: 'annotation', type: 'stringArray' },
  ],
  api: '/apis/networking.k8s.io/v1',
  resource: 'ingresses',
  namespaced: true,
  failure: 'failed to create ingress: ',
  validate({ ctx }) {
    const f = ctx.flags;
    const defaultBackend = f.string('default-backend');
    if (!defaultBackend && !f.strings('rule').length)
      throw new CommandError(
        'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
      );
    for (const rule of f.strings('rule')) if (!RULE.test(rule)) throw new CommandError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    for (const a of f.strings('annotation')) if (!a.includes('=')) throw new CommandError(`annotation ${a} is invalid and should be in format key=[value]`);
    if (defaultBackend && defaultBackend.split(':').length !== 2) throw new CommandError('default-backend should be in format servicename:serviceport');
  },
  build(g) {
    const f = g.ctx.flags;
    const rules = f.strings('rule');
    const defaultBackend = f.string('default-backend');
    return {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: g.name, namespace: g.namespace, annotations: annotations(g) },
      spec: {
        ingressClassName: f.string('class') || undefined,
        defaultBackend: defaultBackend ? backend(defaultBackend) : undefined,
        tls: tlsOf(rules),
        rules: rulesOf(rules),
      },
    };
  },
});
