// kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N|--max-unavailable=N
import { CommandError } from '../../command';
import { parseLabelSelector } from '../../../machinery/selectors/label-selector-parser';
import { generatorCommand } from './generator';

const OPERATORS: Record<string, string> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };

/** metav1.ParseToLabelSelector: equality into matchLabels, the rest into matchExpressions. */
export function parseToLabelSelector(text: string): object {
  let parsed;
  try {
    parsed = parseLabelSelector(text);
  } catch (err) {
    throw new CommandError(`couldn't parse the selector string "${text}": ${(err as Error).message}`);
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: object[] = [];
  for (const r of parsed.requirements) {
    if (r.operator === '=' || r.operator === '==') matchLabels[r.key] = r.values[0]!;
    else if (OPERATORS[r.operator]) matchExpressions.push({ key: r.key, operator: OPERATORS[r.operator], values: r.values.length ? r.values : undefined });
    else if (r.operator === 'gt' || r.operator === 'lt') throw new CommandError(`${JSON.stringify(r.operator)} isn't supported in label selectors`);
    else throw new CommandError(`${JSON.stringify(r.operator)} is not a valid label selector operator`);
  }
  return { matchLabels: Object.keys(matchLabels).length ? matchLabels : undefined, matchExpressions: matchExpressions.length ? matchExpressions : undefined };
}

/** intstr.Parse: a number when it is one. */
const intOrString = (s: string): number | string => (/^-?\d+$/.test(s) ? Number(s) : s);

export const poddisruptionbudget = generatorCommand({
  name: 'poddisruptionbudget',
  aliases: ['pdb'],
  short: 'Create a pod disruption budget with the specified name',
  flags: [
    { name: 'min-available', type: 'string' },
    { name: 'max-unavailable', type: 'string' },
    { name: 'selector', type: 'string' },
  ],
  api: '/apis/policy/v1',
  resource: 'poddisruptionbudgets',
  namespaced: true,
  failure: 'failed to create poddisruptionbudgets: ',
  validate({ ctx }) {
    const min = ctx.flags.string('min-available');
    const max = ctx.flags.string('max-unavailable');
    if (!ctx.flags.string('selector')) throw new CommandError('a selector must be specified');
    if (!min && !max) throw new CommandError('one of min-available or max-unavailable must be specified');
    if (min && max) throw new CommandError('min-available and max-unavailable cannot be both specified');
    if (min && !/^[0-9]+%?$/.test(min)) throw new CommandError('invalid format specified for min-available');
    if (max && !/^[0-9]+%?$/.test(max)) throw new CommandError('invalid format specified for max-unavailable');
  },
  build({ ctx, name, namespace }) {
    const min = ctx.flags.string('min-available');
    const max = ctx.flags.string('max-unavailable');
    return {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name, namespace },
      spec: {
        minAvailable: min ? intOrString(min) : undefined,
        selector: parseToLabelSelector(ctx.flags.string('selector')),
        maxUnavailable: !min && max ? intOrString(max) : undefined,
      },
    };
  },
});
