// The Pod `kubectl run` generates (generate/versioned run.go BasicPod): one container named
// after the pod, args (or, with --command, the command) after the name, env, port, labels
// (run=NAME by default) and annotations.
import { CommandError } from '../../command';
import type { Flags } from '../../flags';
import { parseLabels, parsePairs } from '../../generator-params';
import { isEnvVarName } from '../../../machinery/names';

type Obj = Record<string, unknown>;

function parseEnvs(envs: string[]): { name: string; value: string }[] {
  return envs.map((env) => {
    const eq = env.indexOf('=');
    const name = eq < 0 ? '' : env.slice(0, eq);
    if (!name || isEnvVarName(name).length) throw new CommandError(`invalid env: ${env}`);
    return { name, value: env.slice(eq + 1) };
  });
}

/** strconv.Atoi, with its error text. */
function atoi(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new CommandError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  return Number(text);
}

export function generatePod(name: string, args: string[], flags: Flags): Obj {
  const envs = parseEnvs(flags.strings('env'));
  const annotations = parsePairs(flags.strings('annotations'), 'annotations');
  const labelSpec = flags.string('labels');
  const labels = labelSpec ? parseLabels(labelSpec) : { run: name };
  const stdin = flags.bool('stdin');
  const privileged = flags.bool('privileged');
  const port = flags.string('port');
  const container = {
    name,
    image: flags.string('image'),
    [flags.bool('command') ? 'command' : 'args']: args.length ? args : undefined,
    ports: port ? [{ containerPort: atoi(port) }] : undefined,
    env: envs.length ? envs : undefined,
    imagePullPolicy: flags.string('image-pull-policy') || undefined,
    securityContext: privileged ? { privileged: true } : undefined,
    stdin,
    stdinOnce: !flags.bool('leave-stdin-open') && stdin,
    tty: flags.bool('tty'),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels, annotations: Object.keys(annotations).length ? annotations : undefined },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: flags.string('restart', 'Always') || 'Always' },
  };
}
