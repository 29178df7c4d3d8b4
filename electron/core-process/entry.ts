// The process that runs the embedded cluster, off the host's event loop. Started by the host
// with its CoreOptions as JSON in argv[2]; talks back over the IPC channel (a Node fork) or
// the parent port (an Electron utilityProcess). It stops when the host asks, on SIGTERM, or
// when the host goes away.
import { startCluster, type Cluster } from '../../core/cluster';
import type { CoreMessage, CoreOptions, HostMessage } from './protocol';

interface ParentPort {
  postMessage(message: CoreMessage): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const electronPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;

function post(message: CoreMessage): Promise<void> {
  if (electronPort) {
    electronPort.postMessage(message);
    return Promise.resolve();
  }
  return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}

function onHostMessage(listener: (message: HostMessage) => void): void {
  if (electronPort) electronPort.on('message', (event) => listener(event.data as HostMessage));
  else process.on('message', (message) => listener(message as HostMessage));
}

// Ctrl-C in a terminal signals the whole process group: the host decides when the core stops.
process.on('SIGINT', () => undefined);

async function run(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as CoreOptions;
  let cluster: Cluster;
  try {
    cluster = await startCluster({ dataDir: options.dataDir, port: options.port });
  } catch (err) {
    await post({ type: 'failed', message: (err as Error).message });
    process.exit(1);
  }
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= cluster.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    ));
  onHostMessage((message) => {
    if (message?.type === 'stop') void stop();
  });
  process.once('SIGTERM', () => void stop());
  process.once('disconnect', () => void stop());
  await post({ type: 'ready', url: cluster.url, kubeconfigPath: cluster.kubeconfigPath });
}

void run();
