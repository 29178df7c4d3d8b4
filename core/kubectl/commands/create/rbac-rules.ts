// The rules of `create role` and `create clusterrole` (create_role.go): verbs and resources from
// the flags, resources mapped through discovery (short names, groups), one rule per API group,
// and kubectl's checks of verbs that only apply to some resources.
import { BareError, CommandError, type CommandContext } from '../../command';
import { UnknownResourceError, type Discovery } from '../../discovery';

export const RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];

/** Verbs that only make sense on some resources ("group/resource"). */
const SPECIAL_VERBS: Record<string, string[]> = {
  use: ['policy/podsecuritypolicies', 'extensions/podsecuritypolicies'],
  bind: ['rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles'],
  escalate: ['rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles'],
  impersonate: ['/users', '/serviceaccounts', '/groups', 'authentication.k8s.io/userextras'],
};

export interface RuleResource {
  resource: string;
  group: string;
  subresource: string;
}

export interface RuleFlags {
  verbs: string[];
  resources: RuleResource[];
  resourceNames: string[];
}

const unique = (list: string[]) => [...new Set(list)];

/** The flags as Complete() reads them: `*` alone wins among verbs, and among resources. */
export function ruleFlags(ctx: CommandContext): RuleFlags {
  const verbs = completeVerbs(ctx.flags.strings('verb'));
  const resources: RuleResource[] = [];
  for (const spec of ctx.flags.strings('resource')) {
    const slash = spec.indexOf('/');
    const main = slash < 0 ? spec : spec.slice(0, slash);
    const dot = main.indexOf('.');
    const r = { resource: dot < 0 ? main : main.slice(0, dot), group: dot < 0 ? '' : main.slice(dot + 1), subresource: slash < 0 ? '' : spec.slice(slash + 1) };
    if (r.resource === '*' && dot < 0 && slash < 0) {
      resources.splice(0, resources.length, r);
      break;
    }
    resources.push(r);
  }
  return { verbs, resources, resourceNames: unique(ctx.flags.strings('resource-name')) };
}

/** Verbs without repeats, or only `*` once it appears. */
function completeVerbs(raw: string[]): string[] {
  const out: string[] = [];
  for (const v of raw) {
    if (v === '*') return ['*'];
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** The mapper's answer for a resource, or its error (kubectl keeps going with the raw names). */
function mapped(discovery: Discovery, r: RuleResource): { resource: string; group: string; error?: Error } {
  try {
    const info = discovery.resolve(r.group ? `${r.resource}.${r.group}` : r.resource);
    return { resource: info.resource, group: info.group };
  } catch (err) {
    if (!(err instanceof UnknownResourceError)) throw err;
    const text = `the server doesn't have a resource type ${JSON.stringify(r.resource)}${r.group ? ` in group ${JSON.stringify(r.group)}` : ''}`;
    return { resource: r.resource, group: r.group, error: new BareError(text) };
  }
}

/** validateResource: every resource named, mapped, and allowed for the special verbs. */
export function validateResources(rules: RuleFlags, discovery: Discovery): void {
  for (const r of rules.resources) {
    if (!r.resource) throw new CommandError('resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const m = mapped(discovery, r);
    let error = m.error;
    for (const verb of rules.verbs) {
      const allowed = SPECIAL_VERBS[verb];
      if (!allowed) continue;
      if (!allowed.includes(`${m.group}/${m.resource}`)) throw new CommandError(`can not perform '${verb}' on '${m.resource}' in group '${m.group}'`);
      error = undefined;
    }
    if (error) throw error;
  }
}

/** generateResourcePolicyRules: one rule per group (sorted), then the non-resource URLs. */
export function policyRules(rules: RuleFlags, discovery: Discovery, nonResourceURLs: string[] = []): object[] {
  const byGroup = new Map<string, string[]>();
  for (const r of rules.resources) {
    const m = mapped(discovery, r);
    const name = r.subresource ? `${m.resource}/${r.subresource}` : m.resource;
    const list = byGroup.get(m.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(m.group, list);
  }
  const out: object[] = [...byGroup.keys()].sort().map((group) => ({
    verbs: rules.verbs,
    apiGroups: [group],
    resources: byGroup.get(group),
    resourceNames: rules.resourceNames,
  }));
  if (nonResourceURLs.length) out.push({ verbs: rules.verbs, nonResourceURLs });
  return out;
}

/** "Warning: 'x' is not a standard resource verb" for each verb kubectl does not know. */
export function warnUnknownVerbs(ctx: CommandContext, verbs: string[]): void {
  for (const v of verbs) if (!RESOURCE_VERBS.includes(v)) ctx.io.stderr.write(`Warning: '${v}' is not a standard resource verb\n`);
}
