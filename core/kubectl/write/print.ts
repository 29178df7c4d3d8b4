// What a write command prints (genericclioptions.PrintFlags with an operation): "kind.group/name
// created", " (dry run)" or " (server dry run)" after it, or the object itself with
// -o yaml|json|name|jsonpath|go-template.
import type { Flags } from '../flags';
import { goTyped } from '../printers/go-typed';
import { withoutManagedFields } from '../printers/managed-fields';
import { templatePrinter, type ObjectPrinter } from '../printers/template-printers';
import { toGoJson, toJson, toYaml } from '../printers/yaml-json';
import type { DryRun } from './options';

type Obj = Record<string, unknown>;

const FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';
const GO_TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'];

export interface ResultPrinter {
  /** The text for one written object; `operation` is kubectl's verb ("created", "exposed"). */
  print(obj: Obj, operation: string): string;
  /** -o was given (a template or yaml|json): the command prints objects, not messages. */
  readonly printsObjects: boolean;
}

export interface ResultPrinterOptions {
  dryRun: DryRun;
  /** The object is one of kubectl's typed objects (generators): printed in Go field order. */
  typed?: boolean;
  cwd: string;
}

/** "deployment.apps/web": the object's kind, lower case, and group. */
export function kindAndName(obj: Obj): string {
  const apiVersion = String(obj.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const kind = String(obj.kind ?? '').toLowerCase();
  // cli-runtime's NamePrinter: an object without a name is "<unknown>".
  return `${group ? `${kind}.${group}` : kind}/${(obj.metadata as { name?: string } | undefined)?.name || '<unknown>'}`;
}

/** The printer the flags ask for; unknown formats fail here, before anything is sent. */
export function resultPrinter(flags: Flags, opts: ResultPrinterOptions): ResultPrinter {
  const template = flags.string('template');
  // --template alone means a go-template.
  const output = flags.string('output') || (template ? 'go-template' : '');
  const showManagedFields = flags.bool('show-managed-fields');
  const typed = (obj: Obj) => (opts.typed ? goTyped(obj) : obj);
  // Only -o yaml|json hide managed fields.
  const prepare = (obj: Obj) => (showManagedFields ? typed(obj) : withoutManagedFields(typed(obj)));
  const suffix = opts.dryRun === 'client' ? ' (dry run)' : opts.dryRun === 'server' ? ' (server dry run)' : '';
  if (!output) return { printsObjects: false, print: (obj, operation) => `${kindAndName(obj)} ${operation}${suffix}\n` };
  if (output === 'name') return { printsObjects: false, print: (obj) => `${kindAndName(obj)}\n` };
  if (output === 'yaml') {
    // YAMLPrinter: a document separator before every object after the first.
    let printed = 0;
    return { printsObjects: true, print: (obj) => `${printed++ ? '---\n' : ''}${toYaml(prepare(obj))}` };
  }
  if (output === 'json') return { printsObjects: true, print: (obj) => (opts.typed ? toGoJson : toJson)(prepare(obj)) };
  let printer: ObjectPrinter | undefined;
  if (!output.startsWith('custom-columns'))
    printer = templatePrinter({ output, template, allowMissingKeys: flags.bool('allow-missing-template-keys', true), noHeaders: false, cwd: opts.cwd });
  if (!printer) {
    const format = GO_TEMPLATE_FORMATS.find((f) => output === f || output.startsWith(`${f}=`));
    if (format) throw new Error(`-o ${format} is not supported by the built-in kubectl yet`);
    throw new Error(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS}`);
  }
  const objects = printer;
  return { printsObjects: true, print: (obj) => objects.print(typed(obj)) };
}
