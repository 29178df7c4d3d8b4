// kubectl create role|clusterrole NAME --verb=... --resource=... [--resource-name=...]
// (clusterrole: also --non-resource-url and --aggregation-rule)
import { CommandError } from '../../command';
import type { FlagSpec } from '../../flags';
import { generatorCommand, type GeneratorContext } from './generator';
import { policyRules, ruleFlags, validateResources, warnUnknownVerbs } from './rbac-rules';

const RBAC = '/apis/rbac.authorization.k8s.io/v1';
const RULE_FLAGS: FlagSpec[] = [
  { name: 'verb', type: 'stringSlice' },
  { name: 'resource', type: 'stringSlice' },
  { name: 'resource-name', type: 'stringArray' },
];
const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

const discoveryOf = async (g: GeneratorContext) => (await g.ctx.session()).discovery();

export const role = generatorCommand({
  name: 'role',
  short: 'Create a role with single rule',
  flags: RULE_FLAGS,
  api: RBAC,
  resource: 'roles',
  namespaced: true,
  async validate(g) {
    const rules = ruleFlags(g.ctx);
    if (!rules.verbs.length) throw new CommandError('at least one verb must be specified');
    warnUnknownVerbs(g.ctx, rules.verbs);
    if (!rules.resources.length) throw new CommandError('at least one resource must be specified');
    validateResources(rules, await discoveryOf(g));
  },
  async build(g) {
    const rules = policyRules(ruleFlags(g.ctx), await discoveryOf(g));
    return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: g.name, namespace: g.namespace }, rules };
  },
});

/** --aggregation-rule=k=v,k2=v2 (cliflag's map of strings). */
function aggregationLabels(g: GeneratorContext): Record<string, string> | undefined {
  const text = g.ctx.flags.string('aggregation-rule');
  if (!text) return undefined;
  const labels: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    labels[eq < 0 ? pair : pair.slice(0, eq)] = eq < 0 ? '' : pair.slice(eq + 1);
  }
  return labels;
}

const nonResourceURLs = (g: GeneratorContext) => [...new Set(g.ctx.flags.strings('non-resource-url'))];

export const clusterrole = generatorCommand({
  name: 'clusterrole',
  short: 'Create a cluster role',
  flags: [...RULE_FLAGS, { name: 'non-resource-url', type: 'stringSlice' }, { name: 'aggregation-rule', type: 'string' }],
  api: RBAC,
  resource: 'clusterroles',
  namespaced: false,
  async validate(g) {
    const rules = ruleFlags(g.ctx);
    const urls = nonResourceURLs(g);
    if (aggregationLabels(g)) {
      if (urls.length || rules.verbs.length || rules.resources.length || rules.resourceNames.length)
        throw new CommandError('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
      return;
    }
    if (!rules.verbs.length) throw new CommandError('at least one verb must be specified');
    if (!rules.resources.length && !urls.length) throw new CommandError('one of resource or nonResourceURL must be specified');
    if (rules.resources.length) {
      warnUnknownVerbs(g.ctx, rules.verbs);
      validateResources(rules, await discoveryOf(g));
    }
    if (urls.length) {
      for (const v of rules.verbs) if (!NON_RESOURCE_VERBS.includes(v)) throw new CommandError(`invalid verb: '${v}' for nonResourceURL`);
      for (const url of urls) {
        if (url === '*') continue;
        if (!url.startsWith('/')) throw new CommandError('nonResourceURL should start with /');
        if (url.slice(0, -1).includes('*')) throw new CommandError("nonResourceURL only supports wildcard matches when '*' is at the end");
      }
    }
  },
  async build(g) {
    const labels = aggregationLabels(g);
    const base = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: g.name } };
    if (labels) return { ...base, aggregationRule: { clusterRoleSelectors: [{ matchLabels: labels }] } };
    return { ...base, rules: policyRules(ruleFlags(g.ctx), await discoveryOf(g), nonResourceURLs(g)) };
  },
});
