import { cases } from './watch.cases';
import { goldenSuite } from './suite';

goldenSuite('watch', cases);
