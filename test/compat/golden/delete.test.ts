import { cases } from './delete.cases';
import { goldenSuite } from './suite';

goldenSuite('delete', cases);
