import { cases } from './patch-scale.cases';
import { goldenSuite } from './suite';

goldenSuite('patch-scale', cases);
