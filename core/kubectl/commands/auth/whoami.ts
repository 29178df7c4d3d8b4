// kubectl auth whoami: the SelfSubjectReview of the current user, as a table of attributes
// or the object itself (-o yaml|json|name|jsonpath).
import type { Command, CommandContext } from '../../command';
import { CommandError } from '../../command';
import { ServerError } from '../../rest';
import { alignColumns } from '../../printers/tabwriter';
import { resultPrinter } from '../../write/print';

interface UserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

/** The review as kubectl's typed object holds it: Go's field order, empty fields left out. */
function typedReview(user: UserInfo): Record<string, unknown> {
  const userInfo: UserInfo = {};
  if (user.username) userInfo.username = user.username;
  if (user.uid) userInfo.uid = user.uid;
  if (user.groups?.length) userInfo.groups = user.groups;
  if (user.extra && Object.keys(user.extra).length) userInfo.extra = user.extra;
  return { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo } };
}

function table(user: UserInfo): string {
  const lines = [['ATTRIBUTE', 'VALUE']];
  if (user.username) lines.push(['Username', user.username]);
  if (user.uid) lines.push(['UID', user.uid]);
  if (user.groups?.length) lines.push(['Groups', `[${user.groups.join(' ')}]`]);
  for (const key of Object.keys(user.extra ?? {}).sort()) lines.push([`Extra: ${key}`, `[${user.extra![key]!.join(' ')}]`]);
  return alignColumns(lines);
}

async function run(ctx: CommandContext): Promise<number> {
  const printer = ctx.flags.has('output') || ctx.flags.has('template') ? resultPrinter(ctx.flags, { dryRun: 'none', typed: true, cwd: ctx.io.cwd }) : undefined;
  const { rest } = await ctx.session();
  let review: { status?: { userInfo?: UserInfo } };
  try {
    review = await rest.json({
      method: 'POST',
      path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      body: { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo: {} } },
    });
  } catch (err) {
    if (err instanceof ServerError && err.httpStatus === 403) throw new CommandError('the selfsubjectreviews API is not enabled in the cluster or you do not have permission to call it');
    if (err instanceof ServerError && err.httpStatus === 404)
      throw new CommandError('the selfsubjectreviews API is not enabled in the cluster\nenable APISelfSubjectReview feature gate and authentication.k8s.io/v1alpha1 or authentication.k8s.io/v1beta1 API');
    throw err;
  }
  const user = review.status?.userInfo ?? {};
  ctx.io.stdout.write(printer ? printer.print(typedReview(user), '') : table(user));
  return 0;
}

export const whoami: Command = {
  name: 'whoami',
  short: 'Experimental: Check self subject attributes',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'template', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'show-managed-fields', type: 'bool' },
  ],
  run,
};
