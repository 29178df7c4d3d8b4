import { cases } from './rollout.cases';
import { goldenSuite } from './suite';

goldenSuite('rollout', cases);
