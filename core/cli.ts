// `wheelhouse <command>`: the headless commands. `cluster` runs the embedded control plane in
// the foreground until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:https';
import { startCluster, type Cluster } from './cluster';

const USAGE = `Usage: wheelhouse <command> [options]

Commands:
  cluster   Run the embedded Kubernetes control plane in the foreground
              --data-dir DIR     state, certificates and token (default ~/.wheelhouse/cluster)
              --port PORT        API server port on 127.0.0.1 (default 6443, 0 = any free port)
              --kubeconfig FILE  where to write the kubeconfig (default DIR/kubeconfig)
              --storage sqlite|memory  (default sqlite)
  app       Start the desktop app (web mode where Electron is unavailable)
`;

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

async function runCluster(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      kubeconfig: { type: 'string' },
      storage: { type: 'string' },
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
  const cluster = await startCluster({
    dataDir: values['data-dir'] ?? join(homedir(), '.wheelhouse', 'cluster'),
    port,
    kubeconfigPath: values.kubeconfig,
    storage,
  });
  if (!(await readyz(cluster))) {
    console.error('wheelhouse cluster: /readyz did not answer ok');
    await cluster.stop();
    return 1;
  }
  console.log(`wheelhouse: control plane ready at ${cluster.url} (kubeconfig: ${cluster.kubeconfigPath})`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
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
      case 'app': {
        const { launchApp } = await import('../electron/launch');
        return await launchApp(rest);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`wheelhouse: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    console.error(`wheelhouse ${command}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
