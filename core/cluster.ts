// Wires the embedded cluster: store, API server (TLS, token authentication, admission),
// built-in objects and controllers. startCluster() is the library entry point; the
// `wheelhouse cluster` command and the desktop app both call it.
import { createServer, type Server } from 'node:https';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { MemoryStore } from './store/memory-store';
import { SqliteStore } from './store/sqlite-store';
import type { Store } from './store/types';
import { ApiServer } from './apiserver/api-server';
import { Authenticator } from './apiserver/authn';
import { ensureServingTls } from './apiserver/tls';
import { admissionChain } from './apiserver/admission/chain';
import { namespaceLifecycle } from './apiserver/admission/namespace-lifecycle';
import { nthAddress, parseCidr, serviceAllocation } from './apiserver/admission/service-allocation';
import { limitRanger } from './apiserver/admission/limit-ranger';
import { defaultTolerationSeconds } from './apiserver/admission/default-tolerations';
import { resourceQuota } from './apiserver/admission/resource-quota';
import { priorityAdmission } from './apiserver/admission/priority';
import { ensureSystemPriorityClasses } from './registry/priorityclasses/system-priority-classes';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { builtInResources } from './registry/builtin';
import { bootstrapObjects } from './bootstrap';
import { loadTokenKeys, serviceAccountTokenVerifier } from './apiserver/service-account-tokens';
import { registerSubresources } from './apiserver/subresources';
import { RbacAuthorizer } from './apiserver/authz/rbac-authorizer';
import { rbacFromRegistry } from './apiserver/authz/rbac-source';
import { Registry } from './registry/registry';
import { Schemas } from './apiserver/schemas';
import { managedFieldsTracker } from './apiserver/field-ownership';
import { rbacEscalation } from './apiserver/admission/rbac-escalation';
import { registerReviews } from './apiserver/reviews';
import { NamespaceController } from './controllers/namespace-controller';
import { CustomResourceServer } from './apiserver/crd/custom-resource-server';
import { CrdController } from './controllers/crd-controller';
import { DEFAULT_TIMINGS, RegistryContext, type ClusterTimings, type ControllerContext } from './client/context';
import { realClock, type Clock } from './client/clock';
import { clusterComponents } from './components';
import { NodeManager } from './nodes/node-manager';
import type { LogSource } from './apiserver/handlers/pod-logs';
import { MetricsStore } from './metrics/metrics-store';
import { MetricsScraper } from './metrics/scraper';
import { registerMetricsApi } from './metrics/metrics-api';
import { writeKubeconfig } from './kubeconfig';
import { serverVersion } from './machinery/version';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { ensurePrivateDir, tightenTree, writePrivateFile } from './machinery/private-files';
import type { Service } from 'kubernetes-types/core/v1';

export interface ClusterOptions {
  dataDir: string;
  /** 0 picks a free port. Default 6443. */
  port?: number;
  /** Default: <dataDir>/kubeconfig. */
  kubeconfigPath?: string;
  storage?: 'sqlite' | 'memory';
  serviceCidr?: string;
  nodePortRange?: [number, number];
  /** Per-resource watch history (kube-apiserver's --default-watch-cache-size). */
  watchCacheSize?: number;
  bookmarkIntervalMs?: number;
  /** Nodes to create on first start: cp1 (control plane) and workers wrk1... Default 3. */
  nodes?: number;
  /** Periods of kubelets and controllers; tests and demos shorten them. */
  timings?: Partial<ClusterTimings>;
  /** Time for controllers and kubelets (a ManualClock in tests). */
  clock?: Clock;
  /** 'none' starts only the API server and the namespace and CRD controllers (for tests that drive components themselves). */
  components?: 'all' | 'none';
}

export interface Cluster {
  context: ControllerContext;
  url: string;
  port: number;
  caPem: string;
  token: string;
  kubeconfigPath: string;
  api: ApiServer;
  registry: Registry;
  /** Usage now and its recent history (served as metrics.k8s.io and metrics.wheelhouse.dev); absent without nodes. */
  metrics?: MetricsStore;
  stop(): Promise<void>;
}

/** The service range; services get addresses from it and the cluster DNS gets its .10. */
export const DEFAULT_SERVICE_CIDR = '10.96.0.0/12';
const HOST = '127.0.0.1';

function loadOrCreateToken(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(32).toString('base64url');
  writePrivateFile(file, token + '\n');
  return token;
}

/**
 * Starts a cluster on opts.dataDir, which it holds locked until stop(): a second server on the
 * same dir fails at once (DataDirLockedError), even with memory storage, as the keys live there.
 */
export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  ensurePrivateDir(opts.dataDir);
  const lock = lockDataDir(opts.dataDir);
  // What a failed start must close again, so that the caller can retry in the same process.
  const undo: Array<() => unknown> = [() => lock.release()];
  try {
    // Files an older version or a looser umask left readable to others.
    tightenTree(opts.dataDir);
    return await startLocked(opts, lock, undo);
  } catch (e) {
    for (const u of undo.reverse()) await u();
    throw e;
  }
}

