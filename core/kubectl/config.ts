// Which cluster, user and namespace a command talks to: KUBECONFIG (merged as kubectl merges
// it) or --kubeconfig, narrowed by --context/--cluster/--user, overridden by --server/--token,
// and the namespace from -n, else the context's, else "default".
import { KubeConfig } from '@kubernetes/client-node';
import { parseGoDuration } from '../machinery/go-duration';
import type { Flags, FlagSpec } from './flags';

/** The flags every kubectl command takes (kubectl options shows them). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'kubeconfig', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'request-timeout', type: 'string' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
  { name: 'as-uid', type: 'string' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'cache-dir', type: 'string' },
  { name: 'disable-compression', type: 'bool' },
];

export interface ClientConfig {
  kubeconfig: KubeConfig;
  namespace: string;
  /** -n was given (some commands print the namespace only then). */
  namespaceExplicit: boolean;
  /** --request-timeout in milliseconds (0: none; below 0 is sent but never expires). */
  requestTimeoutMs: number;
  /** --as, --as-group, --as-uid as client-go's impersonation headers. */
  impersonation: Record<string, string | string[]>;
}

function impersonationHeaders(flags: Flags, userName: string): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  if (!flags.string('as') && (flags.strings('as-group').length || flags.string('as-uid')))
    throw new Error(`requesting uid, groups or user-extra for ${userName} without impersonating a user`);
  if (flags.string('as')) headers['Impersonate-User'] = flags.string('as');
  if (flags.strings('as-group').length) headers['Impersonate-Group'] = flags.strings('as-group');
  if (flags.string('as-uid')) headers['Impersonate-Uid'] = flags.string('as-uid');
  return headers;
}

/** --request-timeout as clientcmd reads it: whole seconds, or a Go duration. */
export function parseRequestTimeout(text: string): number {
  if (/^\+?\d+$/.test(text)) return Number(text) * 1000;
  try {
    return parseGoDuration(text);
  } catch {
    throw new Error('Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)');
  }
}

export function loadClientConfig(flags: Flags, env: NodeJS.ProcessEnv): ClientConfig {
  const kc = new KubeConfig();
  const file = flags.string('kubeconfig');
  if (file) kc.loadFromFile(file);
  else {
    const saved = process.env.KUBECONFIG;
    // client-node reads process.env: give it this command's environment.
    if (env.KUBECONFIG !== undefined) process.env.KUBECONFIG = env.KUBECONFIG;
    try {
      kc.loadFromDefault();
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = saved;
    }
  }
  const contextName = flags.string('context');
  if (contextName) {
    if (!kc.getContextObject(contextName)) throw new Error(`context was not found for specified context: ${contextName}`);
    kc.setCurrentContext(contextName);
  }
  const context = kc.getContextObject(kc.getCurrentContext());
  const clusterName = flags.string('cluster') || context?.cluster;
  const userName = flags.string('user') || context?.user;
  const cluster = clusterName ? kc.getCluster(clusterName) : null;
  const user = userName ? kc.getUser(userName) : null;
  const server = flags.string('server') || cluster?.server;
  // One context made of the chosen pieces, as kubectl's ClientConfig resolves them.
  const chosen = new KubeConfig();
  chosen.loadFromOptions({
    clusters: server ? [{ ...(cluster ?? { name: 'cluster' }), name: 'cluster', server, skipTLSVerify: flags.bool('insecure-skip-tls-verify') || (cluster?.skipTLSVerify ?? false) }] : [],
    users: [{ ...(user ?? {}), name: 'user', ...(flags.string('token') ? { token: flags.string('token') } : {}) }],
    contexts: server ? [{ name: 'chosen', cluster: 'cluster', user: 'user', namespace: context?.namespace }] : [],
    currentContext: server ? 'chosen' : '',
  });
  const explicit = flags.string('namespace');
  return {
    kubeconfig: chosen,
    namespace: explicit || context?.namespace || 'default',
    namespaceExplicit: Boolean(explicit),
    requestTimeoutMs: parseRequestTimeout(flags.string('request-timeout', '0')),
    impersonation: impersonationHeaders(flags, userName ?? ''),
  };
}
