// A YAML text as the documents kubectl apply -f would read from it, each with the line it
// starts on, so errors found in one document can be shown at the line of the whole text.
import * as yaml from 'js-yaml';

export interface YamlDocument {
  text: string;
  /** 0-based line of the whole text where this document's text starts. */
  startLine: number;
}

export interface ParsedDocument extends YamlDocument {
  object: Record<string, unknown>;
}

/** An error at a 1-based line of the whole text. */
export interface LineError {
  line: number;
  message: string;
}

export function splitDocuments(text: string): YamlDocument[] {
  const lines = text.split('\n');
  const docs: YamlDocument[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || /^---(\s|$)/.test(lines[i]!)) {
      const body = lines.slice(start, i).join('\n');
      if (body.trim() && !/^(\s*(#.*)?\n?)*$/.test(body)) docs.push({ text: body, startLine: start });
      start = i + 1;
    }
  }
  return docs;
}

/** Each document as an object, or the YAML errors at their lines. */
export function parseDocuments(text: string): { docs: ParsedDocument[]; errors: LineError[] } {
  const docs: ParsedDocument[] = [];
  const errors: LineError[] = [];
  for (const doc of splitDocuments(text)) {
    try {
      const object = yaml.load(doc.text);
      if (object === null || typeof object !== 'object' || Array.isArray(object)) {
        errors.push({ line: doc.startLine + 1, message: 'A document must be a mapping with apiVersion, kind and metadata.' });
      } else docs.push({ ...doc, object: object as Record<string, unknown> });
    } catch (err) {
      const mark = (err as yaml.YAMLException).mark as { line?: number } | undefined;
      const reason = (err as yaml.YAMLException).reason ?? (err as Error).message;
      errors.push({ line: doc.startLine + (mark?.line ?? 0) + 1, message: `YAML: ${reason}` });
    }
  }
  return { docs, errors };
}
