// The resources a command's arguments name, as kubectl's resource builder reads them:
// `TYPE[,TYPE...] [NAME...]`, `TYPE/NAME ...`, and categories such as `all`.
import { CommandError, UsageError } from './command';
import type { Discovery, ResourceInfo } from './discovery';

export interface ResourceTarget {
  info: ResourceInfo;
  /** Empty: the whole collection. */
  names: string[];
}

export function resolveTargets(args: string[], discovery: Discovery): ResourceTarget[] {
  if (args.some((a) => a.includes('/'))) {
    const targets: ResourceTarget[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0)
        throw new UsageError(
          `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      const name = arg.slice(slash + 1);
      if (!name || slash === 0) throw new CommandError('arguments in resource/name form must have a single resource and name');
      const info = discovery.resolve(arg.slice(0, slash));
      const same = targets.find((t) => t.info === info);
      if (same) same.names.push(name);
      else targets.push({ info, names: [name] });
    }
    return targets;
  }
  const [types, ...names] = args;
  const infos: ResourceInfo[] = [];
  for (const word of types!.split(',').filter(Boolean)) {
    const category = word === 'all' ? discovery.category('all') : [];
    for (const info of category.length ? category : [discovery.resolve(word)]) if (!infos.includes(info)) infos.push(info);
  }
  return infos.map((info) => ({ info, names }));
}
