import { cases } from './create.cases';
import { goldenSuite } from './suite';

goldenSuite('create', cases);
