// The flags and argument forms exec, attach and port-forward share.
import type { CommandContext } from '../command';
import { parseGoDuration } from '../../machinery/go-duration';
import { UsageError } from '../command';
import { FlagError, type FlagSpec } from '../flags';

export const POD_RUNNING_TIMEOUT: FlagSpec = { name: 'pod-running-timeout', type: 'string', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' };

export const STREAM_FLAGS: FlagSpec[] = [
  POD_RUNNING_TIMEOUT,
  { name: 'container', short: 'c', type: 'string', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
  { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container' },
  { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY' },
  { name: 'quiet', short: 'q', type: 'bool', usage: 'Only print output from the remote session' },
];

/** --pod-running-timeout in milliseconds (a duration flag: pflag refuses what Go cannot parse; zero is a usage error). */
export function podRunningTimeout(ctx: CommandContext, fallback = '1m0s'): number {
  const raw = ctx.flags.string('pod-running-timeout', fallback);
  let timeout: number;
  try {
    timeout = parseGoDuration(raw);
  } catch (err) {
    throw new FlagError(`invalid argument "${raw}" for "--pod-running-timeout" flag: ${(err as Error).message}`);
  }
  if (timeout <= 0) throw new UsageError('--pod-running-timeout must be higher than zero');
  return timeout;
}

/** `NAME` is a pod; `TYPE/NAME` anything (kubectl's builder.ResourceNames("pods", arg)). */
export function podTarget(arg: string): [type: string, name: string] {
  const slash = arg.indexOf('/');
  return slash < 0 ? ['pods', arg] : [arg.slice(0, slash), arg.slice(slash + 1)];
}
