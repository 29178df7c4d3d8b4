import { cases } from './describe.cases';
import { goldenSuite } from './suite';

goldenSuite('describe', cases);
