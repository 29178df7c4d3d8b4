import { cases } from './expose-run.cases';
import { goldenSuite } from './suite';

goldenSuite('expose-run', cases);
