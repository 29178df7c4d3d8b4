export { StatefulSetController } from './statefulset-controller';
