// --overrides and --override-type (cmdutil.OverrideOptions, for run and expose): a JSON merge
// patch (the default), an RFC 6902 JSON patch or a strategic merge patch applied to the
// generated object as its Go type writes it, the result read back as that type. kubectl walks
// its compiled-in types for the strategic patch; we take the kind's schema from the server.
import { CommandError, type CommandContext } from '../command';
import { patchChoice } from '../apply/patch-schema';
import type { FlagSpec, Flags } from '../flags';
import { eachJsonValue, JsonStreamError } from '../manifests/json-stream';
import { goTyped } from '../printers/go-typed';
import { applyJsonPatch, PatchError } from '../../apiserver/patch/json-patch';
import { applyMergePatch } from '../../apiserver/patch/merge-patch';
import { applyStrategicMergePatch } from '../../apiserver/patch/strategic-merge-patch';
import type { SchemaNode } from '../../registry/openapi/schema-node';

type Obj = Record<string, unknown>;

export const OVERRIDE_FLAGS: FlagSpec[] = [
  { name: 'overrides', type: 'string' },
  { name: 'override-type', type: 'string' },
];

/** The override as JSON, or `invalid` (undefined: encoding/json's own syntax error text). */
function parse(text: string, invalid?: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    if (invalid) throw new CommandError(invalid);
    try {
      eachJsonValue(text, () => undefined);
    } catch (err) {
      if (err instanceof JsonStreamError) throw new CommandError(err.message === 'unexpected EOF' ? 'unexpected end of JSON input' : err.message.replace(/^json: offset \d+: /, ''));
    }
    throw new CommandError('unexpected end of JSON input');
  }
}

/** The generated object with the user's overrides applied; `schema` gives the kind's schema for a strategic patch. */
export async function applyOverrides(obj: Obj, flags: Flags, schema: () => Promise<SchemaNode | undefined>): Promise<Obj> {
  const overrides = flags.string('overrides');
  if (!overrides) return obj;
  const type = flags.string('override-type') || 'merge';
  const doc = goTyped(obj);
  let patched: unknown;
  if (type === 'merge') patched = applyMergePatch(doc, parse(overrides, 'Invalid JSON Patch'));
  else if (type === 'json') {
    try {
      patched = applyJsonPatch(doc, parse(overrides));
    } catch (err) {
      // The patch library's own words, which the server keeps to itself.
      throw new CommandError(err instanceof PatchError ? err.detail : (err as Error).message);
    }
  } else if (type === 'strategic') {
    const patch = parse(overrides, 'invalid JSON document');
    if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw new CommandError('invalid JSON document');
    try {
      patched = applyStrategicMergePatch(doc, patch, await schema());
    } catch (err) {
      throw new CommandError(err instanceof PatchError ? err.detail : (err as Error).message);
    }
  }
  else throw new CommandError(`invalid override type: ${type}`);
  if (!patched || typeof patched !== 'object' || Array.isArray(patched))
    throw new CommandError(
      `couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(patched) ? 'array' : typeof patched} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
    );
  const result = patched as Obj;
  if (result.apiVersion !== obj.apiVersion || result.kind !== obj.kind)
    throw new CommandError(`no kind ${JSON.stringify(result.kind)} is registered for version ${JSON.stringify(result.apiVersion)} in scheme "pkg/scheme/scheme.go:28"`);
  return result;
}

/** The schema of a built-in resource ("pods") from the server's OpenAPI, for strategic overrides. */
export async function serverSchema(ctx: CommandContext, resource: string): Promise<SchemaNode | undefined> {
  const session = await ctx.session();
  const choice = await patchChoice(session.rest, (await session.discovery()).resolve(resource));
  return choice.type === 'strategic' ? choice.schema : undefined;
}
