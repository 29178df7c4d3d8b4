// Serves the metrics read APIs from the MetricsStore, as read-only resources of the API server
// (same authentication, RBAC, discovery, selectors and Table output as any other):
//   metrics.k8s.io/v1beta1 nodes, pods: what metrics-server serves; `kubectl top` reads it.
//   metrics.wheelhouse.dev/v1alpha1 nodes, pods: the short history the app charts.
// The history is a resource group rather than a non-resource path so that RBAC rules, label
// selectors, namespaces and discovery work for it exactly as for metrics.k8s.io, and a cluster
// without it answers with a plain 404 the app can detect through discovery.
import type { ApiServer } from '../apiserver/api-server';
import type { KubeObject } from '../machinery/object';
import { listFilter } from '../apiserver/handlers/list-filter';
import { boolParam, responseShape } from '../apiserver/handlers/options';
import { requestTarget } from '../apiserver/http/request-target';
import { sendJson } from '../apiserver/http/respond';
import { methodNotAllowed, notFound } from '../machinery/status';
import { buildTable } from '../registry/printing/table';
import type { Printer, ResourceDef } from '../registry/types';
import type { MetricsStore } from './metrics-store';
import {
  HISTORY_GROUP,
  HISTORY_VERSION,
  METRICS_GROUP,
  METRICS_VERSION,
  nodeMetrics,
  nodeMetricsHistory,
  podMetrics,
  podMetricsHistory,
  type MetricsItem,
} from './metrics-objects';
import { metricsDefinitions } from './metrics-openapi';
import { historyPrinter, nodeMetricsPrinter, podMetricsPrinter } from './printers';

interface MetricsResource {
  group: string;
  version: string;
  kind: string;
  /** The core resource each item is made from; also this resource's plural. */
  source: 'pods' | 'nodes';
  item: MetricsItem;
  printer: Printer;
}

const RESOURCES: MetricsResource[] = [
  { group: METRICS_GROUP, version: METRICS_VERSION, kind: 'NodeMetrics', source: 'nodes', item: nodeMetrics, printer: nodeMetricsPrinter },
  { group: METRICS_GROUP, version: METRICS_VERSION, kind: 'PodMetrics', source: 'pods', item: podMetrics, printer: podMetricsPrinter },
  { group: HISTORY_GROUP, version: HISTORY_VERSION, kind: 'NodeMetricsHistory', source: 'nodes', item: nodeMetricsHistory, printer: historyPrinter },
  { group: HISTORY_GROUP, version: HISTORY_VERSION, kind: 'PodMetricsHistory', source: 'pods', item: podMetricsHistory, printer: historyPrinter },
];

const defOf = (r: MetricsResource): ResourceDef => ({
  group: r.group,
  version: r.version,
  kind: r.kind,
  plural: r.source,
  singular: '',
  namespaced: r.source === 'pods',
  verbs: ['get', 'list'],
  strategy: {},
  printer: r.printer,
  definitions: metricsDefinitions,
});

const sortKey = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export function registerMetricsApi(api: ApiServer, store: MetricsStore): void {
  for (const r of RESOURCES) {
    const def = defOf(r);
    api.registerVirtual(def, async (req, res, _user, target) => {
      const query = requestTarget(req.url).query;
      if (boolParam(query, 'watch')) throw methodNotAllowed('the server does not allow this method on the requested resource');
      const shape = responseShape(req, query);
      const source = api.registry.storeFor('', r.source)!;
      const now = new Date();
      const send = (items: KubeObject[], single: boolean) => {
        if (shape.kind === 'table') return sendJson(res, 200, buildTable(r.printer, items, { now, includeObject: shape.table.includeObject, listMeta: {} }));
        if (single) return sendJson(res, 200, items[0]);
        sendJson(res, 200, { kind: `${r.kind}List`, apiVersion: `${r.group}/${r.version}`, metadata: {}, items });
      };
      if (target.name) {
        const found = source.find(target.namespace, target.name);
        if (!found) throw notFound({ group: '', plural: r.source }, target.name);
        const item = r.item(found.object, store, now);
        if (!item) throw notFound(def, target.namespace ? `${target.namespace}/${target.name}` : target.name);
        return send([item], true);
      }
      const filter = listFilter(source.def, query);
      const objects = source.list({ namespace: target.namespace, filter }).items.map((c) => c.object);
      objects.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
      send(objects.flatMap((o) => r.item(o, store, now) ?? []), false);
    });
  }
}
