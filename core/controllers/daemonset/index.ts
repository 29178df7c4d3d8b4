export { DaemonSetController } from './daemonset-controller';