async function startLocked(opts: ClusterOptions, lock: DataDirLock, undo: Array<() => unknown>): Promise<Cluster> {
  const dataDir = opts.dataDir;
  const clock = opts.clock ?? realClock;
  const serviceCidr = parseCidr(opts.serviceCidr ?? DEFAULT_SERVICE_CIDR);
  const kubernetesIp = nthAddress(serviceCidr, 1);
  const store: Store = opts.storage === 'memory' ? new MemoryStore() : new SqliteStore(join(dataDir, 'state.db'));
  undo.push(() => store.close());
  const tls = await ensureServingTls(join(dataDir, 'pki'), [
    'localhost',
    'kubernetes',
    'kubernetes.default',
    'kubernetes.default.svc',
    'kubernetes.default.svc.cluster.local',
    HOST,
    kubernetesIp,
  ]);
  const token = loadOrCreateToken(join(dataDir, 'admin.token'));
  const tokenKeys = await loadTokenKeys(join(dataDir, 'pki', 'sa.key'), join(dataDir, 'pki', 'sa.pub'));
  const authenticator = new Authenticator();
  authenticator.addStaticToken(token, { username: 'wheelhouse-admin', groups: ['system:masters', 'system:authenticated'] });
  authenticator.addVerifier(
    serviceAccountTokenVerifier(tokenKeys, (ns, name) => registry.storeFor('', 'serviceaccounts')?.find(ns, name)?.object.metadata.uid),
  );

  const timings: ClusterTimings = { ...DEFAULT_TIMINGS, ...opts.timings };
  const schemas = new Schemas();
  // Made with the admission chain, whose escalation check uses it.
  let rbac!: RbacAuthorizer;
  const registry = new Registry({
    store,
    watchCacheSize: opts.watchCacheSize,
    trackManagedFields: managedFieldsTracker(schemas),
    admission: (registry) => {
      const services = function* (): Iterable<Service> {
        const rs = registry.storeFor('', 'services');
        if (rs) for (const c of rs.list().items) yield c.object as Service;
      };
      rbac = new RbacAuthorizer(rbacFromRegistry(registry));
      return admissionChain([
        namespaceLifecycle((name) => {
          const ns = registry.storeFor('', 'namespaces')?.find(undefined, name)?.object;
          return ns && { deletionTimestamp: ns.metadata.deletionTimestamp, phase: (ns.status as { phase?: string } | undefined)?.phase };
        }),
        limitRanger(registry),
        serviceAllocation({ serviceCidr, nodePortRange: opts.nodePortRange ?? [30000, 32767], services }),
        defaultTolerationSeconds(timings.defaultTolerationSeconds),
        priorityAdmission({
          get: (name) => registry.storeFor('scheduling.k8s.io', 'priorityclasses')?.find(undefined, name)?.object as PriorityClass | undefined,
          list: () => (registry.storeFor('scheduling.k8s.io', 'priorityclasses')?.list().items ?? []).map((c) => c.object as unknown as PriorityClass),
        }),
        resourceQuota(registry, () => clock.now()),
        // Last of the mutating steps and before validation, where Kubernetes' RBAC storage checks.
        rbacEscalation(rbac),
      ]);
    },
  });
  undo.push(() => registry.stop());

  const server: Server = createServer({ cert: tls.certPem, key: tls.keyPem });
  undo.push(() => server.close());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 6443, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `https://${HOST}:${port}`;
  const api = new ApiServer({
    registry,
    schemas,
    authenticator,
    serverAddress: `${HOST}:${port}`,
    version: serverVersion(),
    authorize: (user, attrs) => rbac.authorize(user, attrs),
    bookmarkIntervalMs: opts.bookmarkIntervalMs,
  });
  server.on('request', (req, res) => void api.handle(req, res));

  await Promise.all(builtInResources.map((def) => registry.register(def)));
  let logSource: LogSource | undefined;
  registerSubresources(api, tokenKeys, () => logSource);
  registerReviews(api, rbac, authenticator);
  await bootstrapObjects(registry, { kubernetesServiceIp: kubernetesIp, apiPort: port });
  await ensureSystemPriorityClasses(registry);
  const context = new RegistryContext(registry, clock, timings);
  const namespaces = new NamespaceController(context);
  namespaces.start();
  const crds = new CrdController(context, new CustomResourceServer(registry, schemas));
  await crds.start();
  const components =
    opts.components === 'none'
      ? []
      : clusterComponents(context, { nodes: opts.nodes ?? 3, caPem: tls.caPem, apiServer: { ip: HOST, port } });
  const nodes = components.find((c): c is NodeManager => c instanceof NodeManager);
  if (nodes) logSource = (node, ns, pod, container, previous) => nodes.kubelet(node)?.containerLogs(ns, pod, container, previous);
  // The metrics pipeline, as metrics-server would be installed: only where kubelets run.
  const metrics = nodes && new MetricsStore(timings.metricsResolutionMs);
  if (nodes && metrics) {
    registerMetricsApi(api, metrics);
    components.push(new MetricsScraper(context, metrics, () => nodes.runningKubelets()));
  }
  for (const c of components) await c.start();
  api.setReady(true);

  const kubeconfigPath = opts.kubeconfigPath ?? join(dataDir, 'kubeconfig');
  writeKubeconfig(kubeconfigPath, { server: url, caPem: tls.caPem, token });

  return {
    context,
    url,
    port,
    caPem: tls.caPem,
    token,
    kubeconfigPath,
    api,
    registry,
    metrics,
    async stop() {
      api.setReady(false);
      for (const c of [...components].reverse()) c.stop();
      namespaces.stop();
      crds.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      registry.stop();
      await store.close();
      lock.release();
    },
  };
}
