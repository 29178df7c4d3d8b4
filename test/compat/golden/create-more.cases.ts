// kubectl create <generator>, the rest: secret generic|tls|docker-registry, service
// clusterip|nodeport|loadbalancer|externalname, serviceaccount, token, job, cronjob, role,
// clusterrole, rolebinding, clusterrolebinding, quota, priorityclass, poddisruptionbudget, ingress.
import type { GoldenCase } from './case';
import { OTHER_KEY, TLS_CERT, TLS_KEY } from './tls-fixtures';

const C = '--dry-run=client';
/** A service account token is signed with a fresh id and issue time: random by design. */
const TOKEN: [RegExp, string] = [/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, 'TOKEN'];
const TLS_FILES = { 'tls.crt': TLS_CERT, 'tls.key': TLS_KEY, 'other.key': OTHER_KEY, 'plain.txt': 'hello\n' };

export const cases: GoldenCase[] = [
  // secret generic
  { args: ['create', 'secret', 'generic', 'db', '--from-literal=user=admin', '--from-literal=password=s3cr=t'], isolated: true },
  { args: ['create', 'secret', 'generic', 'db', '--from-literal=a=1', '-o', 'yaml'], isolated: true },
  { args: ['create', 'secret', 'generic', 'db', '--from-literal=a=1', '--type=example.com/custom', C, '-o', 'json'], isolated: true },
  { args: ['create', 'secret', 'generic', 'db', '--from-file=$DIR', '--from-file=renamed=$DIR/a.txt', C, '-o', 'yaml'], isolated: true, files: { 'a.txt': 'alpha\n', 'b.bin': '\u0000\u0001binary' } },
  { args: ['create', 'secret', 'generic', 'db', '--from-env-file=$DIR/x.env', C, '-o', 'yaml'], isolated: true, files: { 'x.env': 'A=1\nB=two words\n' } },
  { args: ['create', 'secret', 'generic', 'db', '--from-env-file=$DIR', C], isolated: true },
  { args: ['create', 'secret', 'generic', 'db', '--from-literal=a=1', '--from-literal=a=2'], isolated: true },
  { args: ['create', 'secret', 'generic', 'db', '--from-literal=a b=1'], isolated: true },
  { args: ['create', 'secret', 'generic', 'db'], isolated: true, setup: [['create', 'secret', 'generic', 'db']], title: 'create secret that exists' },
  { args: ['create', 'secret', 'generic'], isolated: true },
  { args: ['create', 'secret', 'bogus', 'x'], isolated: true },
  // secret tls
  { args: ['create', 'secret', 'tls', 'web-tls', '--cert=$DIR/tls.crt', '--key=$DIR/tls.key', '-o', 'yaml'], isolated: true, files: TLS_FILES },
  { args: ['create', 'secret', 'tls', 'web-tls', '--cert=$DIR/tls.crt', '--key=$DIR/tls.key', C], isolated: true, files: TLS_FILES },
  { args: ['create', 'secret', 'tls', 'web-tls', '--cert=$DIR/tls.crt', '--key=$DIR/other.key', C], isolated: true, files: TLS_FILES },
  { args: ['create', 'secret', 'tls', 'web-tls', '--cert=$DIR/tls.key', '--key=$DIR/tls.crt', C], isolated: true, files: TLS_FILES },
  { args: ['create', 'secret', 'tls', 'web-tls', '--cert=$DIR/plain.txt', '--key=$DIR/tls.key', C], isolated: true, files: TLS_FILES },
  { args: ['create', 'secret', 'tls', 'web-tls', '--cert=$DIR/missing.crt', '--key=$DIR/tls.key', C], isolated: true, files: TLS_FILES },
  { args: ['create', 'secret', 'tls', 'web-tls', '--cert=$DIR/tls.crt'], isolated: true, files: TLS_FILES },
  // secret docker-registry
  { args: ['create', 'secret', 'docker-registry', 'reg', '--docker-username=me', '--docker-password=pw', '--docker-email=me@example.com', '-o', 'yaml'], isolated: true },
  { args: ['create', 'secret', 'docker-registry', 'reg', '--docker-server=registry.example.com:5000', '--docker-username=me', '--docker-password=pw', C, '-o', 'json'], isolated: true },
  { args: ['create', 'secret', 'docker-registry', 'reg', '--from-file=.dockerconfigjson=$DIR/config.json', C, '-o', 'yaml'], isolated: true, files: { 'config.json': '{"auths":{}}' } },
  { args: ['create', 'secret', 'docker-registry', 'reg', '--docker-username=me'], isolated: true },
  // service
  { args: ['create', 'service', 'clusterip', 'api', '--tcp=80:8080', '--tcp=443:https'], isolated: true },
  { args: ['create', 'service', 'clusterip', 'api', '--tcp=80:8080,9090', C, '-o', 'yaml'], isolated: true },
  { args: ['create', 'svc', 'clusterip', 'headless', '--clusterip=None', '-o', 'yaml'], isolated: true, mask: [[/\b10\.\d+\.\d+\.\d+\b/g, 'IP']] },
  // Node ports are allocated cluster-wide: the second side gets another one.
  { args: ['create', 'service', 'nodeport', 'np', '--tcp=80:8080', '-o', 'yaml'], isolated: true, mask: [[/\b10\.\d+\.\d+\.\d+\b/g, 'IP'], [/nodePort: \d+/, 'nodePort: PORT']] },
  { args: ['create', 'service', 'nodeport', 'np', '--tcp=80:8080', '--node-port=30081', '--dry-run=server', '-o', 'yaml'], isolated: true, mask: [[/\b10\.\d+\.\d+\.\d+\b/g, 'IP']] },
  { args: ['create', 'service', 'nodeport', 'np', '--tcp=80:8080', '--dry-run=server', '-o', 'jsonpath={.spec.type} {.spec.ports[0].port}'], isolated: true },
  { args: ['create', 'service', 'loadbalancer', 'lb', '--tcp=80:8080'], isolated: true },
  { args: ['create', 'service', 'loadbalancer', 'lb', '--tcp=5678:8080', C, '-o', 'json'], isolated: true },
  { args: ['create', 'service', 'externalname', 'ext', '--external-name=db.example.com', '-o', 'yaml'], isolated: true },
  { args: ['create', 'service', 'externalname', 'ext', '--external-name=Not_Valid'], isolated: true },
  { args: ['create', 'service', 'externalname', 'ext'], isolated: true, title: 'create service externalname without --external-name' },
  { args: ['create', 'service', 'clusterip', 'api'], isolated: true },
  { args: ['create', 'service', 'nodeport', 'np', '--clusterip=None'], isolated: true },
  { args: ['create', 'service', 'clusterip', 'api', '--tcp=x:80'], isolated: true },
  { args: ['create', 'service', 'clusterip', 'api', '--tcp=70000'], isolated: true },
  { args: ['create', 'service', 'clusterip', 'api', '--tcp=80:0'], isolated: true },
  { args: ['create', 'service', 'clusterip', 'api', '--tcp=80:Bad_Name'], isolated: true },
  { args: ['create', 'service', 'clusterip', 'api', '--tcp=80'], isolated: true, setup: [['create', 'service', 'clusterip', 'api', '--tcp=80']], title: 'create service that exists' },
  // serviceaccount and token
  { args: ['create', 'serviceaccount', 'bot'], isolated: true },
  { args: ['create', 'sa', 'bot', '-o', 'yaml'], isolated: true },
  { args: ['create', 'sa', 'bot', C, '-o', 'json'], isolated: true },
  { args: ['create', 'token', 'bot'], isolated: true, setup: [['create', 'sa', 'bot']], mask: [TOKEN] },
  { args: ['create', 'token', 'bot', '--duration=2h', '--audience=api', '--audience=vault', '-o', 'yaml'], isolated: true, setup: [['create', 'sa', 'bot']], mask: [TOKEN] },
  { args: ['create', 'token', 'bot', '-o', 'jsonpath={.spec.expirationSeconds}'], isolated: true, setup: [['create', 'sa', 'bot']] },
  { args: ['create', 'token', 'missing'], isolated: true },
  {
    args: ['create', 'token', 'bot', '--bound-object-kind=Pod', '--bound-object-name=worker', '-o', 'jsonpath={.spec.boundObjectRef.kind}/{.spec.boundObjectRef.name}'],
    isolated: true,
    setup: [['create', 'sa', 'bot'], ['run', 'worker', '--image=nginx', '--overrides={"spec":{"serviceAccountName":"bot"}}']],
  },
  { args: ['create', 'token', 'bot', '--bound-object-kind=Pod', '--bound-object-name=other'], isolated: true, setup: [['create', 'sa', 'bot'], ['run', 'other', '--image=nginx']] },
  { args: ['create', 'token', 'bot', '--bound-object-kind=Secret', '--bound-object-name=missing'], isolated: true, setup: [['create', 'sa', 'bot']] },
  { args: ['create', 'token', 'bot', '--bound-object-kind=Secret', '--bound-object-name=s', '--bound-object-uid=0000'], isolated: true, setup: [['create', 'sa', 'bot'], ['create', 'secret', 'generic', 's']] },
  { args: ['create', 'token', 'bot', '--duration=1500ms'], isolated: true },
  { args: ['create', 'token', 'bot', '--duration=-1h'], isolated: true },
  { args: ['create', 'token', 'bot', '--duration=soon'], isolated: true },
  { args: ['create', 'token', 'bot', '--audience='], isolated: true },
  { args: ['create', 'token', 'bot', '--bound-object-kind=Deployment'], isolated: true },
  { args: ['create', 'token', 'bot', '--bound-object-kind=Pod'], isolated: true },
  { args: ['create', 'token', 'bot', '--bound-object-uid=123'], isolated: true },
  { args: ['create', 'token', 'bot', '--dry-run=client'], isolated: true },
  // job and cronjob
  { args: ['create', 'job', 'once', '--image=busybox', '--', 'echo', 'hello'], isolated: true },
  { args: ['create', 'job', 'once', '--image=busybox', C, '-o', 'yaml'], isolated: true },
  { args: ['create', 'job', 'manual', '--from=cronjob/nightly', C, '-o', 'yaml'], isolated: true, setup: [['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 0 * * *', '--', 'date']] },
  { args: ['create', 'job', 'manual', '--from=cronjob/nightly', '-o', 'name'], isolated: true, setup: [['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 0 * * *']] },
  { args: ['create', 'job', 'manual', '--from=cronjob/missing'], isolated: true },
  { args: ['create', 'job', 'manual', '--from=deployment/web'], isolated: true, setup: [['create', 'deployment', 'web', '--image=nginx']] },
  { args: ['create', 'job', 'manual', '--from=nightly'], isolated: true },
  { args: ['create', 'job', 'once'], isolated: true },
  { args: ['create', 'job', 'once', '--image=a', '--from=cronjob/x'], isolated: true },
  { args: ['create', 'job', 'once', '--from=cronjob/x', '--', 'date'], isolated: true },
  { args: ['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 0 * * *', '-o', 'yaml', '--', 'date'], isolated: true },
  { args: ['create', 'cj', 'nightly', '--image=busybox', '--schedule=*/5 * * * *', '--restart=Never', C, '-o', 'json'], isolated: true },
  { args: ['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=not a schedule'], isolated: true },
  { args: ['create', 'cronjob', 'nightly'], isolated: true, title: 'create cronjob without --image and --schedule' },
  { args: ['create', 'cronjob', 'nightly', '--image=busybox'], isolated: true, title: 'create cronjob without --schedule' },
];
