// `kubectl get -w` while things change, the real kubectl and `wheelhouse kubectl` side by side:
// each watches its own namespace, the same changes are made in both, and once each side has
// printed every event (awaited line by line, never slept for), the two streams must match after
// masking what differs between two runs (namespace, ages, uids, resourceVersions, times). The
// bounded cases without changes are golden cases (golden/watch.cases.ts). --watch-only is not
// here: nothing shows when its list was taken, so a change could land before it and never show.
// (With -l below the same race is harmless: the object shows as ADDED either way.)
import { describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { newNamespace, useCluster, watchLines, type WatchedLines } from './compat-cluster';
import { masked } from './golden/case';

interface Scenario {
  /** kubectl get's arguments, without -n. */
  args: string[];
  /** Commands run in both namespaces before the watches start. */
  setup?: string[][];
  /** Each change, and how many events about `zeta` objects it brings. */
  steps: { run: string[]; events: number }[];
  /** Lines about `zeta` objects printed before any change. */
  initial: number;
}

const ZETA = ['create', 'configmap', 'zeta', '--from-literal=k=v'];
const GROW_SHRINK = [
  { run: ['label', 'configmap', 'zeta', 'a=b'], events: 1 },
  // A longer name widens NAME; the shorter one after it keeps the width.
  { run: ['create', 'configmap', 'zeta-with-a-longer-name', '--from-literal=k=v', '--from-literal=l=w'], events: 1 },
  { run: ['delete', 'configmap', 'zeta'], events: 1 },
];

const scenarios: Record<string, Scenario> = {
  'get cm -w: the list, then changes in remembered column widths': { args: ['get', 'cm', '-w'], setup: [ZETA], initial: 1, steps: GROW_SHRINK },
  'get cm -w --output-watch-events': { args: ['get', 'cm', '-w', '--output-watch-events'], setup: [ZETA], initial: 1, steps: GROW_SHRINK },
  'get cm NAME -w: the synthetic ADDED of the watch is not printed again': {
    args: ['get', 'cm', 'zeta', '-w', '--output-watch-events'],
    setup: [ZETA],
    initial: 1,
    steps: [
      { run: ['label', 'configmap', 'zeta', 'a=b'], events: 1 },
      { run: ['delete', 'configmap', 'zeta'], events: 1 },
    ],
  },
  'get cm NAME -w -o name': {
    args: ['get', 'cm', 'zeta', '-w', '-o', 'name'],
    setup: [ZETA],
    initial: 1,
    steps: [
      { run: ['label', 'configmap', 'zeta', 'a=b'], events: 1 },
      { run: ['delete', 'configmap', 'zeta'], events: 1 },
    ],
  },
  'get cm -w -o yaml: documents separated after the first': {
    args: ['get', 'cm', '-w', '-o', 'yaml', '--field-selector', 'metadata.name!=kube-root-ca.crt'],
    setup: [ZETA],
    initial: 1,
    steps: [
      { run: ['label', 'configmap', 'zeta', 'a=b'], events: 1 },
      { run: ['delete', 'configmap', 'zeta'], events: 1 },
    ],
  },
  'get cm -w -o json --output-watch-events: one compact event per line': {
    args: ['get', 'cm', '-w', '-o', 'json', '--output-watch-events'],
    setup: [ZETA],
    initial: 1,
    steps: GROW_SHRINK,
  },
  'get cm -w -o custom-columns: the header once, widths kept': {
    args: ['get', 'cm', '-w', '-o', 'custom-columns=NAME:.metadata.name,KEYS:.data'],
    setup: [ZETA],
    initial: 1,
    steps: GROW_SHRINK,
  },
  'get cm -w -l: an object that stops matching is DELETED': {
    args: ['get', 'cm', '-w', '-l', 'app=zeta', '--output-watch-events'],
    setup: [ZETA],
    initial: 0,
    steps: [
      { run: ['label', 'configmap', 'zeta', 'app=zeta'], events: 1 },
      { run: ['label', 'configmap', 'zeta', 'app-'], events: 1 },
    ],
  },
};

const aboutZeta = (lines: string[]) => lines.filter((l) => l.includes('zeta')).length;

describe.skipIf(!haveKubectl)('kubectl get -w while things change: the built-in kubectl streams what the real one streams', () => {
  const cluster = useCluster();

  for (const [title, s] of Object.entries(scenarios)) {
    it(title, async () => {
      const sides = await Promise.all(
        [false, true].map(async (builtIn) => {
          const namespace = await newNamespace(cluster, 'watch-stream');
          for (const args of s.setup ?? []) await cluster.ok([...args, '-n', namespace]);
          return { namespace, watch: watchLines(cluster, [...s.args, '-n', namespace], { builtIn }) };
        }),
      );
      const awaitEvents = (w: WatchedLines, n: number) => w.until((lines) => aboutZeta(lines) >= n);
      try {
        let expected = s.initial;
        for (const side of sides) await awaitEvents(side.watch, expected);
        for (const step of s.steps) {
          expected += step.events;
          for (const side of sides) {
            await cluster.ok([...step.run, '-n', side.namespace]);
            await awaitEvents(side.watch, expected);
          }
        }
      } finally {
        for (const side of sides) side.watch.stop('SIGINT');
      }
      const [real, ours] = await Promise.all(sides.map(async (side) => ({ code: await side.watch.exited, lines: side.watch.lines, namespace: side.namespace })));
      const view = (side: typeof real) => ({ exit: side.code, stdout: masked(side.lines.join('\n'), { args: [] }, side.namespace) });
      expect(view(ours)).toEqual(view(real));
      expect(real.code).toBe(1);
    });
  }
});
