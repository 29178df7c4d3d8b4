import { cases } from './label-annotate.cases';
import { goldenSuite } from './suite';

goldenSuite('label-annotate', cases);
