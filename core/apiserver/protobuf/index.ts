// Decoding of Kubernetes protobuf request bodies (application/vnd.kubernetes.protobuf) into
// the JSON object a JSON client would have sent, so the rest of the API server sees JSON only.

import { schemaNameForKind } from '../../registry/openapi/definitions';
import { messageToJson } from './decode-message';
import { readEnvelope } from './envelope';
import { messageLayout } from '../../registry/protobuf/field-table';
import { ProtobufDecodeError } from '../../registry/protobuf/wire';

export { ProtobufDecodeError } from '../../registry/protobuf/wire';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';

/** True for application/vnd.kubernetes.protobuf, with or without parameters. */
export function isProtobufContentType(contentType: string | undefined): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === PROTOBUF_CONTENT_TYPE;
}

export interface DecodedProtobuf {
  apiVersion: string;
  kind: string;
  /** The object in JSON form, with kind and apiVersion set. */
  object: Record<string, unknown>;
}

function splitApiVersion(apiVersion: string): [group: string, version: string] {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

/** Option kinds (DeleteOptions) are registered in every group version, as in the real server. */
function optionsSchema(kind: string): string | undefined {
  const name = `io.k8s.apimachinery.pkg.apis.meta.v1.${kind}`;
  return kind.endsWith('Options') && messageLayout(name) ? name : undefined;
}

/**
 * Decodes a protobuf request body. The kind comes from the envelope; `defaults` (the kind the
 * URL expects) fills in what the envelope leaves empty, as the real server does.
 * Throws ProtobufDecodeError for bodies that are not valid or name a kind without protobuf.
 */
export function decodeKubeProtobuf(body: Uint8Array, defaults?: { apiVersion?: string; kind?: string }): DecodedProtobuf {
  const envelope = readEnvelope(body);
  const apiVersion = envelope.apiVersion || defaults?.apiVersion || '';
  const kind = envelope.kind || defaults?.kind || '';
  if (!kind) throw new ProtobufDecodeError('Object \'Kind\' is missing in protobuf body');
  if (!apiVersion) throw new ProtobufDecodeError('Object \'apiVersion\' is missing in protobuf body');
  const [group, version] = splitApiVersion(apiVersion);
  const schemaName = schemaNameForKind(group, version, kind) ?? optionsSchema(kind);
  if (!schemaName) throw new ProtobufDecodeError(`no kind "${kind}" is registered for version "${apiVersion}"`);
  const fields = messageToJson(schemaName, envelope.raw) as Record<string, unknown>;
  return { apiVersion, kind, object: { kind, apiVersion, ...fields } };
}
