import { startServer } from './lib/cluster-process';
import { configMap, createNamespace } from './lib/fixtures';
import { ApiClient, openWatch } from './lib/http-client';
import { closedLoop, primeConnections } from './lib/load';
import { cpuMeter } from './lib/proc-stats';
const server = await startServer({ profileTag: process.env.PROF ? 'create' : undefined, controlPlaneOnly: true });
const client = new ApiClient(server.target, 64);
await createNamespace(client, 'c');
const w = openWatch(server.target, '/api/v1/namespaces/c/configmaps', () => {});
await w.ready;
await primeConnections(16, () => client.status('GET', '/api/v1/namespaces/default'));
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  const meter = cpuMeter(server.pid);
  const r = await closedLoop({ concurrency: 16, maxOps: 2000, maxMs: 5000 }, async (wk, seq) => (await client.status('POST', '/api/v1/namespaces/c/configmaps', configMap('c', `cm-${round}-${wk}-${seq}`, 'v0'))) === 201);
  console.log(round, r.opsPerSec, 'p50', r.latencyMs.p50, 'p90', r.latencyMs.p90, 'p99', r.latencyMs.p99, 'max', r.latencyMs.max, 'cpu', JSON.stringify(meter()));
}
w.close(); client.close(); await server.stop(); server.cleanup();
console.log(server.profileDir ?? '');
