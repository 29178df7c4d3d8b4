// kubectl auth can-i and auth whoami, as the admin and, through --as, as service accounts
// with a few roles (set up in an isolated namespace).
import type { GoldenCase } from './case';

const ROBOT = 'system:serviceaccount:$NS:robot';

/** A service account that may view the namespace and scale deployments. */
const ROBOT_ROLES: string[][] = [
  ['create', 'serviceaccount', 'robot'],
  ['create', 'rolebinding', 'robot-view', '--clusterrole=view', '--serviceaccount=$NS:robot'],
  ['create', 'role', 'scaler', '--verb=get,update,patch', '--resource=deployments.apps/scale,deployments.apps'],
  ['create', 'rolebinding', 'robot-scale', '--role=scaler', '--serviceaccount=$NS:robot'],
  ['create', 'role', 'one-config', '--verb=get,delete', '--resource=configmaps', '--resource-name=settings'],
  ['create', 'rolebinding', 'robot-config', '--role=one-config', '--serviceaccount=$NS:robot'],
];

const asRobot = (args: string[]): GoldenCase => ({ args: ['auth', 'can-i', ...args, `--as=${ROBOT}`], isolated: true, setup: ROBOT_ROLES });

export const cases: GoldenCase[] = [
  { args: ['auth', 'can-i', 'get', 'pods'] },
  { args: ['auth', 'can-i', 'create', 'deployments.apps'] },
  { args: ['auth', 'can-i', 'delete', 'nodes'] },
  { args: ['auth', 'can-i', 'get', 'nodes', '-A'] },
  { args: ['auth', 'can-i', 'frob', 'pods'] },
  { args: ['auth', 'can-i', 'get', 'widgets'] },
  { args: ['auth', 'can-i', 'get', 'widgets.example.com'] },
  { args: ['auth', 'can-i', 'impersonate', 'users'] },
  { args: ['auth', 'can-i', 'get', '*'] },
  { args: ['auth', 'can-i', 'get', '/healthz'] },
  { args: ['auth', 'can-i', 'frob', '/healthz'] },
  { args: ['auth', 'can-i', 'get', '/healthz', '--subresource=x'] },
  { args: ['auth', 'can-i', 'get', 'pods/web', '-q'] },
  { args: ['auth', 'can-i', 'get', 'deploy', '--subresource=scale'] },
  { args: ['auth', 'can-i', 'get'] },
  { args: ['auth', 'can-i', 'get', 'pods', 'extra'] },
  { args: ['auth', 'can-i', 'get', 'pods', '--no-headers'] },
  { args: ['auth', 'can-i', '--list'] },
  { args: ['auth', 'can-i', '--list', '--no-headers'] },
  { args: ['auth', 'can-i', '--list', 'pods'] },
  { args: ['auth', 'can-i', '--list', '-A'] },
  { args: ['auth', 'can-i', '--list', '-q'] },
  { args: ['auth', 'can-i', 'get', 'pods', '--as=nobody'] },
  { args: ['auth', 'can-i', 'list', '/api', '--as=nobody'] },
  { args: ['auth', 'can-i', 'get', 'pods', '--as-group=devs'] },
  { args: ['auth', 'can-i', 'create', 'pods', '--as=jane', '--as-group=system:masters'] },
  { args: ['auth', 'can-i', '--list', '--as=nobody'] },
  asRobot(['list', 'pods']),
  asRobot(['list', 'pods', '-A']),
  asRobot(['list', 'secrets']),
  asRobot(['create', 'pods']),
  asRobot(['update', 'deployments', '--subresource=scale']),
  asRobot(['update', 'deployments.apps/web']),
  asRobot(['get', 'configmaps/settings']),
  asRobot(['delete', 'configmaps/other']),
  asRobot(['delete', 'configmaps']),
  asRobot(['get', 'pods', '-n', 'default']),
  asRobot(['--list']),
  asRobot(['--list', '--no-headers']),
  asRobot(['--list', '-n', 'default']),
  { args: ['auth', 'whoami'] },
  { args: ['auth', 'whoami', '-o', 'json'] },
  { args: ['auth', 'whoami', '-o', 'yaml'] },
  { args: ['auth', 'whoami', '-o', 'name'] },
  { args: ['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.groups}'] },
  { args: ['auth', 'whoami', '-o', 'wide'] },
  { args: ['auth', 'whoami', '--as=jane', '--as-group=devs', '--as-group=ops', '--as-uid=42'] },
  { args: ['auth', 'whoami', '--as=jane', '-o', 'json'] },
  { args: ['auth', 'whoami', `--as=${ROBOT}`], isolated: true, setup: [['create', 'serviceaccount', 'robot']] },
  { args: ['auth', 'whoami', '--as-uid=7'] },
  { args: ['auth', 'bogus'] },
  { args: ['auth', 'can-i', 'get', 'pods', '--bogus'] },
];
