// What a kind's object page adds to the generic one (views/object/ObjectView.vue), as
// Headlamp's per-kind Details do: panels on the Overview tab, header actions and extra tabs.
// Every component gets the props of KindPageProps. One folder per kind: kinds/<kind id>/.
import { defineAsyncComponent, type Component } from 'vue';
import EditAction from '../components/yaml/EditAction.vue';
import type { KubeObject } from '../kube/object-source';
import type { ResourceKind } from '../kube/resources';
import type { TableExtension } from '../kube/table-extension';
import { nodeColumns } from './nodes/node-columns';

/** The props every kind component is given. */
export interface KindPageProps {
  /** The object, live (updated by its watch). */
  object: KubeObject;
  kind: ResourceKind;
  /** Its API path, e.g. /apis/apps/v1/namespaces/default/deployments/web. */
  path: string;
}

export interface KindTab {
  /** In the page's address as ?tab=<id>. */
  id: string;
  label: string;
  component: Component;
}

export interface KindPage {
  /** Shown on the Overview tab, after Metadata, in this order. */
  panels?: Component[];
  /** Buttons in the page header, before Delete. */
  actions?: Component[];
  /** Tabs between Overview and YAML. */
  tabs?: KindTab[];
  /** Buttons in the kind's list header (Create namespace); they get no props. */
  listActions?: Component[];
  /** Replaces the generic list for the kind (the events view); gets the prop `kind`. */
  list?: Component;
  /** Client-side columns after the server's in the generic list (a node's pods and taints). */
  tableColumns?: () => TableExtension;
}

// Panels and tabs load their components (ECharts, the log viewer) only when shown.
const lazy = (load: () => Promise<{ default: Component }>) => defineAsyncComponent(load);
const WORKLOAD_LOGS: KindTab = { id: 'logs', label: 'Logs', component: lazy(() => import('./workloads/WorkloadLogs.vue')) };
const HISTORY: KindTab = { id: 'history', label: 'History', component: lazy(() => import('./workloads/RolloutHistory.vue')) };
const RESTART = lazy(() => import('./workloads/RestartAction.vue'));

/** By kind id (the route's kind: 'pods', 'deployments', 'crontabs.stable.example.com'). */
export const KIND_PAGES: Record<string, KindPage> = {
  pods: {
    panels: [lazy(() => import('./pods/PodPlacement.vue')), lazy(() => import('./pods/PodContainers.vue'))],
    tabs: [
      { id: 'logs', label: 'Logs', component: lazy(() => import('./pods/PodLogs.vue')) },
      { id: 'metrics', label: 'Metrics', component: lazy(() => import('./pods/PodMetrics.vue')) },
    ],
  },
  nodes: {
    actions: [lazy(() => import('./nodes/NodeActions.vue'))],
    listActions: [lazy(() => import('./nodes/AddNode.vue'))],
    tableColumns: nodeColumns,
    panels: [lazy(() => import('./nodes/NodeResources.vue')), lazy(() => import('./nodes/NodeInfo.vue'))],
    tabs: [{ id: 'metrics', label: 'Metrics', component: lazy(() => import('./nodes/NodeMetrics.vue')) }],
  },
  deployments: { actions: [RESTART, lazy(() => import('./workloads/PauseAction.vue'))], tabs: [WORKLOAD_LOGS, HISTORY] },
  statefulsets: { actions: [RESTART], tabs: [WORKLOAD_LOGS, HISTORY] },
  daemonsets: { actions: [RESTART], tabs: [WORKLOAD_LOGS, HISTORY] },
  replicasets: { tabs: [WORKLOAD_LOGS] },
  jobs: { tabs: [WORKLOAD_LOGS] },
  secrets: { panels: [lazy(() => import('./secrets/SecretData.vue'))] },
  configmaps: { panels: [lazy(() => import('./configmaps/ConfigMapData.vue'))] },
  services: { panels: [lazy(() => import('./services/ServiceDetails.vue'))] },
  ingresses: { panels: [lazy(() => import('./ingresses/IngressRules.vue'))] },
  events: { list: lazy(() => import('./events/EventsView.vue')) },
  namespaces: { panels: [lazy(() => import('./namespaces/NamespaceQuotas.vue'))], listActions: [lazy(() => import('./namespaces/CreateNamespace.vue'))] },
};

/** What every kind's page has, before the kind's own additions. */
export const EVERY_KIND: Required<Pick<KindPage, 'actions'>> = { actions: [EditAction] };

export function kindPage(kindId: string): KindPage {
  const own = Object.hasOwn(KIND_PAGES, kindId) ? KIND_PAGES[kindId]! : {};
  return { ...own, actions: [...EVERY_KIND.actions, ...(own.actions ?? [])] };
}
