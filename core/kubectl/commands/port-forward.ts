// kubectl port-forward TYPE/NAME [LOCAL:]REMOTE ...: local listeners forwarding to a pod
// (or the pod a workload or service selects, service ports translated to its target ports).
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Command, CommandContext } from '../command';
import { CommandError, UsageError } from '../command';
import { attachablePod } from '../attachable-pod';
import { ServerError } from '../rest';
import { podRunningTimeout, podTarget, POD_RUNNING_TIMEOUT } from '../stream/pod-args';
import { forwardPorts, parseAddresses, parsePorts, PORT_FORWARD_PROTOCOL } from '../stream/port-forward';
import { namedPodPorts, servicePortsToTarget, udpOnlyPortUsed } from '../stream/port-names';

async function run(ctx: CommandContext): Promise<number> {
  const { args, flags, io } = ctx;
  if (args.length < 2) throw new UsageError('TYPE/NAME and list of ports are required for port-forward');
  const timeout = podRunningTimeout(ctx);
  const session = await ctx.session();
  const namespace = session.config.namespace;
  const { pod, object } = await attachablePod(session, namespace, ...podTarget(args[0]!), timeout);
  const specs = args.slice(1);
  let translated: string[];
  try {
    const service = object.kind === 'Service' ? (object as Service) : undefined;
    udpOnlyPortUsed(specs, service ?? pod);
    translated = service ? servicePortsToTarget(specs, service, pod) : namedPodPorts(specs, pod);
  } catch (err) {
    throw new CommandError((err as Error).message);
  }
  const podPath = `/api/v1/namespaces/${encodeURIComponent(pod.metadata!.namespace ?? namespace)}/pods/${encodeURIComponent(pod.metadata!.name!)}`;
  const current = await session.rest.json<Pod>({ path: podPath });
  if (current.status?.phase !== 'Running') throw new CommandError(`unable to forward port because pod is not running. Current status=${current.status?.phase ?? ''}`);
  let addresses;
  let ports;
  try {
    addresses = parseAddresses(flags.has('address') ? flags.strings('address') : ['localhost']);
    ports = parsePorts(translated);
  } catch (err) {
    throw new CommandError((err as Error).message);
  }
  let opened;
  try {
    opened = await session.rest.webSocket(`${podPath}/portforward`, [PORT_FORWARD_PROTOCOL]);
  } catch (err) {
    throw new CommandError(`error upgrading connection: ${err instanceof ServerError ? err.status.message : (err as Error).message}`);
  }
  const { socket, protocol } = opened;
  if (protocol !== PORT_FORWARD_PROTOCOL) {
    socket.close();
    throw new CommandError(`error upgrading connection: unable to upgrade streaming request: invalid subprotocol "${protocol}"`);
  }
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once('SIGINT', interrupt);
  try {
    await forwardPorts(socket, { addresses, ports, out: io.stdout, errOut: io.stderr, stop: stop.signal });
  } catch (err) {
    throw new CommandError((err as Error).message);
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
  return 0;
}

export const portForward: Command = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  flags: [POD_RUNNING_TIMEOUT, { name: 'address', type: 'stringSlice', usage: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value.' }],
  run,
};
