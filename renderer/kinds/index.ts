// What a kind's object page adds to the generic one (views/object/ObjectView.vue), as
// Headlamp's per-kind Details do: panels on the Overview tab, header actions and extra tabs.
// Every component gets the props of KindPageProps. One folder per kind: kinds/<kind id>/.
import { defineAsyncComponent, type Component } from 'vue';
import type { KubeObject } from '../kube/object-source';
import type { ResourceKind } from '../kube/resources';

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
}

/** By kind id (the route's kind: 'pods', 'deployments', 'crontabs.stable.example.com'). */
export const KIND_PAGES: Record<string, KindPage> = {
  // The Metrics tabs load ECharts (its own chunk) only when opened.
  pods: {
    panels: [defineAsyncComponent(() => import('./pods/PodContainers.vue'))],
    tabs: [{ id: 'metrics', label: 'Metrics', component: defineAsyncComponent(() => import('./pods/PodMetrics.vue')) }],
  },
  nodes: {
    panels: [defineAsyncComponent(() => import('./nodes/NodeResources.vue')), defineAsyncComponent(() => import('./nodes/NodeInfo.vue'))],
    tabs: [{ id: 'metrics', label: 'Metrics', component: defineAsyncComponent(() => import('./nodes/NodeMetrics.vue')) }],
  },
};

const NONE: KindPage = {};

export function kindPage(kindId: string): KindPage {
  return Object.hasOwn(KIND_PAGES, kindId) ? KIND_PAGES[kindId]! : NONE;
}
