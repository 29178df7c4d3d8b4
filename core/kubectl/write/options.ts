// The flags every kubectl command that changes objects shares (cmdutil.AddDryRunFlag,
// AddFieldManagerFlagVar, AddValidateFlags, genericclioptions.PrintFlags), read into the
// options its requests carry: dryRun=All, fieldManager, fieldValidation.
import { CommandError, type CommandContext } from '../command';
import type { FlagSpec, Flags } from '../flags';
import type { RestRequest } from '../rest';
import { klog } from '../klog';

export type DryRun = 'none' | 'client' | 'server';
/** The server's fieldValidation directive. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface WriteFlagChoice {
  /** --validate (create, apply, replace, run, expose...; not label, annotate, patch). */
  validate?: boolean;
  /** --save-config (create, apply's siblings, expose, run...). */
  saveConfig?: boolean;
}

/** -o and the template flags of a command that prints what it wrote. */
export const WRITE_PRINT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
];

export function writeFlags(choice: WriteFlagChoice = {}): FlagSpec[] {
  return [
    { name: 'dry-run', type: 'string', noOptDefVal: 'unchanged' },
    { name: 'field-manager', type: 'string' },
    ...(choice.validate ? [{ name: 'validate', type: 'string', noOptDefVal: 'strict' } satisfies FlagSpec] : []),
    ...(choice.saveConfig ? [{ name: 'save-config', type: 'bool' } satisfies FlagSpec] : []),
    ...WRITE_PRINT_FLAGS,
  ];
}

/** cmdutil.GetDryRunStrategy, with its warnings for the deprecated spellings. */
export function dryRunOf(flags: Flags, stderr: NodeJS.WritableStream): DryRun {
  const value = flags.has('dry-run') ? flags.string('dry-run') : 'none';
  switch (value) {
    case 'unchanged':
      klog(stderr, 'W', 'helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
    case 'client':
    case 'server':
    case 'none':
      return value;
  }
  const bool = /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(value) ? /^(1|t|T|TRUE|true|True)$/.test(value) : undefined;
  if (bool === true) {
    klog(stderr, 'W', 'helpers.go:716', `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=client.`);
    return 'client';
  }
  if (bool === false) {
    klog(stderr, 'W', 'helpers.go:719', `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=none.`);
    return 'none';
  }
  throw new CommandError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** cmdutil.GetValidationDirective: strict unless --validate says otherwise. */
export function validationOf(flags: Flags): FieldValidation {
  const value = flags.has('validate') ? flags.string('validate') : 'strict';
  switch (value) {
    case 'strict':
    case 'true':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'ignore':
    case 'false':
      return 'Ignore';
  }
  throw new CommandError(`invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`);
}

export interface WriteOptions {
  dryRun: DryRun;
  fieldManager: string;
  validation: FieldValidation;
  saveConfig: boolean;
}

/** The write options of a command whose default field manager is `fieldManager` (e.g. kubectl-create). */
export function writeOptions(ctx: Pick<CommandContext, 'flags' | 'io'>, fieldManager: string): WriteOptions {
  return {
    dryRun: dryRunOf(ctx.flags, ctx.io.stderr),
    fieldManager: ctx.flags.string('field-manager') || fieldManager,
    validation: validationOf(ctx.flags),
    saveConfig: ctx.flags.bool('save-config'),
  };
}

/** The query parameters of a write request. */
export function writeQuery(o: Pick<WriteOptions, 'dryRun' | 'fieldManager'> & { validation?: FieldValidation }): NonNullable<RestRequest['query']> {
  return { dryRun: o.dryRun === 'server' ? 'All' : undefined, fieldManager: o.fieldManager, fieldValidation: o.validation };
}
