// What /version reports. The API surface follows Kubernetes 1.32, so kubectl 1.31-1.33
// talk to it without skew warnings.
import { arch, platform } from 'node:os';

export const KUBERNETES_VERSION = 'v1.32.0';
export const WHEELHOUSE_VERSION = '0.1.0';

export function serverVersion(): object {
  return {
    major: '1',
    minor: '32',
    gitVersion: `${KUBERNETES_VERSION}+wheelhouse-${WHEELHOUSE_VERSION}`,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-11-22T00:00:00Z',
    goVersion: `node${process.versions.node}`,
    compiler: 'wheelhouse',
    platform: `${platform()}/${arch() === 'x64' ? 'amd64' : arch()}`,
  };
}
