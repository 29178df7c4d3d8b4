// Admission plugins run in order: every mutating step, then every validating step.
import type { Admission, AdmissionRequest } from '../../registry/generic/resource-store';

export interface AdmissionPlugin {
  name: string;
  mutate?(req: AdmissionRequest): Promise<void> | void;
  validate?(req: AdmissionRequest): Promise<void> | void;
}

export function admissionChain(plugins: AdmissionPlugin[]): Admission {
  // Most steps are synchronous: awaiting only the promises they return saves a microtask turn
  // per plugin on every write.
  return {
    async mutate(req) {
      for (const p of plugins) {
        const pending = p.mutate?.(req);
        if (pending) await pending;
      }
    },
    async validate(req) {
      for (const p of plugins) {
        const pending = p.validate?.(req);
        if (pending) await pending;
      }
    },
  };
}
