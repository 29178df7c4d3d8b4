// kubectl config: each case gets its own copy of a kubeconfig ($DIR/config) on each side, and
// the file as the command left it is compared too (filesAfter).
import type { GoldenCase } from './case';

const CA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==';

/** Several clusters, users and contexts, written as a person would (not as kubectl writes). */
const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster:
    server: https://prod.example.com:6443
    certificate-authority-data: ${CA}
- name: dev
  cluster:
    server: http://127.0.0.1:8080
    insecure-skip-tls-verify: true
users:
- name: alice
  user:
    token: abcdef123456
- name: bob
  user:
    client-certificate-data: ${CA}
    client-key-data: ${CA}
- name: carol
  user:
    username: carol
    password: secret
contexts:
- name: prod-admin
  context:
    cluster: prod
    user: alice
    namespace: kube-system
- name: dev
  context:
    cluster: dev
    user: bob
current-context: prod-admin
`;

/** File references, relative to the kubeconfig, and an exec plugin. */
const WITH_PATHS = `apiVersion: v1
kind: Config
clusters:
- name: c1
  cluster:
    server: https://c1.example.com
    certificate-authority: ca.crt
users:
- name: u1
  user:
    client-certificate: certs/u.crt
    client-key: /etc/u.key
    exec:
      command: ./plugin
      apiVersion: client.authentication.k8s.io/v1beta1
contexts:
- name: x
  context: {cluster: c1, user: u1, namespace: ns1}
current-context: x
`;

const SECOND = `apiVersion: v1
kind: Config
clusters:
- name: dev
  cluster:
    server: https://second.example.com
contexts:
- name: other
  context: {cluster: dev, user: alice}
