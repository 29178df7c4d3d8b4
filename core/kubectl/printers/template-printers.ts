// kubectl get's template outputs: -o jsonpath=..., jsonpath-as-json=..., jsonpath-file=PATH
// (cli-runtime's JSONPathPrinter) and -o custom-columns=HEADER:PATH,... / custom-columns-file=PATH
// (kubectl's CustomColumnsPrinter), with their flag handling and error texts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JsonPath } from '../jsonpath/jsonpath';
import { goSharpV, goSprint } from '../jsonpath/go-format';
import { alignColumns } from './tabwriter';

export interface ObjectPrinter {
  /** The text for one object, or for a List of them. */
  print(obj: Record<string, unknown>): string;
  /** Custom columns: a List prints as one table, and later calls add rows to it (a watch's). */
  tabular?: boolean;
}

const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file'];
const COLUMN_FORMATS = ['custom-columns', 'custom-columns-file'];

export interface TemplateFlags {
  output: string;
  /** --template */
  template: string;
  allowMissingKeys: boolean;
  noHeaders: boolean;
  cwd: string;
}

/** format=value, or the format alone with --template giving the value. */
function split(output: string, formats: string[], template: string): { format: string; value: string } {
  if (template) return { format: output, value: template };
  const format = formats.find((f) => output.startsWith(`${f}=`));
  return format ? { format, value: output.slice(format.length + 1) } : { format: output, value: '' };
}

/** The printer for a template output, undefined when `output` names none of them. */
export function templatePrinter(flags: TemplateFlags): ObjectPrinter | undefined {
  const jp = split(flags.output, JSONPATH_FORMATS, flags.template);
  if (JSONPATH_FORMATS.includes(jp.format)) return jsonPathPrinter(jp.format, jp.value, flags);
  const cc = split(flags.output, COLUMN_FORMATS, flags.template);
  if (COLUMN_FORMATS.includes(cc.format)) return customColumnsPrinter(cc.format, cc.value, flags);
  return undefined;
}

function jsonPathPrinter(format: string, value: string, flags: TemplateFlags): ObjectPrinter {
  if (!value) throw new Error('template format specified but no template given');
  let template = value;
  if (format === 'jsonpath-file') {
    try {
      template = readFileSync(resolve(flags.cwd, value), 'utf8');
    } catch {
      throw new Error(`error reading --template ${value}, open ${value}: no such file or directory`);
    }
  }
  const opts = { allowMissingKeys: flags.allowMissingKeys, outputJson: format === 'jsonpath-as-json' };
  try {
    JsonPath.parse(template, opts);
  } catch (err) {
    throw new Error(`error parsing jsonpath ${template}, ${(err as Error).message}`);
  }
  return {
    print(obj) {
      try {
        // A fresh evaluator per object: range state must not leak between them.
        return JsonPath.parse(template, opts).execute(obj);
      } catch (err) {
        const debug =
          `Error executing template: ${(err as Error).message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n`;
        // kubectl's fmt.Errorf("error executing jsonpath %q: %v\n") adds one more line break after
        // the dump's two; the command's error printer then adds none.
        throw new Error(`error executing jsonpath ${JSON.stringify(template)}: ${debug}\n`);
      }
    },
  };
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** kubectl's RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  if (!expr) return expr;
  const m = RELAXED.exec(expr);
  if (!m) throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}

interface Column {
  header: string;
  path: JsonPath;
}

function columnsFromSpec(spec: string): { header: string; expr: string }[] {
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), expr: relaxedJsonPath(part.slice(colon + 1)) };
  });
}

function columnsFromFile(text: string): { header: string; expr: string }[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const words = (l: string | undefined) => (l ?? '').split(/\s+/).filter(Boolean);
  if (lines.length < 1 || (lines.length === 1 && lines[0] === ''))
    throw new Error('invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.');
  if (lines.length < 2 || (lines.length === 2 && lines[1] === '' && !text.endsWith('\n\n') && text.endsWith('\n')))
    throw new Error('invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.');
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) throw new Error(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  return headers.map((header, i) => ({ header, expr: relaxedJsonPath(specs[i]!) }));
}

/** printers.EscapeTerminal: no terminal escapes or carriage returns from the data. */
const escapeTerminal = (s: string) => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

function customColumnsPrinter(format: string, value: string, flags: TemplateFlags): ObjectPrinter {
  if (!value) throw new Error('custom-columns format specified but no custom columns given');
  let specs: { header: string; expr: string }[];
  let noHeaders = flags.noHeaders;
  if (format === 'custom-columns-file') {
    let text: string;
    try {
      text = readFileSync(resolve(flags.cwd, value), 'utf8');
    } catch {
      throw new Error(`error reading template ${value}, open ${value}: no such file or directory\n`);
    }
    specs = columnsFromFile(text);
    noHeaders = false;
  } else specs = columnsFromSpec(value);
  const columns: Column[] = specs.map((s) => ({ header: s.header, path: JsonPath.parse(s.expr, { allowMissingKeys: true }) }));
  // As kubectl's printer: the header once, and widths that never shrink from one call to the next.
  let printedHeader = false;
  const remembered: number[] = [];
  return {
    tabular: true,
    print(obj) {
      const items = obj.kind === 'List' && Array.isArray(obj.items) ? (obj.items as Record<string, unknown>[]) : [obj];
      const lines: string[][] = noHeaders || printedHeader ? [] : [columns.map((c) => c.header)];
      printedHeader = true;
      for (const item of items)
        lines.push(
          columns.map((c) => {
            const values = c.path.findResults(item).flat();
            return values.length ? values.map((v) => escapeTerminal(goSprint(v))).join(',') : '<none>';
          }),
        );
      // Cells go through Go's tabwriter as text: a tab or line break inside a value splits it.
      const text = lines.map((l) => `${l.join('\t')}\n`).join('');
      return alignColumns(text.split('\n').slice(0, -1).map((l) => l.split('\t')), { remembered });
    },
  };
}
