// kubectl expose (deployments, replica sets, pods, services; ports, protocols, types, names,
// selectors, labels, overrides) and kubectl run without attaching (pods and --expose, env,
// labels, ports, --command and args, --restart, --overrides, dry runs), with their errors.
import type { GoldenCase } from './case';

const C = '--dry-run=client';
const DASHBOARD = ['create', 'deployment', 'kubernetes-dashboard', '--image=kubernetesui/dashboard:v2.7.0', '--port=8443'];
const WEB = ['create', 'deployment', 'web', '--image=nginx', '--port=80'];
/** Cluster IPs and node ports are allocated: each side gets its own. */
const ALLOCATED: [RegExp, string][] = [
  [/\b10\.\d+\.\d+\.\d+\b/g, 'IP'],
  [/nodePort: \d+/g, 'nodePort: PORT'],
];
const MULTI_PORT_DEPLOYMENT = JSON.stringify({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'dns', labels: { app: 'dns' } },
  spec: {
    selector: { matchLabels: { app: 'dns' } },
    template: {
      metadata: { labels: { app: 'dns' } },
      spec: { containers: [{ name: 'dns', image: 'coredns/coredns', ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53 }, { containerPort: 9153 }] }] },
    },
  },
});
const NODE_AFFINITY =
  '{"spec":{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"kubernetes.io/hostname","operator":"In","values":["node-1"]}]}]}}}}}';

