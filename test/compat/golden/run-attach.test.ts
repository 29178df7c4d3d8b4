import { cases } from './run-attach.cases';
import { goldenSuite } from './suite';

goldenSuite('run-attach', cases, { viaCli: true });