`;

/** `kubectl config ARGS --kubeconfig=$DIR/config` on a fresh copy, the file compared after. */
function edit(args: string[], extra: Partial<GoldenCase> = {}): GoldenCase {
  return { args: ['config', ...args, '--kubeconfig=$DIR/config'], files: { config: KUBECONFIG, ...extra.files }, filesAfter: ['config'], ...extra };
}

/** With KUBECONFIG=$DIR/a:$DIR/b (b missing unless given): merged reads, writes to the file that holds the entry. */
function merged(args: string[], files: Record<string, string> = { a: KUBECONFIG }): GoldenCase {
  return { args: ['config', ...args], files, env: { KUBECONFIG: '$DIR/b:$DIR/a' }, filesAfter: ['a', 'b'], title: `KUBECONFIG=b:a kubectl config ${args.join(' ')}` };
}

export const cases: GoldenCase[] = [
  // Reading.
  edit(['view']),
  edit(['view', '--raw']),
  edit(['view', '--minify']),
  edit(['view', '--minify', '--raw', '-o', 'json']),
  edit(['view', '-o', 'json']),
  edit(['view', '--minify', '--context=dev', '-o', 'json']),
  edit(['view', '--minify', '--context=nope']),
  edit(['view', '-o', 'jsonpath={.users[*].name}']),
  edit(['view', '-o', 'jsonpath={.users[0].user.token}']),
  edit(['view', '--raw', '-o', 'jsonpath={.users[0].user.token}']),
  edit(['view', '-o', 'name']),
  edit(['view', '-o', 'wide']),
  edit(['view', '--merge=false']),
  edit(['view', 'extra']),
  edit(['view', '--flatten'], { files: { config: WITH_PATHS } }),
  edit(['view', '--flatten', '--minify'], { files: { config: WITH_PATHS, 'ca.crt': '-----BEGIN CERTIFICATE-----\n', 'u.crt': 'x' } }),
  edit(['view'], { files: { config: WITH_PATHS } }),
  edit(['view'], { files: { config: 'apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user:\n    client-key-data: not base64!\n' } }),
  { args: ['config', 'view', '--kubeconfig=$DIR/none'], title: 'kubectl config view --kubeconfig=(a missing file)' },
  edit(['current-context']),
  edit(['current-context'], { files: { config: SECOND } }),
  edit(['get-contexts']),
  edit(['get-contexts', '-o', 'name']),
  edit(['get-contexts', 'dev']),
  edit(['get-contexts', 'dev', 'nope']),
  edit(['get-contexts', '--no-headers']),
  edit(['get-contexts', '-o', 'wide']),
  edit(['get-users']),
  // One cluster: kubectl lists clusters in Go's random map order.
  edit(['get-clusters'], { files: { config: WITH_PATHS } }),
  // Writing.
  edit(['use-context', 'dev']),
  edit(['use', 'dev']),
  edit(['use-context', 'prod-admin']),
  edit(['use-context', 'nope']),
  edit(['set-context', '--current', '--namespace=web']),
  edit(['set-context', 'dev', '--namespace=team']),
  edit(['set-context', 'new', '--cluster=dev', '--user=carol']),
  edit(['set-context', 'dev', '--user=']),
  edit(['set-context', '--current', '-n', 'web']),
  edit(['set-context']),
  edit(['set-context', '--current', 'dev']),
  edit(['set-context', '--current', '--namespace=x'], { files: { config: SECOND } }),
  edit(['delete-context', 'dev']),
  edit(['delete-context', 'prod-admin']),
  edit(['delete-context', 'nope']),
  edit(['rename-context', 'dev', 'development']),
  edit(['rename-context', 'prod-admin', 'prod']),
  edit(['rename-context', 'dev', 'prod-admin']),
  edit(['rename-context', 'nope', 'x']),
  edit(['set-cluster', 'dev', '--server=https://10.0.0.1:6443']),
  edit(['set-cluster', 'staging', '--server=https://staging:6443', '--insecure-skip-tls-verify']),
  edit(['set-cluster', 'prod', '--tls-server-name=prod.internal', '--proxy-url=http://proxy:3128']),
  edit(['set-cluster', 'prod', '--certificate-authority=$DIR/ca.crt'], { files: { config: KUBECONFIG, 'ca.crt': 'x' } }),
  edit(['set-cluster', 'prod', '--certificate-authority=$DIR/ca.crt', '--embed-certs'], { files: { config: KUBECONFIG, 'ca.crt': 'another CA\n' } }),
  edit(['set-cluster', 'prod', '--certificate-authority=$DIR/missing.crt', '--embed-certs']),
  edit(['set-cluster', 'x', '--insecure-skip-tls-verify', '--certificate-authority=ca.crt']),
  edit(['delete-cluster', 'dev']),
  edit(['delete-cluster', 'nope']),
  edit(['set-credentials', 'dave', '--token=t0k3n']),
  edit(['set-credentials', 'alice', '--username=a', '--password=b']),
  edit(['set-credentials', 'alice', '--token=x', '--username=y']),
  edit(['set-credentials', 'bob', '--client-certificate=$DIR/u.crt', '--client-key=/etc/u.key']),
  edit(['set-credentials', 'bob', '--client-certificate=$DIR/u.crt', '--embed-certs'], { files: { config: KUBECONFIG, 'u.crt': 'cert\n' } }),
  edit(['set-credentials', 'e', '--exec-command=/usr/bin/plugin', '--exec-api-version=client.authentication.k8s.io/v1beta1', '--exec-arg=a,b', '--exec-env=K=V']),
  edit(['set-credentials', 'e', '--exec-command=plugin', '--exec-interactive-mode=Sometimes']),
  edit(['set-credentials', 'oidc', '--auth-provider=oidc', '--auth-provider-arg=client-id=x']),
  edit(['delete-user', 'carol']),
  edit(['delete-user', 'nope']),
  edit(['delete-user']),
  edit(['set', 'clusters.prod.server', 'https://new:6443']),
  edit(['set', 'clusters.new.insecure-skip-tls-verify', 'true']),
  edit(['set', 'clusters.new.insecure-skip-tls-verify', 'maybe']),
  edit(['set', 'users.zed.client-key-data', 'aGVsbG8=']),
  edit(['set', 'users.zed.client-key-data', '!!']),
  edit(['set', 'users.zed.client-certificate-data', 'hello', '--set-raw-bytes']),
  edit(['set', 'current-context', 'dev']),
  edit(['set', 'contexts.my.ctx.cluster', 'dev'], { title: 'kubectl config set contexts.my.ctx.cluster dev (a key with a dot)' }),
  edit(['set', 'users.alice.act-as', 'bob']),
  edit(['set', 'preferences.colors', 'true']),
  edit(['set', 'bogus', 'x']),
  edit(['set', 'clusters.prod.server', '']),
  edit(['unset', 'contexts.prod-admin.namespace']),
  edit(['unset', 'clusters.nope.server']),
  edit(['unset', 'users.carol']),
  edit(['unset', 'current-context']),
  edit(['unset', 'preferences']),
  edit(['unset', 'clusters']),
  edit(['set-credentials', 'u1', '--token=t'], { files: { config: WITH_PATHS } }),
  edit(['bogus']),
  edit(['view', '--bogus']),
  // KUBECONFIG with two files.
  merged(['view']),
  merged(['get-contexts'], { a: KUBECONFIG, b: SECOND }),
  merged(['use-context', 'other'], { a: KUBECONFIG, b: SECOND }),
  merged(['set-context', 'dev', '--namespace=z'], { a: KUBECONFIG, b: SECOND }),
  merged(['set-context', 'brand-new', '--cluster=dev'], { a: KUBECONFIG, b: SECOND }),
  merged(['delete-context', 'dev']),
  merged(['set-cluster', 'dev', '--server=https://changed'], { a: KUBECONFIG, b: SECOND }),
  merged(['unset', 'current-context'], { a: KUBECONFIG, b: SECOND }),
];
