// kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]: the command
// runs in the pod's container over the exec subresource; its exit code becomes ours.
import type { Command, CommandContext } from '../command';
import { CommandError, UsageError } from '../command';
import { attachablePod, defaultContainer } from '../attachable-pod';
import { podRunningTimeout, podTarget, STREAM_FLAGS } from '../stream/pod-args';
import { exitCodeOf, runRemoteCommand } from '../stream/remote-command';
import { setupTerminal } from '../stream/terminal';

async function run(ctx: CommandContext): Promise<number> {
  const { args, dashAt, flags, io } = ctx;
  const resourceName = args.length && dashAt !== 0 ? args[0]! : '';
  if (dashAt < 0 && args.length > 1) throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  const command = dashAt >= 0 ? args.slice(dashAt) : [];
  const timeout = podRunningTimeout(ctx);
  if (!resourceName) throw new CommandError('pod, type/name or --filename must be specified');
  if (!command.length) throw new CommandError('you must specify at least one command for the container');
  const session = await ctx.session();
  const namespace = session.config.namespace;
  const { pod } = await attachablePod(session, namespace, ...podTarget(resourceName), timeout);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CommandError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const quiet = flags.bool('quiet');
  const container = flags.string('container') || defaultContainer(pod, '', quiet, io.stderr).name;
  const terminal = setupTerminal(io, { stdin: flags.bool('stdin'), tty: flags.bool('tty'), quiet });
  return exitCodeOf(
    terminal.safe(() =>
      runRemoteCommand(
        session.rest,
        { namespace: pod.metadata!.namespace ?? namespace, pod: pod.metadata!.name!, subresource: 'exec', container, command, stdin: terminal.stdin, stdout: true, stderr: !terminal.raw, tty: terminal.raw },
        { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, sizes: terminal.sizes },
      ),
    ),
    io.stderr,
  );
}

export const exec: Command = {
  name: 'exec',
  short: 'Execute a command in a container',
  flags: STREAM_FLAGS,
  run,
};
