// Every built-in kind the API server serves, in discovery order.
import type { ResourceDef } from './types';
import { resource as namespaces } from './namespaces';
import { resource as pods } from './pods';
import { resource as services } from './services';
import { resource as endpoints } from './endpoints';
import { resource as configmaps } from './configmaps';
import { resource as secrets } from './secrets';
import { resource as serviceaccounts } from './serviceaccounts';
import { resource as events } from './events';
import { resource as nodes } from './nodes';
import { resource as persistentvolumes } from './persistentvolumes';
import { resource as persistentvolumeclaims } from './persistentvolumeclaims';
import { resource as resourcequotas } from './resourcequotas';
import { resource as limitranges } from './limitranges';
import { resource as replicationcontrollers } from './replicationcontrollers';
import { resource as podtemplates } from './podtemplates';
import { resource as deployments } from './deployments';
import { resource as replicasets } from './replicasets';
import { resource as statefulsets } from './statefulsets';
import { resource as daemonsets } from './daemonsets';
import { resource as controllerrevisions } from './controllerrevisions';
import { resource as jobs } from './jobs';
import { resource as cronjobs } from './cronjobs';
import { resource as horizontalpodautoscalers } from './horizontalpodautoscalers';
import { resource as ingresses } from './ingresses';
import { resource as ingressclasses } from './ingressclasses';
import { resource as networkpolicies } from './networkpolicies';
import { resource as storageclasses } from './storageclasses';
import { resource as roles } from './roles';
import { resource as rolebindings } from './rolebindings';
import { resource as clusterroles } from './clusterroles';
import { resource as clusterrolebindings } from './clusterrolebindings';
import { resource as poddisruptionbudgets } from './poddisruptionbudgets';
import { resource as leases } from './leases';
import { resource as endpointslices } from './endpointslices';
import { resource as eventsV1 } from './events-v1';
import { resource as priorityclasses } from './priorityclasses';
import { resource as customresourcedefinitions } from './customresourcedefinitions';

export const builtInResources = [
  namespaces,
  pods,
  services,
  endpoints,
  configmaps,
  secrets,
  serviceaccounts,
  events,
  nodes,
  persistentvolumes,
  persistentvolumeclaims,
  resourcequotas,
  limitranges,
  replicationcontrollers,
  podtemplates,
  deployments,
  replicasets,
  statefulsets,
  daemonsets,
  controllerrevisions,
  jobs,
  cronjobs,
  horizontalpodautoscalers,
  ingresses,
  ingressclasses,
  networkpolicies,
  storageclasses,
  roles,
  rolebindings,
  clusterroles,
  clusterrolebindings,
  poddisruptionbudgets,
  leases,
  endpointslices,
  eventsV1,
  priorityclasses,
  customresourcedefinitions,
] as unknown as ResourceDef[];
