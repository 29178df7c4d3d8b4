// kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=port:targetPort]
import { CommandError } from '../../command';
import type { Command } from '../../command';
import type { FlagSpec } from '../../flags';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../../machinery/names';
import { generatorCommand, subcommandGroup } from './generator';

/** utilsnet.ParsePort (zero allowed): strconv.ParseUint's 16 bits. */
function parsePort(text: string): number {
  if (!/^\d+$/.test(text)) throw new CommandError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const port = Number(text);
  if (port > 65535) throw new CommandError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return port;
}

/** "port[:targetPort]", the target a number or a port name. */
export function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const [first, target] = spec.split(':');
  const port = parsePort(first!);
  if (target === undefined) return { port, targetPort: port };
  if (/^[+-]?\d+$/.test(target)) {
    const errs = isValidPortNum(Number(target));
    if (errs.length) throw new CommandError(errs.join(','));
    return { port, targetPort: Number(target) };
  }
  const errs = isValidPortName(target);
  if (errs.length) throw new CommandError(errs.join(','));
  return { port, targetPort: target };
}

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

function serviceCommand(name: string, type: ServiceType, short: string, extra: FlagSpec[], required: string[] = []): Command {
  return generatorCommand({
    name,
    short,
    flags: [{ name: 'tcp', type: 'stringSlice' }, ...extra],
    required,
    api: '/api/v1',
    resource: 'services',
    namespaced: true,
    failure: `failed to create ${type} service: `,
    validate({ ctx }) {
      const clusterIP = ctx.flags.string('clusterip');
      if (clusterIP === 'None' && type !== 'ClusterIP') throw new CommandError('ClusterIP=None can only be used with ClusterIP service type');
      if (clusterIP !== 'None' && !ctx.flags.strings('tcp').length && type !== 'ExternalName') throw new CommandError('at least one tcp port specifier must be provided');
      const external = ctx.flags.string('external-name');
      if (type === 'ExternalName' && isDNS1123Subdomain(external).length) throw new CommandError(`invalid service external name ${external}`);
    },
    build({ ctx, name: svc, namespace }) {
      const nodePort = ctx.flags.int('node-port', 0);
      const ports = ctx.flags.strings('tcp').map((spec) => ({ name: spec.replaceAll(':', '-'), protocol: 'TCP', ...parsePorts(spec), nodePort }));
      const clusterIP = ctx.flags.string('clusterip');
      return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: svc, namespace, labels: { app: svc } },
        spec: { ports, selector: { app: svc }, clusterIP: clusterIP || undefined, type, externalName: ctx.flags.string('external-name') || undefined },
      };
    },
  });
}

export const service = subcommandGroup({
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  subcommands: [
    serviceCommand('clusterip', 'ClusterIP', 'Create a ClusterIP service', [{ name: 'clusterip', type: 'string' }]),
    serviceCommand('externalname', 'ExternalName', 'Create an ExternalName service', [{ name: 'external-name', type: 'string' }], ['external-name']),
    serviceCommand('loadbalancer', 'LoadBalancer', 'Create a LoadBalancer service', []),
    serviceCommand('nodeport', 'NodePort', 'Create a NodePort service', [{ name: 'node-port', type: 'int' }]),
  ],
});
