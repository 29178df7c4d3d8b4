// Admission plugins run in order: every mutating step, then every validating step.
import type { Admission, AdmissionRequest } from '../../registry/generic/resource-store';

export interface AdmissionPlugin {
  name: string;
  mutate?(req: AdmissionRequest): Promise<void> | void;
  validate?(req: AdmissionRequest): Promise<void> | void;
}

export function admissionChain(plugins: AdmissionPlugin[]): Admission {
  return {
    async mutate(req) {
      for (const p of plugins) await p.mutate?.(req);
    },
    async validate(req) {
      for (const p of plugins) await p.validate?.(req);
    },
  };
}
