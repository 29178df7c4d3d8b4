import { cases } from './node-ops.cases';
import { goldenSuite } from './suite';

goldenSuite('node-ops', cases);
