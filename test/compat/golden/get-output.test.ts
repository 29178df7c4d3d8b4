import { cases } from './get-output.cases';
import { goldenSuite } from './suite';

goldenSuite('get-output', cases);
