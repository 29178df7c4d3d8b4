// kubectl create role, clusterrole, rolebinding, clusterrolebinding, quota, priorityclass,
// poddisruptionbudget and ingress. Cluster-scoped objects are named after the case's
// namespace ($NS), so the two sides do not collide.
import type { GoldenCase } from './case';

const C = '--dry-run=client';

export const cases: GoldenCase[] = [
  // role
  { args: ['create', 'role', 'reader', '--verb=get,list,watch', '--resource=pods,deployments.apps'], isolated: true },
  { args: ['create', 'role', 'reader', '--verb=get', '--verb=list', '--resource=deploy,rs,pods/log', '--resource-name=web', '-o', 'yaml'], isolated: true },
  { args: ['create', 'role', 'reader', '--verb=get,fly', '--resource=pods', C, '-o', 'yaml'], isolated: true },
  { args: ['create', 'role', 'all', '--verb=get,*,list', '--resource=*', C, '-o', 'json'], isolated: true },
  { args: ['create', 'role', 'r', '--verb=get', '--resource=widgets', C], isolated: true },
  { args: ['create', 'role', 'r', '--verb=get', '--resource=widgets.example.com', C], isolated: true },
  { args: ['create', 'role', 'r', '--verb=use', '--resource=pods', C], isolated: true },
  { args: ['create', 'role', 'r', '--verb=bind', '--resource=roles.rbac.authorization.k8s.io', C, '-o', 'yaml'], isolated: true },
  { args: ['create', 'role', 'r', '--verb=get', C], isolated: true },
  { args: ['create', 'role', 'r', '--resource=pods', C], isolated: true },
  { args: ['create', 'role', 'r', '--verb=get', '--resource=.apps', C], isolated: true },
  { args: ['create', 'role', 'reader', '--verb=get', '--resource=pods'], isolated: true, setup: [['create', 'role', 'reader', '--verb=get', '--resource=pods']], title: 'create role that exists' },
  // clusterrole
  { args: ['create', 'clusterrole', 'cr-$NS', '--verb=get,list', '--resource=nodes,pods', '--non-resource-url=/healthz', '-o', 'yaml'], isolated: true },
  { args: ['create', 'clusterrole', 'cr', '--verb=get', '--non-resource-url=/logs/*', C, '-o', 'json'], isolated: true },
  { args: ['create', 'clusterrole', 'cr', '--aggregation-rule=rbac.example.com/aggregate-to-view=true', C, '-o', 'yaml'], isolated: true },
  { args: ['create', 'clusterrole', 'cr', '--verb=get', '--aggregation-rule=a=b', C], isolated: true },
  { args: ['create', 'clusterrole', 'cr', '--verb=fly', '--non-resource-url=/x', C], isolated: true },
  { args: ['create', 'clusterrole', 'cr', '--verb=get', '--non-resource-url=x', C], isolated: true },
  { args: ['create', 'clusterrole', 'cr', '--verb=get', '--non-resource-url=/a*/b', C], isolated: true },
  { args: ['create', 'clusterrole', 'cr', '--verb=get', C], isolated: true },
  // bindings
  { args: ['create', 'rolebinding', 'rb', '--role=reader', '--user=alice', '--group=devs', '--serviceaccount=$NS:bot', '-o', 'yaml'], isolated: true },
  { args: ['create', 'rolebinding', 'rb', '--clusterrole=view'], isolated: true },
  { args: ['create', 'rolebinding', 'rb', '--clusterrole=view', '--user=a', '--user=b', C, '-o', 'json'], isolated: true },
  { args: ['create', 'rolebinding', 'rb', C], isolated: true },
  { args: ['create', 'rolebinding', 'rb', '--role=a', '--clusterrole=b', C], isolated: true },
  { args: ['create', 'rolebinding', 'rb', '--role=a', '--serviceaccount=bot', C], isolated: true },
  { args: ['create', 'clusterrolebinding', 'crb-$NS', '--clusterrole=view', '--user=alice', '--serviceaccount=$NS:bot', '-o', 'yaml'], isolated: true },
  { args: ['create', 'clusterrolebinding', 'crb', '--clusterrole=view', '--group=devs', C, '-o', 'json'], isolated: true },
  { args: ['create', 'clusterrolebinding', 'crb'], isolated: true, title: 'create clusterrolebinding without --clusterrole' },
  // quota
  { args: ['create', 'quota', 'q', '--hard=cpu=1000m,memory=1Gi,pods=10'], isolated: true },
  { args: ['create', 'quota', 'q', '--hard=requests.cpu=500m,count/deployments.apps=2', '--scopes=NotTerminating', '-o', 'yaml'], isolated: true },
  { args: ['create', 'resourcequota', 'q', '--hard=cpu=2', '--scopes=BestEffort,NotBestEffort', C, '-o', 'json'], isolated: true },
  { args: ['create', 'quota', 'q', '--hard=cpu', C], isolated: true },
  { args: ['create', 'quota', 'q', '--hard=cpu=lots', C], isolated: true },
  { args: ['create', 'quota', 'q', '--scopes=a,,b', C], isolated: true },
  // priorityclass
  { args: ['create', 'priorityclass', 'pc-$NS', '--value=1000', '--description=important work', '-o', 'yaml'], isolated: true },
  { args: ['create', 'pc', 'pc', '--value=10', '--global-default', '--preemption-policy=Never', C, '-o', 'json'], isolated: true },
  { args: ['create', 'priorityclass', 'pc-$NS', '--value=2000000000'], isolated: true },
  { args: ['create', 'priorityclass', 'pc', '--value=x'], isolated: true },
  // poddisruptionbudget
  { args: ['create', 'poddisruptionbudget', 'pdb', '--selector=app=web', '--min-available=1'], isolated: true },
  { args: ['create', 'pdb', 'pdb', '--selector=app=web', '--max-unavailable=50%', '-o', 'yaml'], isolated: true },
  { args: ['create', 'pdb', 'pdb', '--selector=app=web,tier in (a,b),!legacy,track', '--min-available=2', C, '-o', 'json'], isolated: true },
  { args: ['create', 'pdb', 'pdb', '--selector=app!=web', '--min-available=1', C], isolated: true },
  { args: ['create', 'pdb', 'pdb', '--selector=a>1', '--min-available=1', C], isolated: true },
  { args: ['create', 'pdb', 'pdb', '--selector=a in', '--min-available=1', C], isolated: true },
  { args: ['create', 'pdb', 'pdb', C], isolated: true },
  { args: ['create', 'pdb', 'pdb', '--selector=a=b', C], isolated: true },
  { args: ['create', 'pdb', 'pdb', '--selector=a=b', '--min-available=1', '--max-unavailable=1', C], isolated: true },
  { args: ['create', 'pdb', 'pdb', '--selector=a=b', '--min-available=half', C], isolated: true },
  // ingress
  { args: ['create', 'ingress', 'web', '--rule=foo.com/bar=svc1:8080'], isolated: true },
  { args: ['create', 'ingress', 'web', '--rule=foo.com/=svc:http,tls=foo-tls', '--rule=foo.com/admin*=admin:8080', '--class=nginx', '-o', 'yaml'], isolated: true },
  {
    args: ['create', 'ing', 'web', '--rule=a.com/*=a:80,tls=shared', '--rule=b.com/x=b:80,tls=shared', '--rule=/api=api:81,tls', '--default-backend=def:http', '--annotation=team=web', C, '-o', 'json'],
    isolated: true,
  },
  { args: ['create', 'ingress', 'web', '--default-backend=def:80', C, '-o', 'yaml'], isolated: true },
  { args: ['create', 'ingress', 'web', C], isolated: true },
  { args: ['create', 'ingress', 'web', '--rule=nopath', C], isolated: true },
  { args: ['create', 'ingress', 'web', '--default-backend=justname', C], isolated: true },
  { args: ['create', 'ingress', 'web', '--rule=a.com/=s:80', '--annotation=noequals', C], isolated: true },
];
