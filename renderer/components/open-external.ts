// Opens an http(s) address outside the app: through the host's system browser in Electron, in
// a new tab (without an opener) in web mode, where the page is already in the user's browser.
import type { AppInfo } from '../../electron/bridge/contract';
import { getBridge } from '../bridge/client';

export async function openExternal(url: string, mode: AppInfo['mode'] | undefined): Promise<void> {
  if (!/^https?:\/\//.test(url)) throw new Error(`Only http and https addresses open: ${url}`);
  if (mode === 'electron') await getBridge().invoke('shell:openExternal', { url });
  else window.open(url, '_blank', 'noopener,noreferrer');
}
