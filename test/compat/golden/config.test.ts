// Golden cases of kubectl config: see suite.ts.
import { goldenSuite } from './suite';
import { cases } from './config.cases';

goldenSuite('config', cases);
