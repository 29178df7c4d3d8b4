// YAML request bodies, decoded with go-yaml's guards: an anchor may not contain itself, and
// aliases may not expand a small document into a huge one (a "billion laughs" body).
import * as yaml from 'js-yaml';
import { MAX_NESTING_DEPTH } from './nesting-depth';

// go-yaml's budget (decode.go, allowedAliasRatio): up to 400,000 decoded nodes 99% may come
// from alias expansion, over 4,000,000 only 10%, scaled linearly in between.
const RATIO_LOW = 400_000;
const RATIO_HIGH = 4_000_000;

function allowedAliasRatio(decodes: number): number {
  if (decodes <= RATIO_LOW) return 0.99;
  if (decodes >= RATIO_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodes - RATIO_LOW) / (RATIO_HIGH - RATIO_LOW));
}

/** An anchored node: its size in decoded nodes (aliases expanded), undefined while still open. */
interface Anchored {
  size: number | undefined;
}

/**
 * Counts the nodes go-yaml would decode, aliases expanded, in one pass over the events and
 * without expanding anything: each anchored node's expanded size is known when it closes.
 */
function checkAliasing(events: yaml.Event[], source: string): boolean {
  let anchors = new Map<string, Anchored>();
  const open: Array<{ anchored: Anchored | undefined; start: number }> = [];
  let decodes = 0;
  let aliased = 0;
  const anchorOf = (e: { anchorStart: number; anchorEnd: number }) => (e.anchorStart < 0 ? undefined : source.slice(e.anchorStart, e.anchorEnd));
  for (const e of events) {
    switch (e.type) {
      case yaml.EVENT_ID.DOCUMENT:
        anchors = new Map();
        open.push({ anchored: undefined, start: decodes++ });
        break;
      case yaml.EVENT_ID.SEQUENCE:
      case yaml.EVENT_ID.MAPPING: {
        const name = anchorOf(e);
        let anchored: Anchored | undefined;
        if (name !== undefined) anchors.set(name, (anchored = { size: undefined }));
        open.push({ anchored, start: decodes++ });
        break;
      }
      case yaml.EVENT_ID.SCALAR: {
        const name = anchorOf(e);
        if (name !== undefined) anchors.set(name, { size: 1 });
        decodes++;
        break;
      }
      case yaml.EVENT_ID.ALIAS: {
        const name = source.slice(e.anchorStart, e.anchorEnd);
        const target = anchors.get(name);
        if (!target) break; // js-yaml reports the unknown alias
        if (target.size === undefined) throw new yaml.YAMLException(`yaml: anchor '${name}' value contains itself`);
        decodes += 1 + target.size;
        aliased += target.size;
        break;
      }
      case yaml.EVENT_ID.POP: {
        const closed = open.pop();
        if (closed?.anchored) closed.anchored.size = decodes - closed.start;
        break;
      }
    }
    if (aliased > 100 && decodes > 1000 && aliased / decodes > allowedAliasRatio(decodes)) {
      throw new yaml.YAMLException('yaml: document contains excessive aliasing');
    }
  }
  return aliased > 0;
}

/** Decodes a single YAML document (JSON schema: no timestamps, no merge keys). */
export function loadYaml(source: string): unknown {
  // The parser recurses: its own bound keeps it inside the stack; the caller checks the
  // decoded depth exactly, aliases included.
  const events = yaml.parseEvents(source, { maxDepth: MAX_NESTING_DEPTH + 2 });
  const hasAliases = checkAliasing(events, source);
  const documents = yaml.constructFromEvents(events, { source, schema: yaml.JSON_SCHEMA });
  if (documents.length === 0) throw new yaml.YAMLException('expected a document, but the input is empty');
  if (documents.length > 1) throw new yaml.YAMLException('expected a single document in the stream, but found more');
  // js-yaml makes every alias of a collection the same object, go-yaml a copy: defaulting or
  // pruning one container's anchored resources must not touch another's. The alias budget
  // above bounds the copy.
  return hasAliases ? JSON.parse(JSON.stringify(documents[0])) : documents[0];
}
