// Query parameters and headers shared by the REST verbs, read and checked once.
import type { IncomingMessage } from 'node:http';
import { badRequest } from '../../machinery/status';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface TableRequest {
  /** 'None', 'Metadata' (default) or 'Object': what each row carries. */
  includeObject: 'None' | 'Metadata' | 'Object';
}

export type ResponseShape =
  | { kind: 'object' }
  | { kind: 'table'; table: TableRequest }
  | { kind: 'metadata' };

/** Reads Accept the way the real server negotiates: Table and PartialObjectMetadata by "as=". */
export function responseShape(req: IncomingMessage, query: URLSearchParams): ResponseShape {
  const accept = req.headers.accept ?? '';
  for (const part of accept.split(',')) {
    const params = new Map(
      part
        .split(';')
        .slice(1)
        .map((p) => p.trim().split('=') as [string, string]),
    );
    const as = params.get('as');
    if (params.get('g') !== 'meta.k8s.io') continue;
    if (as === 'Table') {
      const io = query.get('includeObject') ?? 'Metadata';
      if (io !== 'None' && io !== 'Metadata' && io !== 'Object') {
        throw badRequest(`includeObject: Unsupported value: "${io}": supported values: "Metadata", "None", "Object"`);
      }
      return { kind: 'table', table: { includeObject: io } };
    }
    if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') return { kind: 'metadata' };
  }
  return { kind: 'object' };
}

export function dryRunOf(query: URLSearchParams): boolean {
  const values = query.getAll('dryRun');
  for (const v of values) if (v !== 'All') throw badRequest(`dryRun: Unsupported value: "${v}": supported values: "All"`);
  return values.length > 0;
}

export function fieldValidationOf(query: URLSearchParams): FieldValidation {
  const v = query.get('fieldValidation');
  if (v === null || v === '') return 'Warn';
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  throw badRequest(`fieldValidation: Unsupported value: "${v}": supported values: "Ignore", "Strict", "Warn"`);
}

/** The field manager: the query parameter, or the user agent's program name as the real server. */
export function fieldManagerOf(req: IncomingMessage, query: URLSearchParams): string {
  const explicit = query.get('fieldManager');
  if (explicit !== null) {
    if (explicit.length > 128) throw badRequest('fieldManager: Too long: may not be longer than 128');
    return explicit;
  }
  const ua = req.headers['user-agent'] ?? 'unknown';
  return ua.split('/')[0]!.slice(0, 128);
}

export function intParam(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) throw badRequest(`${name}: Invalid value: "${v}": must be an integer`);
  return Number(v);
}

export function boolParam(query: URLSearchParams, name: string): boolean | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw badRequest(`${name}: Invalid value: "${v}": must be a boolean`);
}
