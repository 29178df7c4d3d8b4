// The kubeconfig files a `kubectl config` command works on (its --kubeconfig, else KUBECONFIG).
import type { CommandContext } from '../../command';
import { ConfigAccess } from '../../kubeconfig/access';

export const configAccess = (ctx: CommandContext) => new ConfigAccess(ctx.flags.string('kubeconfig'), ctx.io.env, ctx.io.cwd);

/** Go's %v of a []string: [a b]. */
export const goList = (items: string[]) => `[${items.join(' ')}]`;
