// Completion and hover from the cluster's OpenAPI schema, for the document at the cursor: the
// keys valid at the cursor's path with their types and descriptions, a field's enum values,
// and a key's description on hover (what kubectl explain prints).
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { EditorState, type Extension, type Text } from '@codemirror/state';
import { hoverTooltip } from '@codemirror/view';
import { schemaAt, typeLabel, type SchemaRef } from './openapi-schema';
import { lineInfo, pathAt, type PathSegment } from './yaml-lines';

/** The schema of a kind's objects, or undefined where the cluster has none. */
export type SchemaLookup = (apiVersion: string, kind: string) => Promise<SchemaRef | undefined>;

interface DocumentAt {
  lines: string[];
  /** The cursor's line within `lines`. */
  index: number;
  apiVersion?: string;
  kind?: string;
}

/** The lines of the YAML document (between --- separators) around a line of the text. */
function documentAt(doc: Text, lineNumber: number): DocumentAt {
  const isSeparator = (n: number) => /^---(\s|$)/.test(doc.line(n).text);
  let first = lineNumber;
  while (first > 1 && !isSeparator(first - 1)) first--;
  let last = lineNumber;
  while (last < doc.lines && !isSeparator(last + 1)) last++;
  const lines: string[] = [];
  for (let n = first; n <= last; n++) lines.push(doc.line(n).text);
  const top = (key: string) => lines.map((l) => new RegExp(`^${key}:\\s*["']?([^"'\\s#]+)`).exec(l)?.[1]).find(Boolean);
  return { lines, index: lineNumber - first, apiVersion: top('apiVersion'), kind: top('kind') };
}

async function schemaOf(lookup: SchemaLookup, at: DocumentAt, path: PathSegment[]): Promise<SchemaRef | undefined> {
  if (!at.apiVersion || !at.kind) return undefined;
  const root = await lookup(at.apiVersion, at.kind);
  return root && schemaAt(root, path);
}

function completionSource(lookup: SchemaLookup) {
  return async (ctx: CompletionContext): Promise<CompletionResult | null> => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, ctx.pos - line.from);
    const at = documentAt(ctx.state.doc, line.number);
    const value = /^\s*(?:-\s+)?([\w.\-/]+):\s+["']?([\w.-]*)$/.exec(before);
    if (value) {
      const field = await schemaOf(lookup, at, [...pathAt(at.lines, at.index, before.search(/\S/)), value[1]!]);
      const options = (field?.schema.enum ?? []).map((v): Completion => ({ label: String(v), type: 'enum' }));
      return options.length ? { from: ctx.pos - value[2]!.length, options, validFor: /^[\w.-]*$/ } : null;
    }
    const key = /^(\s*(?:-\s+)?)([\w.\-/]*)$/.exec(before);
    if (!key || (!key[2] && !ctx.explicit)) return null;
    const mapping = await schemaOf(lookup, at, pathAt(at.lines, at.index, key[1]!.length));
    const properties = mapping?.schema.properties;
    if (!properties) return null;
    const options = Object.entries(properties).map(
      ([name, schema]): Completion => ({
        label: name,
        type: 'property',
        detail: typeLabel({ doc: mapping.doc, schema }),
        info: schema.description,
        apply: `${name}: `,
        boost: mapping.schema.required?.includes(name) ? 1 : 0,
      }),
    );
    return { from: ctx.pos - key[2]!.length, options, validFor: /^[\w.\-/]*$/ };
  };
}

const hover = (lookup: SchemaLookup) =>
  hoverTooltip(async (view, pos) => {
    const line = view.state.doc.lineAt(pos);
    const info = lineInfo(line.text);
    if (info?.key === undefined) return null;
    const start = line.from + info.col;
    const end = start + info.key.length;
    if (pos < start || pos > end) return null;
    const at = documentAt(view.state.doc, line.number);
    const field = await schemaOf(lookup, at, [...pathAt(at.lines, at.index, info.col), info.key]);
    if (!field) return null;
    return {
      pos: start,
      end,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-schema-hover';
        const head = dom.appendChild(document.createElement('div'));
        head.className = 'cm-schema-hover-type';
        head.textContent = `${info.key}: ${typeLabel(field)}`;
        dom.appendChild(document.createElement('div')).textContent = field.schema.description ?? '';
        return { dom };
      },
    };
  });

export function schemaAssist(lookup: SchemaLookup): Extension {
  // One source for the editor's life: the completion state tells sources apart by identity.
  const data = [{ autocomplete: completionSource(lookup) }];
  return [EditorState.languageData.of(() => data), hover(lookup)];
}
