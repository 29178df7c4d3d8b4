// Request bodies: size-limited, JSON, YAML or protobuf, bounded in depth, as the API server decodes them.
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest, tooLarge } from '../../machinery/status';
import { decodeKubeProtobuf, isProtobufContentType, ProtobufDecodeError } from '../protobuf';
import { checkNestingDepth, NestingTooDeepError } from './nesting-depth';
import { loadYaml } from './yaml-body';

/** The real API server refuses bodies over 3 MiB (apiserver's MaxRequestBodyBytes). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    throw tooLarge('Request entity too large: limit is 3145728');
  }
  // Plain 'data'/'end' events: an async iterator costs a promise per chunk on every request.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.destroy();
        reject(tooLarge('Request entity too large: limit is 3145728'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    // Every request closes; the error (and its stack trace) is only made for one cut short.
    const cutShort = () => {
      if (!req.complete) reject(badRequest('the request body was cut short'));
    };
    req.on('error', cutShort);
    req.on('close', cutShort);
  });
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Decodes a JSON, YAML or protobuf body; errors name what is wrong, as the real decoder does.
 * Every decoded value is bounded in depth, which keeps all later recursive walks on the stack.
 */
export function decodeBody(raw: Buffer, contentType: string | undefined): unknown {
  // kubectl sends built-in kinds as Kubernetes protobuf (kubectl create, autoscale, ...).
  if (isProtobufContentType(contentType)) {
    try {
      const { object } = decodeKubeProtobuf(raw);
      checkNestingDepth(object);
      return object;
    } catch (e) {
      if (e instanceof ProtobufDecodeError || e instanceof NestingTooDeepError) throw badRequest(e.message);
      throw e;
    }
  }
  const type = mediaType(contentType);
  const text = raw.toString('utf8');
  if (text.trim() === '') throw badRequest('the body of the request was empty');
  if (type === 'application/yaml' || type === 'application/apply-patch+yaml') {
    try {
      const value = loadYaml(text);
      checkNestingDepth(value);
      return value;
    } catch (e) {
      throw badRequest(`error converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (type !== '' && !type.endsWith('json')) {
    throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`);
  }
  try {
    const value: unknown = JSON.parse(text);
    checkNestingDepth(value);
    return value;
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
  }
}

export function requireObject(v: unknown): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    throw badRequest('Object \'Kind\' is missing in the request body: expected a JSON object');
  }
  return v as Record<string, unknown>;
}

/** The request's body, which must decode to one object (JSON, YAML or protobuf by its Content-Type). */
export async function readObjectBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return requireObject(decodeBody(await readBody(req), req.headers['content-type']));
}
