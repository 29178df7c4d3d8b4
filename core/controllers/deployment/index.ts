export { DeploymentController } from './deployment-controller';
export { computeHash } from './hash';