export const cases: GoldenCase[] = [
  // expose: the seed notes' dashboard forms, in a namespace of the case's own
  { args: ['expose', '--namespace', '$NS', 'deployment', 'kubernetes-dashboard', '--type=LoadBalancer', '--name=lb-kubernetes-dashboard'], isolated: true, setup: [DASHBOARD] },
  { args: ['expose', '--namespace', '$NS', 'deployment', 'kubernetes-dashboard', '--type=NodePort', '--name=port-kubernetes-dashboard'], isolated: true, setup: [DASHBOARD] },
  { args: ['expose', '--namespace', '$NS', 'deployment', 'kubernetes-dashboard', '--type=NodePort', '--name=port-kubernetes-dashboard', '-o', 'yaml'], isolated: true, setup: [DASHBOARD], mask: ALLOCATED },
  { args: ['expose', 'deployment', 'web'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', '-o', 'json'], isolated: true, setup: [WEB], mask: ALLOCATED },
  { args: ['expose', 'deploy/web', '--port=8080', '--target-port=80', '--name=web-alt', '-o', 'yaml'], isolated: true, setup: [WEB], mask: ALLOCATED },
  { args: ['expose', 'deployment', 'web', '--port=8080', '--target-port=http', '--name=web-alt', C, '-o', 'yaml'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', C, '-o', 'json', '-n', '$NS'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', '--dry-run=server'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', '--dry-run=server', '-o', 'name'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', '--protocol=UDP', '--port=53', C, '-o', 'yaml'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'dns', C, '-o', 'yaml'], isolated: true, setup: [['create', '-f', '$DIR/dns.json']], files: { 'dns.json': MULTI_PORT_DEPLOYMENT } },
  { args: ['expose', 'deployment', 'dns', '--port=53', C, '-o', 'json'], isolated: true, setup: [['create', '-f', '$DIR/dns.json']], files: { 'dns.json': MULTI_PORT_DEPLOYMENT } },
  {
    args: ['expose', 'deployment', 'web', '--type=LoadBalancer', '--load-balancer-ip=192.0.2.10', '--external-ip=192.0.2.20', '--session-affinity=ClientIP', '--labels=team=web', '--selector=app=web,tier=fe', '--name=lb', C, '-o', 'yaml'],
    isolated: true,
    setup: [WEB],
  },
  { args: ['expose', 'deployment', 'web', '--cluster-ip=None', '--name=headless', '-o', 'yaml'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', '--overrides={"spec":{"type":"NodePort"}}', '--name=np', C, '-o', 'yaml'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', '--save-config', '--name=saved', '-o', 'jsonpath={.metadata.annotations}'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', '--field-manager=me', '--name=fm', '--show-managed-fields', '-o', 'jsonpath={.metadata.managedFields[0].manager}'], isolated: true, setup: [WEB] },
  { args: ['expose', 'rs', '-l', 'app=web'], isolated: true, setup: [WEB], title: 'expose rs with -l but no name' },
  { args: ['expose', 'pod', 'solo', '--port=8080', '--name=solo-svc', '-o', 'yaml'], isolated: true, setup: [['run', 'solo', '--image=nginx', '--labels=app=solo,tier=x']], mask: ALLOCATED },
  { args: ['expose', 'pod', 'solo', C, '-o', 'yaml'], isolated: true, setup: [['run', 'solo', '--image=nginx', '--port=8080']] },
  { args: ['expose', 'service', 'web', '--name=web-copy', '--type=NodePort', C, '-o', 'yaml'], isolated: true, setup: [WEB, ['expose', 'deployment', 'web']] },
  { args: ['expose', 'svc/web', '--port=443', '--target-port=80', '--name=web-tls', C, '-o', 'json'], isolated: true, setup: [WEB, ['expose', 'deployment', 'web']] },
  { args: ['expose', 'deployment', 'web'], isolated: true, setup: [WEB, ['expose', 'deployment', 'web']], title: 'expose deployment whose service exists' },
  { args: ['expose', 'deployment', 'noport'], isolated: true, setup: [['create', 'deployment', 'noport', '--image=nginx']] },
  { args: ['expose', 'deployment', 'noport', '--cluster-ip=None', C, '-o', 'yaml'], isolated: true, setup: [['create', 'deployment', 'noport', '--image=nginx']] },
  { args: ['expose', '-f', '$DIR/dns.json', C, '-o', 'yaml'], isolated: true, files: { 'dns.json': MULTI_PORT_DEPLOYMENT }, title: 'expose -f: the object as written, not fetched' },
  { args: ['expose', '-f', '$DIR/dns.json', '--port=53', '--protocol=UDP', '--name=dns-udp'], isolated: true, setup: [['create', '-f', '$DIR/dns.json']], files: { 'dns.json': MULTI_PORT_DEPLOYMENT } },
  { args: ['expose', '-f', '$DIR/missing.yaml'], isolated: true },
  { args: ['expose', 'deployment', 'missing'], isolated: true },
  { args: ['expose'], isolated: true },
  { args: ['expose', 'deployment'], isolated: true },
  { args: ['expose', 'configmap', 'kube-root-ca.crt', '--port=80'], isolated: true },
  { args: ['expose', 'deployment', 'web', '--port=http'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', '--session-affinity=Sticky'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', '--labels=novalue'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', '--dry-run=maybe'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', '--name=Bad_Name'], isolated: true, setup: [WEB] },
  { args: ['expose', 'deployment', 'web', '-o', 'wide'], isolated: true, setup: [WEB] },
  // run
  { args: ['run', 'web', '--image=nginx'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '-o', 'name'], isolated: true },
  { args: ['run', 'web', '--image=nginx', C, '-o', 'yaml'], isolated: true },
  { args: ['run', 'web', '--image=nginx', C, '-o', 'json', '-n', '$NS'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--dry-run=server', '-o', 'yaml'], isolated: true, mask: [[/nodeName: .*\n/, '']] },
  {
    args: ['run', 'web', '--image=nginx:1.27', '--restart=Never', '--env=MODE=fast', '--env=URL=http://x?a=b', '--labels=app=web,tier=fe', '--port=80', '--annotations=team=web', C, '-o', 'yaml'],
    isolated: true,
  },
  { args: ['run', 'job', '--image=busybox', '--restart=OnFailure', '--command', C, '-o', 'yaml', '--', 'sh', '-c', 'echo hello'], isolated: true },
  { args: ['run', 'job', '--image=busybox', C, '-o', 'json', '--', 'echo', 'hello'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--port=80', '--expose'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--port=80', '--expose', C, '-o', 'yaml'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--port=80', '--expose', '--labels=app=web', C, '-o', 'json'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--port=80', '--expose'], isolated: true, setup: [['create', 'service', 'clusterip', 'web', '--tcp=80']], title: 'run --expose whose service exists' },
  { args: ['run', 'pinned', '--image=nginx', `--overrides=${NODE_AFFINITY}`, C, '-o', 'yaml'], isolated: true, title: 'run with a nodeAffinity override (seed notes)' },
  { args: ['run', 'pinned', '--image=nginx', '--override-type=json', '--overrides=[{"op":"add","path":"/metadata/labels/pinned","value":"yes"}]', C, '-o', 'yaml'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--privileged', '--image-pull-policy=IfNotPresent', '--save-config', '-o', 'jsonpath={.spec.containers[0].securityContext}'], isolated: true },
  { args: ['run', 'web', '--image=nginx'], isolated: true, setup: [['run', 'web', '--image=nginx']], title: 'run a pod that exists' },
  { args: ['run', 'web'], isolated: true, title: 'run without --image' },
  { args: ['run', '--image=nginx'], isolated: true },
  { args: ['run', '--image=nginx', '--', 'echo'], isolated: true },
  { args: ['run', 'web', '--image='], isolated: true },
  { args: ['run', 'web', '--image=Not A Reference'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '-t'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--expose'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--restart=Sometimes'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--rm'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '-i', C], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--image-pull-policy=Maybe'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--env=1BAD=x'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--labels=app'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--annotations=note'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--port=http'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--overrides={bad'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--overrides={"apiVersion":"v2"}'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--override-type=json', '--overrides=[{"op":"remove","path":"/nope"}]'], isolated: true },
  { args: ['run', 'web', '--image=nginx', '--override-type=replace', '--overrides={}'], isolated: true },
  { args: ['run', 'Bad_Name', '--image=nginx'], isolated: true },
];
