// The flags of `wheelhouse app` and `wheelhouse web`, shared by the launcher and Electron's main.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const LAUNCH_USAGE = `  app       Start the desktop app (web mode where Electron is unavailable)
              --web              serve the app to a browser instead of opening a window
              --no-open          in web mode, print the URL without opening a browser
              (and --cluster-port, --data-dir as for web)
  web       Serve the app on 127.0.0.1 for a browser: the same as app --web --no-open
              --port PORT        web port (default 0: any free port)
              --cluster-port PORT  the embedded cluster's API server port (default 6443, 0 = any)
              --data-dir DIR     settings and the embedded cluster (default ~/.wheelhouse)
`;

export interface LaunchFlags {
  web: boolean;
  open: boolean;
  port: number;
  clusterPort: number;
  dataDir: string;
}

/** The app's flags; bad values throw with the flag's name. */
export function parseLaunchFlags(args: string[], opts: { strict: boolean } = { strict: true }): LaunchFlags {
  const { values } = parseArgs({
    args,
    options: {
      web: { type: 'boolean' },
      'no-open': { type: 'boolean' },
      port: { type: 'string' },
      'cluster-port': { type: 'string' },
      'data-dir': { type: 'string' },
    },
    // Electron's main process also sees Chromium's switches: it reads ours and ignores the rest.
    strict: opts.strict,
    allowPositionals: !opts.strict,
  });
  return {
    web: values.web === true,
    open: values['no-open'] !== true,
    port: portFlag('--port', str(values.port), 0),
    clusterPort: portFlag('--cluster-port', str(values['cluster-port']), 6443),
    dataDir: resolve(str(values['data-dir']) ?? join(homedir(), '.wheelhouse')),
  };
}

function portFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new Error(`${name} must be a number between 0 and 65535, got ${value}`);
  return n;
}

/** Without strict parsing a string flag given with no value comes back as true. */
const str = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);
