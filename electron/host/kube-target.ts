// A connection to one Kubernetes API: the server plus credentials from a kubeconfig context.
// Credentials stay here, in the host; the renderer only ever sees responses.
import * as http from 'node:http';
import * as https from 'node:https';
import { urlToHttpOptions } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';

export interface KubeTarget {
  /** The context's name, e.g. 'wheelhouse'. */
  context: string;
  server: string;
  /** Starts a request to an API path (query included) with this context's credentials. */
  request(method: string, pathAndQuery: string, headers: Record<string, string>): Promise<http.ClientRequest>;
}

export function loadKubeTarget(kubeconfigPath: string, context?: string): KubeTarget {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  if (context) kc.setCurrentContext(context);
  return kubeTarget(kc, `kubeconfig ${kubeconfigPath}`);
}

/** The target of kc's current context; where names the kubeconfig in errors. */
export function kubeTarget(kc: KubeConfig, where = 'kubeconfig'): KubeTarget {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error(`${where}: context "${kc.getCurrentContext()}" has no cluster`);
  const server = cluster.server.replace(/\/+$/, '');
  const base = new URL(server);
  const transport = base.protocol === 'http:' ? http : https;
  return {
    context: kc.getCurrentContext(),
    server,
    async request(method, pathAndQuery, headers) {
      const opts: https.RequestOptions = {};
      await kc.applyToHTTPSOptions(opts);
      // The path goes out exactly as given, after the server's own prefix: a URL parser would
      // resolve dot segments and backslashes in it after the API path guard has judged it.
      const path = base.pathname.replace(/\/+$/, '') + pathAndQuery;
      return transport.request({ ...urlToHttpOptions(base), ...opts, path, method, headers: { ...(opts.headers ?? {}), ...headers } });
    },
  };
}
