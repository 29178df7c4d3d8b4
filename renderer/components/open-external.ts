// Opens an http(s) address outside the app: through the host's system browser in Electron, in
// a new tab (without an opener) in web mode, where the page is already in the user's browser.
import { ref, type Ref } from 'vue';
import type { AppInfo } from '../../electron/bridge/contract';
import { getBridge } from '../bridge/client';
import { useClusterStore } from '../stores/cluster';

export async function openExternal(url: string, mode: AppInfo['mode'] | undefined): Promise<void> {
  if (!/^https?:\/\//.test(url)) throw new Error(`Only http and https addresses open: ${url}`);
  if (mode === 'electron') await getBridge().invoke('shell:openExternal', { url });
  else window.open(url, '_blank', 'noopener,noreferrer');
}

/** For a view's links: `open` opens an address in the app's mode, `openError` says why one
 *  did not open. */
export function useOpenExternal(): { openError: Ref<string | undefined>; open(url: string): Promise<void> } {
  const cluster = useClusterStore();
  const openError = ref<string>();
  async function open(url: string): Promise<void> {
    openError.value = undefined;
    try {
      await openExternal(url, cluster.app?.mode);
    } catch (err) {
      openError.value = (err as Error).message;
    }
  }
  return { openError, open };
}
