// One PATCH at a time from an action button, its failure explained in words (api-errors).
import { ref } from 'vue';
import { kubeRequest } from '../../kube/api';
import { explained } from '../../kube/api-errors';

export const STRATEGIC = 'application/strategic-merge-patch+json';
export const JSON_PATCH = 'application/json-patch+json';

export function usePatch() {
  const busy = ref(false);
  const error = ref<string>();
  const done = ref<string>();

  /** Sends the patch built by body() (which may throw a refusal); says success in words. */
  async function patch(path: string, contentType: string, body: () => unknown, success: string): Promise<boolean> {
    busy.value = true;
    error.value = undefined;
    done.value = undefined;
    try {
      const payload = body();
      await explained('patch', path, () => kubeRequest({ method: 'PATCH', path, contentType, body: payload }));
      done.value = success;
      return true;
    } catch (err) {
      error.value = (err as Error).message;
      return false;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, done, patch };
}
