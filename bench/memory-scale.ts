// Memory of the core holding 5,000 Nodes and 150,000 Pods (Kubernetes' stated limits): an
// in-process cluster with no components, filled through the registry (the same validation,
// defaulting and admission as kubectl's writes) with complete Node objects and bound, Running
// Pods shaped like `kubectl run` makes them; then, after a full GC, its RSS and V8 heap.
// The fill runs in a child process (--expose-gc, a time bound) so the
// figures are of a process that holds nothing else.
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCluster } from '../core/cluster';
import type { Client } from '../core/client/client';
import { nodeAddressFor, nodeObject } from '../core/nodes/node-object';
import { numberToIp, ipToNumber } from '../core/kubelet/pod-ips';
import { printTable, runBench } from './lib/report';

const NODES = 5000;
const PODS = 150_000;
/** Writes in flight while filling. */
const BATCH = 500;
const CHILD_FLAG = 'WH_BENCH_MEMORY_CHILD';
const CHILD_TIMEOUT_MS = 8 * 60_000;
const MB = 1024 * 1024;

interface Figure {
  storage: 'memory' | 'sqlite';
  nodes: number;
  pods: number;
  fillSeconds: number;
  /** After a full GC, MiB. */
  rssMb: number;
  heapUsedMb: number;
  /** V8 heap committed (used plus free space kept in partly used pages), MiB. */
  heapTotalMb: number;
  /** Memory outside the V8 heap (buffers, sqlite's page cache), MiB. */
  externalMb: number;
}

/** `kubectl run NAME --image=nginx`, bound to a node. */
function runPod(name: string, nodeName: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { run: name } },
    spec: { nodeName, containers: [{ name, image: 'nginx' }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' },
  };
}

/** What a kubelet reports for the pod once its container runs. */
function runningStatus(pod: Pod, node: number, podIp: string, at: string): PodStatus {
  const c = pod.spec!.containers[0]!;
  // lastProbeTime is null in what the real server returns; the type says string.
  const condition = (type: string) => ({ type, status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: at });
  return {
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(condition),
    hostIP: nodeAddressFor(node),
    hostIPs: [{ ip: nodeAddressFor(node) }],
    podIP: podIp,
    podIPs: [{ ip: podIp }],
    startTime: at,
    qosClass: 'BestEffort',
    containerStatuses: [
      {
        name: c.name,
        image: 'docker.io/library/nginx:latest',
        imageID: 'docker.io/library/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
        containerID: `simulated://${pod.metadata!.name!.padEnd(64, '0').slice(0, 64)}`,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: at } },
        lastState: {},
      },
    ],
  };
}

/** Runs fn(i) for i in [0, n) with `BATCH` in flight. */
async function inBatches(n: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < n; start += BATCH) {
    const end = Math.min(n, start + BATCH);
    const work: Promise<unknown>[] = [];
    for (let i = start; i < end; i++) work.push(fn(i));
    await Promise.all(work);
  }
}

async function fill(client: Client): Promise<void> {
  const now = new Date();
  const at = now.toISOString().replace(/\.\d+Z$/, 'Z');
  await inBatches(NODES, (i) => client.create('', 'nodes', undefined, nodeObject({ name: `node-${i}`, index: i + 1, now })));
  const podBase = ipToNumber('10.244.0.0');
  await inBatches(PODS, async (i) => {
    const node = i % NODES;
    const pod = runPod(`pod-${i}`, `node-${node}`);
    await client.create('', 'pods', 'default', pod);
    // 30 pods per node: each gets an address in its node's /24.
    const ip = numberToIp(podBase + (node + 1) * 256 + 2 + Math.floor(i / NODES));
    await client.updateStatus<Pod>('', 'pods', 'default', pod.metadata!.name!, (p) => {
      p.status = runningStatus(p, node + 1, ip, at);
    });
  });
}

async function child(storage: 'memory' | 'sqlite'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wh-bench-mem-'));
  const cluster = await startCluster({ dataDir: dir, port: 0, storage, components: 'none' });
  try {
    const t0 = performance.now();
    await fill(cluster.context.client('bench', 'admin'));
    const fillSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
    const gc = (globalThis as { gc?: () => void }).gc!;
    gc();
    gc();
    const m = process.memoryUsage();
    const figure: Figure = {
      storage,
      nodes: NODES,
      pods: PODS,
      fillSeconds,
      rssMb: Math.round(m.rss / MB),
      heapUsedMb: Math.round(m.heapUsed / MB),
      heapTotalMb: Math.round(m.heapTotal / MB),
      externalMb: Math.round((m.external + m.arrayBuffers) / MB),
    };
    process.stdout.write(`${CHILD_FLAG}=${JSON.stringify(figure)}\n`);
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function measure(storage: 'memory' | 'sqlite'): Figure {
  const env = { ...process.env, [CHILD_FLAG]: storage };
  const file = fileURLToPath(import.meta.url);
  // Node's default heap limit, as `wheelhouse cluster` runs with; the same loader flags as this
  // process (none for the bundle `npm run bench` runs).
  const r = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', file], {
    env,
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * MB,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith(`${CHILD_FLAG}=`));
  if (!line) throw new Error(`memory-scale child (${storage}) failed: ${r.error?.message ?? `exit ${r.status ?? r.signal}`}\n${r.stderr}`);
  const figure = JSON.parse(line.slice(CHILD_FLAG.length + 1)) as Figure;
  console.log(`${storage}: ${JSON.stringify(figure)}`);
  return figure;
}

const childStorage = process.env[CHILD_FLAG];
if (childStorage === 'memory' || childStorage === 'sqlite') {
  await child(childStorage);
  process.exit(0);
} else {
  await runBench('memory-scale', async () => {
    const results = (['memory', 'sqlite'] as const).map(measure);
    printTable(
      `Core memory holding ${NODES} Nodes and ${PODS} bound Running Pods (after a full GC)`,
      ['storage', 'fill s', 'RSS MiB', 'heap used MiB', 'heap committed MiB', 'external MiB'],
      results.map((r) => [r.storage, r.fillSeconds, r.rssMb, r.heapUsedMb, r.heapTotalMb, r.externalMb]),
    );
    return {
      figures: Object.fromEntries(results.map((r) => [r.storage, r])),
      targets: {
        'memory.rssMb': { op: '<', value: 2048, unit: 'MiB' },
        'sqlite.rssMb': { op: '<', value: 2048, unit: 'MiB' },
      },
      headline: { 'memory.heapUsedMb': 'MiB', 'sqlite.heapUsedMb': 'MiB' },
    };
  });
}
