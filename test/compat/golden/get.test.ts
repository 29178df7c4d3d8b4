import { cases } from './get.cases';
import { goldenSuite } from './suite';

goldenSuite('get', cases);
