// `wheelhouse <command>`: the headless commands. `cluster` runs the embedded control plane in
// the foreground until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:https';
import type { Cluster } from './cluster';
import type { ClusterTimings } from './client/context';
import { parseGoDuration } from './machinery/go-duration';

const USAGE = `Usage: wheelhouse <command> [options]

Commands:
  cluster   Run the embedded Kubernetes control plane in the foreground
              --data-dir DIR     state, certificates and token (default ~/.wheelhouse/cluster)
              --port PORT        API server port on 127.0.0.1 (default 6443, 0 = any free port)
              --kubeconfig FILE  where to write the kubeconfig (default DIR/kubeconfig)
              --storage sqlite|memory  (default sqlite)
              --nodes N          nodes to create on first start: cp1 and N-1 workers (default 3)
              --control-plane-only  the API server alone: no nodes, scheduler or controllers
              --node-monitor-grace-period DURATION  a node silent this long goes NotReady (default 40s)
              --node-lease-renew-interval DURATION  how often kubelets renew their Lease (default 10s)
              --default-toleration-seconds N        how long pods stay on a NotReady node (default 300)
              --metric-resolution DURATION          how often pod and node usage is scraped for kubectl top and charts (default 15s)
  node      Add, remove, stop or start a simulated node: node add|remove|stop|start NAME [--kubeconfig FILE]
  kubectl   The built-in kubectl (for machines without one): wheelhouse kubectl get pods, ...
`;

/** The desktop commands' part of the usage lives with them, loaded only when it is shown. */
async function usage(): Promise<string> {
  const { LAUNCH_USAGE } = await import('../electron/launch-flags');
  return USAGE + LAUNCH_USAGE;
}

function readyz(cluster: Cluster): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${cluster.url}/readyz`, { ca: cluster.caPem, headers: { Authorization: `Bearer ${cluster.token}` } }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** A Go duration flag ("500ms", "2s", "1m30s") in milliseconds, with an example when it is not one. */
function durationFlag(flag: string, text: string): number {
  try {
    return parseGoDuration(text);
  } catch {
    throw new Error(`--${flag}: invalid duration "${text}" (e.g. 500ms, 2s, 1m)`);
  }
}

/** Shorter periods for tests and demos; absent flags keep the defaults. */
function timingFlags(values: Record<string, string | boolean | undefined>): Partial<ClusterTimings> {
  const timings: Partial<ClusterTimings> = {};
  const duration = (flag: string) => (typeof values[flag] === 'string' ? durationFlag(flag, values[flag]) : undefined);
  const grace = duration('node-monitor-grace-period');
  const renew = duration('node-lease-renew-interval');
  if (grace !== undefined) timings.nodeMonitorGracePeriodMs = grace;
  if (renew !== undefined) timings.nodeLeaseRenewMs = renew;
  const resolution = duration('metric-resolution');
  if (resolution !== undefined) {
    if (resolution < 1000) throw new Error(`--metric-resolution must be at least 1s, got ${values['metric-resolution']}`);
    timings.metricsResolutionMs = resolution;
  }
  const seconds = values['default-toleration-seconds'];
  if (typeof seconds === 'string') {
    if (!/^\d+$/.test(seconds)) throw new Error(`--default-toleration-seconds must be a whole number of seconds, got ${seconds}`);
    timings.defaultTolerationSeconds = Number(seconds);
  }
  return timings;
}

async function runCluster(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      kubeconfig: { type: 'string' },
      storage: { type: 'string' },
      nodes: { type: 'string' },
      'control-plane-only': { type: 'boolean' },
      'node-monitor-grace-period': { type: 'string' },
      'node-lease-renew-interval': { type: 'string' },
      'default-toleration-seconds': { type: 'string' },
      'metric-resolution': { type: 'string' },
    },
    strict: true,
  });
  const port = values.port === undefined ? 6443 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`wheelhouse cluster: --port must be a number between 0 and 65535, got ${values.port}`);
    return 2;
  }
  const storage = values.storage ?? 'sqlite';
  if (storage !== 'sqlite' && storage !== 'memory') {
    console.error(`wheelhouse cluster: --storage must be sqlite or memory, got ${storage}`);
    return 2;
  }
  const nodes = values.nodes === undefined ? 3 : Number(values.nodes);
  if (!Number.isInteger(nodes) || nodes < 1) {
    console.error(`wheelhouse cluster: --nodes must be a whole number of at least 1, got ${values.nodes}`);
    return 2;
  }
  let timings: Partial<ClusterTimings>;
  try {
    timings = timingFlags(values);
  } catch (e) {
    console.error(`wheelhouse cluster: ${(e as Error).message}`);
    return 2;
  }
  // Loaded here, not at the top: `wheelhouse kubectl` and `node` start without the control plane's code.
  const { startCluster } = await import('./cluster');
  const cluster = await startCluster({
    dataDir: values['data-dir'] ?? join(homedir(), '.wheelhouse', 'cluster'),
    port,
    kubeconfigPath: values.kubeconfig,
    storage,
    nodes,
    timings,
    components: values['control-plane-only'] ? 'none' : 'all',
  });
  if (!(await readyz(cluster))) {
    console.error('wheelhouse cluster: /readyz did not answer ok');
    await cluster.stop();
    return 1;
  }
  // Handlers first: whoever reads the ready line may send SIGTERM at once, and without a
  // handler that signal kills the process without a clean stop.
  const stopRequested = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log(`wheelhouse: control plane ready at ${cluster.url} (kubeconfig: ${cluster.kubeconfigPath})`);
  await stopRequested;
  await cluster.stop();
  console.log('wheelhouse: control plane stopped');
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'cluster':
        return await runCluster(rest);
      case 'node': {
        const { runNodeCommand } = await import('./nodes/node-command');
        return await runNodeCommand(rest);
      }
      case 'kubectl': {
        const { runKubectl } = await import('./kubectl/kubectl');
        return await runKubectl(rest, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() });
      }
      case 'app':
      case 'web': {
        const { launchApp } = await import('../electron/launch');
        return await launchApp(command === 'web' ? ['--web', '--no-open', ...rest] : rest);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(await usage());
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`wheelhouse: unknown command "${command}"\n\n${await usage()}`);
        return 2;
    }
  } catch (e) {
    console.error(`wheelhouse ${command}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
