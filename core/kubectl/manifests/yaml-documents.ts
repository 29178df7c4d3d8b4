// A YAML stream read as kubectl reads it: split into documents at lines starting with "---"
// (apimachinery's YAMLReader: only a comment may follow the separator), each document decoded
// as sigs.k8s.io/yaml's YAMLToJSON does with go-yaml v2 (YAML 1.1: yes/no/on/off are booleans,
// timestamps stay strings, merge keys merge, a repeated key keeps its last value). js-yaml does the parsing; its errors are told in
// go-yaml's words for the usual mistakes, with go-yaml's line numbers (relative to the document).
import * as yaml from 'js-yaml';

export class YamlStreamError extends Error {}

/** go-yaml v2's scalars (YAML 1.1), except timestamps, which YAMLToJSON keeps as strings. */
const SCHEMA = yaml.CORE_SCHEMA.withTags(yaml.boolYaml11Tag, yaml.intYaml11Tag, yaml.floatYaml11Tag, yaml.nullYaml11Tag, yaml.mergeTag);

/** The documents of a stream, by YAMLReader's rules; throws its separator error. */
export function splitDocuments(text: string): string[] {
  const documents: string[] = [];
  let current: string[] = [];
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  for (const line of lines) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest && !rest.startsWith('#')) throw new YamlStreamError(`invalid Yaml document separator: ${rest}`);
      if (current.length) documents.push(current.join(''));
      current = [];
      continue;
    }
    current.push(line);
  }
  if (current.length) documents.push(current.join(''));
  return documents;
}

/**
 * What is still open where the text ends: a quoted scalar, or a flow collection (its bracket,
 * and whether an entry follows its last "[", "{" or ",").
 */
function openAtEnd(text: string): { quote: true } | { bracket: string; entry: boolean } | undefined {
  let quote: string | undefined;
  const brackets: string[] = [];
  let entry = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,-]/.test(text[i - 1]!))) quote = c;
    else if (c === '[' || c === '{') {
      brackets.push(c);
      entry = false;
    } else if ((c === ']' || c === '}') && brackets.length) {
      brackets.pop();
      entry = true;
    } else if (c === ',') entry = false;
    else if (!/\s/.test(c)) entry = true;
  }
  if (quote) return { quote: true };
  const bracket = brackets.pop();
  return bracket ? { bracket, entry } : undefined;
}

/**
 * go-yaml's message for a js-yaml error. go-yaml numbers scanner errors from 1 and parser
 * errors from 0 (it reports the parser's 0-based mark as is).
 */
function goYamlMessage(err: yaml.YAMLException, text: string): string {
  const mark = err.mark;
  const line = mark?.line ?? 0;
  const eofLine = text.split('\n').length - 1;
  const reason = err.reason ?? err.message;
  if (reason.includes('tab characters')) return `line ${line + 1}: found character that cannot start any token`;
  if (reason.includes('end of the stream') || reason.includes('deficient indentation')) {
    const open = openAtEnd(text);
    if (open && 'quote' in open) return `line ${eofLine + 1}: found unexpected end of stream`;
    if (open?.entry) return `line ${eofLine}: did not find expected ',' or '${open.bracket === '[' ? ']' : '}'}'`;
    if (open) return `line ${eofLine}: did not find expected node content`;
  }
  if (reason.includes('bad indentation of a mapping entry') || reason.includes('bad indentation of a sequence entry')) {
    if (mark && text[mark.position] === ':') return `line ${line + 1}: mapping values are not allowed in this context`;
    return `line ${line}: did not find expected key`;
  }
  return `line ${line + 1}: ${reason}`;
}

/** One document as YAMLToJSON decodes it (null for an empty one). */
export function decodeYamlDocument(text: string): unknown {
  try {
    const docs = yaml.loadAll(text, { schema: SCHEMA, json: true });
    return docs.length ? JSON.parse(JSON.stringify(docs[0] ?? null)) : null;
  } catch (err) {
    if (err instanceof yaml.YAMLException) throw new YamlStreamError(`error converting YAML to JSON: yaml: ${goYamlMessage(err, text)}`);
    throw err;
  }
}
