// `kubectl logs` with the real kubectl against `wheelhouse cluster`: follow streams lines as the
// (simulated) container prints them and ends when the container exits; timestamps, tail,
// since, previous and a waiting container get the server's answers.
import { beforeAll, describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { manifests, newNamespace, useCluster, watchLines } from './compat-cluster';

const pod = (ns: string, name: string, script: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns },
  spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', script] }] },
});

describe.skipIf(!haveKubectl)('kubectl logs', () => {
  const cluster = useCluster({ extraArgs: ['--storage', 'memory'] });
  let ns: string;

  beforeAll(async () => {
    ns = await newNamespace(cluster, 'logs');
    await cluster.ok(['apply', '-f', '-'], {
      input: manifests(
        pod(ns, 'ticker', 'i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.2; done'),
        pod(ns, 'short', 'while true; do echo first; sleep 1; echo last; exit 0; done'),
      ),
    });
    await cluster.ok(['wait', '--for=condition=Ready', 'pod/ticker', '-n', ns, '--timeout=60s']);
  });

  it('logs -f prints new lines as they come', async () => {
    const w = watchLines(cluster, ['logs', '-f', 'ticker', '-n', ns]);
    try {
      const lines = await w.until((l) => l.length >= 3);
      const n = Number(/^tick (\d+)$/.exec(lines[0]!)?.[1]);
      expect(lines.slice(0, 3)).toEqual([`tick ${n}`, `tick ${n + 1}`, `tick ${n + 2}`]);
    } finally {
      w.stop();
    }
  });

  it('logs -f ends when the container exits', async () => {
    const w = watchLines(cluster, ['logs', '-f', 'short', '-n', ns]);
    expect(await w.exited).toBe(0);
    expect(w.lines).toEqual(['first', 'last']);
  });

  it('--timestamps puts an RFC3339 time before each line, --tail keeps the last lines', async () => {
    const out = (await cluster.ok(['logs', 'ticker', '-n', ns, '--timestamps', '--tail=2'])).trimEnd().split('\n');
    expect(out).toHaveLength(2);
    for (const line of out) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z tick \d+$/);
  });

  it('--limit-bytes cuts the log at that many bytes', async () => {
    expect(await cluster.ok(['logs', 'short', '-n', ns, '--limit-bytes=7'])).toBe('first\nl');
  });

  it('--since keeps only recent lines', async () => {
    const w = watchLines(cluster, ['logs', '-f', 'ticker', '-n', ns]);
    await w.until((l) => l.includes('tick 15')).finally(() => w.stop());
    const recent = (await cluster.ok(['logs', 'ticker', '-n', ns, '--since=1s'])).trimEnd().split('\n');
    // Five lines a second: the last second holds about five of the fifteen or more printed.
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThanOrEqual(7);
  });

  it('--previous without a terminated instance names the container', async () => {
    const r = await cluster.run(['logs', 'ticker', '-n', ns, '--previous']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('previous terminated container "main" in pod "ticker" not found');
  });
});
