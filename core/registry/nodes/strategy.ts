// Node rules (SetDefaults_NodeStatus, node strategy, ValidateNode/ValidateNodeUpdate).
import type { Node, NodeSpec, NodeStatus } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { defaultResourceList } from '../defaults/resource-list';
import { duplicate, forbidden, invalid, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child, index } from '../validation/field-path';
import { ipFamily, isValidCIDR } from '../validation/ip';
import { isQualifiedName, isValidLabelValue } from '../../machinery/names';
import { validateResourceList } from '../validation/resource-list';
import { validateTaintEffect } from '../validation/scheduling';

type NodeObject = Kube<Node>;

function defaults(node: NodeObject): void {
  // The v1 conversion keeps podCIDR and podCIDRs[0] in step.
  const spec = node.spec;
  if (spec?.podCIDR && !spec.podCIDRs?.length) spec.podCIDRs = [spec.podCIDR];
  if (spec?.podCIDRs?.length && !spec.podCIDR) spec.podCIDR = spec.podCIDRs[0];
  const status = node.status as NodeStatus | undefined;
  if (!status) return;
  defaultResourceList(status.capacity as Record<string, unknown> | undefined);
  defaultResourceList(status.allocatable as Record<string, unknown> | undefined);
  if (!status.allocatable && status.capacity) status.allocatable = { ...status.capacity };
}

function validateTaints(spec: NodeSpec | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (spec?.taints ?? []).forEach((t, i) => {
    const p = index('spec.taints', i);
    for (const m of isQualifiedName(t.key ?? '')) errs.push(invalid(child(p, 'key'), t.key ?? '', m));
    const valueErrs = isValidLabelValue(t.value ?? '');
    if (valueErrs.length) errs.push(invalid(child(p, 'value'), t.value ?? '', valueErrs.join(';')));
    errs.push(...validateTaintEffect(t.effect, false, child(p, 'effect')));
    const k = `${t.effect}\u0000${t.key}`;
    if (seen.has(k)) errs.push({ ...duplicate(p, t), detail: 'taints must be unique by key and effect pair' });
    seen.add(k);
  });
  return errs;
}

function validateNode(node: NodeObject): FieldError[] {
  const errs = validateTaints(node.spec);
  const cidrs = node.spec?.podCIDRs ?? [];
  cidrs.forEach((c, i) => {
    if (!isValidCIDR(c)) errs.push(invalid(index('spec.podCIDRs', i), c, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
  });
  if (cidrs.length > 1) {
    const families = cidrs.map((c) => ipFamily(c.split('/')[0]));
    if (cidrs.length > 2 || families[0] === families[1]) {
      errs.push(invalid('spec.podCIDRs', cidrs, 'may specify no more than one CIDR for each IP family'));
    }
  }
  const status = node.status as NodeStatus | undefined;
  errs.push(...validateResourceList(status?.capacity as Record<string, unknown> | undefined, 'status.capacity'));
  errs.push(...validateResourceList(status?.allocatable as Record<string, unknown> | undefined, 'status.allocatable'));
  return errs;
}

/** A pod CIDR or provider ID may be set once, from empty. */
function validateNodeUpdate(node: NodeObject, old: NodeObject): FieldError[] {
  const errs: FieldError[] = [];
  const before = old.spec?.podCIDRs ?? [];
  const after = node.spec?.podCIDRs ?? [];
  if (before.length && (before.length !== after.length || before.some((c, i) => c !== after[i]))) {
    errs.push(forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
  }
  if (old.spec?.providerID && old.spec.providerID !== node.spec?.providerID) {
    errs.push(forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  }
  return errs;
}

export const strategy: Strategy<NodeObject> = {
  defaults,
  validate: validateNode,
  validateUpdate: validateNodeUpdate,
  validateStatusUpdate: validateNode,
};
