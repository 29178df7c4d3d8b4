// kubectl patch's -p / --patch-file text as kubectl sends it (apimachinery yaml.ToJSON): JSON
// objects pass untouched, anything else is read as YAML and sent as JSON.
import * as yaml from 'js-yaml';
import { CommandError } from '../command';

export function patchBody(text: string, shownPatch: string): string {
  if (/^\s*\{/.test(text)) return text;
  try {
    return JSON.stringify(yaml.load(text) ?? null);
  } catch (err) {
    const reason = err instanceof yaml.YAMLException ? `yaml: line ${(err.mark?.line ?? 0) + 1}: ${err.reason}` : String(err);
    throw new CommandError(`unable to parse ${JSON.stringify(shownPatch)}: ${reason}`);
  }
}
