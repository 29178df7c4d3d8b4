// kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]: a SelfSubjectAccessReview,
// "yes" (exit 0) or "no" (exit 1) with the server's reason; --list: a SelfSubjectRulesReview
// laid out as kubectl lays it out. Warnings for unknown verbs and resources go to stderr.
import type { Command, CommandContext } from '../../command';
import { CommandError } from '../../command';
import { UnknownResourceError } from '../../discovery';
import { alignColumns } from '../../printers/tabwriter';
import { accessRows, type PolicyRule } from '../../rbac-rules';

const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];
const NON_RESOURCE_VERBS = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];
/** Resources the server authorizes but discovery does not list (impersonate users/groups). */
const NON_STANDARD = ['users', 'groups'];

/** printers.WarningPrinter: "Warning: " and the message (which ends in its own line break). */
const warn = (ctx: CommandContext, message: string) => ctx.io.stderr.write(`Warning: ${message}\n\n`);

interface Target {
  group: string;
  resource: string;
  /** From discovery; undefined for "*" and unknown resources. */
  namespaced?: boolean;
}

/** CanIOptions.resourceFor: the resource a word names, or the word itself (with a warning) when the server has none. */
async function resourceFor(ctx: CommandContext, word: string): Promise<Target> {
  if (word === '*') return { group: '', resource: '*', namespaced: true };
  const discovery = await (await ctx.session()).discovery();
  try {
    const r = discovery.resolve(word.toLowerCase());
    return { group: r.group, resource: r.resource, namespaced: r.namespaced };
  } catch (err) {
    if (!(err instanceof UnknownResourceError)) throw err;
    const [resource, ...group] = word.toLowerCase().split('.');
    const groupName = group.join('.');
    if (!NON_STANDARD.includes(word.toLowerCase())) warn(ctx, groupName ? `the server doesn't have a resource type '${resource}' in group '${groupName}'` : `the server doesn't have a resource type '${resource}'`);
    return { group: '', resource: word };
  }
}

async function list(ctx: CommandContext, namespace: string): Promise<number> {
  const { flags } = ctx;
  if (ctx.args.length) throw new CommandError('list option must be specified with no arguments');
  if (flags.bool('quiet') || flags.bool('all-namespaces') || flags.string('subresource'))
    throw new CommandError("list option can't be specified with neither quiet, all-namespaces nor subresource options");
  const { rest } = await ctx.session();
  const review = await rest.json<{ status: { resourceRules?: PolicyRule[]; nonResourceRules?: PolicyRule[]; incomplete?: boolean; evaluationError?: string } }>({
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
    body: { kind: 'SelfSubjectRulesReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: { namespace } },
  });
  const { status } = review;
  if (status.incomplete) ctx.io.stderr.write(`Warning: the list may be incomplete: ${status.evaluationError ?? ''}\n`);
  const rules = [
    ...(status.resourceRules ?? []).map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames })),
    ...(status.nonResourceRules ?? []).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
  ];
  const header = flags.bool('no-headers') ? [] : [['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']];
  ctx.io.stdout.write(alignColumns([...header, ...accessRows(rules)]));
  return 0;
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, args } = ctx;
  const session = await ctx.session();
  const namespace = flags.bool('all-namespaces') ? '' : session.config.namespace;
  if (flags.bool('list')) return list(ctx, namespace);
  if (args.length !== 2) throw new CommandError("you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  const [verb, what] = args as [string, string];
  const subresource = flags.string('subresource');
  let spec: Record<string, unknown>;
  if (what.startsWith('/')) {
    if (subresource) throw new CommandError('--subresource can not be used with NonResourceURL');
    if (!NON_RESOURCE_VERBS.includes(verb)) warn(ctx, `verb '${verb}' is not a known verb`);
    spec = { nonResourceAttributes: { path: what, verb } };
  } else {
    const slash = what.indexOf('/');
    const target = await resourceFor(ctx, slash < 0 ? what : what.slice(0, slash));
    if (!flags.bool('all-namespaces') && target.namespaced === false)
      warn(ctx, target.group ? `resource '${target.resource}' is not namespace scoped in group '${target.group}'` : `resource '${target.resource}' is not namespace scoped`);
    if (!RESOURCE_VERBS.includes(verb)) warn(ctx, `verb '${verb}' is not a known verb`);
    const name = slash < 0 ? '' : what.slice(slash + 1);
    spec = { resourceAttributes: { namespace: namespace || undefined, verb, group: target.group || undefined, resource: target.resource, subresource: subresource || undefined, name: name || undefined } };
  }
  if (flags.bool('no-headers')) throw new CommandError('--no-headers cannot be set without --list specified');
  const review = await session.rest.json<{ status: { allowed: boolean; reason?: string; evaluationError?: string } }>({
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    body: { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec },
  });
  const { allowed, reason, evaluationError } = review.status;
  if (!flags.bool('quiet')) ctx.io.stdout.write(allowed ? 'yes\n' : `no${reason ? ` - ${reason}` : ''}${evaluationError ? ` - ${evaluationError}` : ''}\n`);
  return allowed ? 0 : 1;
}

export const canI: Command = {
  name: 'can-i',
  short: 'Check whether an action is allowed',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'list', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
  ],
  run,
};
