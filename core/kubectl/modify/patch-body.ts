// kubectl patch's -p / --patch-file text as kubectl sends it (apimachinery yaml.ToJSON): JSON
// objects pass untouched, anything else is read as YAML (go-yaml's rules) and sent as JSON.
import { CommandError } from '../command';
import { decodeYamlDocument, YamlStreamError } from '../manifests/yaml-documents';

export function patchBody(text: string, shownPatch: string): string {
  if (/^\s*\{/.test(text)) return text;
  try {
    return JSON.stringify(decodeYamlDocument(text));
  } catch (err) {
    if (!(err instanceof YamlStreamError)) throw err;
    // yaml.ToJSON reports go-yaml's own error, without the decoder's prefix.
    throw new CommandError(`unable to parse ${JSON.stringify(shownPatch)}: ${err.message.replace(/^error converting YAML to JSON: /, '')}`);
  }
}
