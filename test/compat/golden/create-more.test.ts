import { cases } from './create-more.cases';
import { goldenSuite } from './suite';

goldenSuite('create-more', cases);
