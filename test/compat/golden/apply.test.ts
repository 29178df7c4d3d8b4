import { cases } from './apply.cases';
import { goldenSuite } from './suite';

goldenSuite('apply', cases);
