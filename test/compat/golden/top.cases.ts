// kubectl top node|pod. Usage is simulated and changes between the two runs of a case, so the
// figures of shared pods and of nodes are masked (their order too can change, so --sort-by is
// compared on pods of the case's own, told what to use by the wheelhouse.dev/simulated-usage
// annotation, whose figures are exact and stay unmasked).
import type { GoldenCase } from './case';

/** CPU, memory and percentages: they move between the two sides' runs. */
const FIGURES: [RegExp, string][] = [
  [/(?<=\s)\d+m(?=\s)/g, 'Nm'],
  [/(?<=\s)\d+Mi(?=\s)/g, 'NMi'],
  [/(?<=\s)\d+%(?=\s)/g, 'N%'],
];

const usage = (name: string, value: string, extra: string[] = []) => ['run', name, '--image=nginx:1.27', '--labels=tier=top', `--annotations=wheelhouse.dev/simulated-usage=${value}`, ...extra];

/** Three pods of known usage (a sidecar in "two"), running and scraped. */
const PODS: string[][] = [
  usage('small', 'cpu=100m,memory=300Mi'),
  usage('big', 'cpu=700m,memory=20Mi'),
  usage('two', 'a:cpu=50m,memory=64Mi;b:cpu=250m,memory=8Mi', ['--overrides={"spec":{"containers":[{"name":"a","image":"nginx:1.27"},{"name":"b","image":"nginx:1.27"}]}}']),
  ['wait', '--for=condition=Ready', 'pod', '--all', '--timeout=60s'],
  // Two seconds for a scrape (the metrics API cannot be watched): a watch the server ends.
  ['get', '--raw', '/api/v1/namespaces/$NS/configmaps?watch=true&timeoutSeconds=2&fieldSelector=metadata.name=none'],
];

const known = (args: string[]): GoldenCase => ({ args: [...args], isolated: true, setup: PODS });

export const cases: GoldenCase[] = [
  { args: ['top', 'node'], mask: FIGURES },
  { args: ['top', 'nodes', '--no-headers'], mask: FIGURES },
  { args: ['top', 'node', 'wrk1'], mask: FIGURES },
  { args: ['top', 'node', '--show-capacity'], mask: FIGURES },
  { args: ['top', 'no', '-l', 'node-role.kubernetes.io/control-plane'], mask: FIGURES },
  { args: ['top', 'node', '-l', 'nope=1'] },
  { args: ['top', 'node', 'nope'] },
  { args: ['top', 'node', 'a', 'b'] },
  { args: ['top', 'node', 'wrk1', '-l', 'a=b'] },
  { args: ['top', 'node', '--sort-by=disk'] },
  { args: ['top', 'pod'], mask: FIGURES },
  { args: ['top', 'pods', '-l', 'app=web', '--containers'], mask: FIGURES },
  { args: ['top', 'pod', '-A', '--no-headers', '-l', 'app=web'], mask: FIGURES },
  { args: ['top', 'pod', '-l', 'app=nope'] },
  { args: ['top', 'pod', '-A', '-l', 'app=nope'] },
  { args: ['top', 'pod', 'nope'] },
  { args: ['top', 'pod', 'a', 'b'] },
  { args: ['top', 'pod', 'x', '-l', 'app=web'] },
  { args: ['top', 'pod', '--sort-by=name'] },
  { args: ['top', 'pod', '-n', 'kube-system'] },
  { args: ['top', 'pod', '--bogus'] },
  known(['top', 'pod']),
  known(['top', 'pod', 'two', '--containers']),
  known(['top', 'pod', '--sort-by=cpu']),
  known(['top', 'pod', '--sort-by=memory', '--no-headers']),
  known(['top', 'pod', '--sort-by=cpu', '--containers']),
  known(['top', 'pod', '--sum']),
  known(['top', 'pod', '--sum', '--containers', '--sort-by=memory']),
  known(['top', 'pod', '--sum', '--no-headers']),
  known(['top', 'pod', '-l', 'run=small']),
  known(['top', 'pod', '--field-selector', 'metadata.name=big']),
];
