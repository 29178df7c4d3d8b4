// kubectl describe: each kind's describer, the argument forms (TYPE NAME, TYPE/NAME, name
// prefixes, -l, -A), --show-events and --chunk-size, and the errors.
import type { GoldenCase } from './case';

/** RFC 1123 times (Start Time, CreationTimestamp, conditions, leases) differ between runs. */
const DATE: [RegExp, string] = [/\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}/g, 'DATE'];
/** Which node a pod landed on, and that node's address. */
const NODE: [RegExp, string] = [/\b(cp1|wrk\d)(\/172\.18\.0\.\d+)?\b/g, 'NODE'];
const CONTAINER_ID: [RegExp, string] = [/simulated:\/\/[0-9a-f]{64}/g, 'CONTAINER'];
const CLUSTER_IP: [RegExp, string] = [/\b10\.\d+\.\d+\.\d+\b/g, 'IP'];
const POD: [RegExp, string][] = [DATE, NODE, CONTAINER_ID];

const ready = (what: string): string[] => ['wait', '--for=condition=Ready', what, '--timeout=60s'];

export const cases: GoldenCase[] = [
  { args: ['describe', 'pods'], mask: POD },
  { args: ['describe', 'pod', '--namespace', 'golden', 'web'], title: 'kubectl describe pod --namespace golden web (a name prefix)', mask: POD },
  { args: ['describe', 'pods', '-l', 'app=web', '--show-events=false'], mask: POD },
  { args: ['describe', 'pods', '--chunk-size=1'], mask: POD },
  {
    args: ['describe', 'pod', '--namespace', '$NS', 'solo'],
    title: 'kubectl describe pod --namespace <namespace> <pod id>',
    isolated: true,
    setup: [['run', 'solo', '--image=nginx:1.27', '--labels=app=solo,tier=web', '--env=MODE=fast', '--port=8080'], ready('pod/solo')],
    mask: POD,
  },
  { args: ['describe', 'deployment', 'web'], mask: [DATE] },
  { args: ['describe', 'deploy/web', '--show-events=false'], mask: [DATE] },
  { args: ['describe', 'deployments', '-A'], mask: [DATE] },
  {
    args: ['describe', 'deployment', 'api'],
    title: 'kubectl describe deployment with resources, an old and a new ReplicaSet',
    isolated: true,
    setup: [
      ['create', 'deployment', 'api', '--image=nginx:1.27', '--port=80'],
      ['set', 'resources', 'deployment', 'api', '--limits=cpu=200m,memory=128Mi', '--requests=cpu=100m'],
      ['rollout', 'status', 'deployment/api', '--timeout=60s'],
    ],
    mask: [DATE],
  },
  { args: ['describe', 'replicasets'], mask: [DATE] },
  { args: ['describe', 'services'], mask: [CLUSTER_IP] },
  { args: ['describe', 'svc/web'], mask: [CLUSTER_IP] },
  { args: ['describe', '--namespace', 'kubernetes-dashboard', 'services'] },
  {
    args: ['describe', 'service', 'np'],
    isolated: true,
    setup: [['create', 'service', 'nodeport', 'np', '--tcp=80:8080']],
    mask: [CLUSTER_IP, [/\b3\d{4}\/TCP/g, 'PORT/TCP']],
  },
  { args: ['describe', 'nodes'], mask: [DATE] },
  { args: ['describe', 'node', 'cp1'], mask: [DATE] },
  { args: ['describe', 'namespace', 'golden'] },
  {
    args: ['describe', 'namespace', '$NS'],
    title: 'kubectl describe namespace with a resource quota',
    isolated: true,
    setup: [['create', 'quota', 'q', '--hard=pods=10,services=5']],
  },
  { args: ['describe', 'configmap', 'kube-root-ca.crt'] },
  {
    args: ['describe', 'configmap', 'one'],
    isolated: true,
    setup: [['create', 'configmap', 'one', '--from-literal=greeting=hello\nworld']],
  },
  { args: ['describe', 'secret', 'db'] },
  { args: ['describe', 'secrets'] },
  {
    args: ['describe', 'secret', 'pull'],
    isolated: true,
    setup: [['create', 'secret', 'docker-registry', 'pull', '--docker-server=example.com', '--docker-username=u', '--docker-password=p']],
  },
  { args: ['describe', 'serviceaccount', 'default'] },
  { args: ['describe', 'sa', 'robot'], isolated: true, setup: [['create', 'serviceaccount', 'robot']] },
  {
    args: ['describe', 'cronjob', 'nightly'],
    isolated: true,
    setup: [['create', 'cronjob', 'nightly', '--image=nginx:1.27', '--schedule=0 0 1 1 *', '--', 'echo', 'hi']],
  },
  {
    args: ['describe', 'ingress', 'front'],
    isolated: true,
    setup: [['create', 'ingress', 'front', '--rule=foo.example.com/bar=web:80', '--annotation=team=blue']],
  },
  { args: ['describe', 'lease', 'cp1', '-n', 'kube-node-lease'], title: 'kubectl describe lease (the generic describer)', mask: [[/(Resource Version:\s+)\d+/g, '$1RV']] },
  { args: ['describe', 'leases', '-n', 'kube-node-lease'], mask: [[/(Resource Version:\s+)\d+/g, '$1RV']] },
  { args: ['describe', 'pods,svc', 'web'], title: 'kubectl describe pods,svc web (a prefix needs a single type)' },
  { args: ['describe', 'pods', '--chunk-size=x'] },
  { args: ['describe'] },
  { args: ['describe', 'pod', 'missing'] },
  { args: ['describe', 'pod', 'missing', 'other'] },
  { args: ['describe', 'deploy/nope'] },
  { args: ['describe', 'widgets'] },
  { args: ['describe', 'pods', '-l', 'app=web', 'web-x'] },
  { args: ['describe', 'pods', '-l', 'app=none'] },
  { args: ['describe', 'pods', '-A', '-l', 'app=none'] },
  { args: ['describe', 'pods,svc', 'nothing'] },
  { args: ['describe', 'pod', 'x', '-A'] },
  { args: ['describe', '--bogus'] },
  { args: ['describe', 'pods', '--show-events=maybe'] },
];
