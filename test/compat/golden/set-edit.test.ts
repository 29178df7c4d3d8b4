import { cases } from './set-edit.cases';
import { goldenSuite } from './suite';

goldenSuite('set-edit', cases, { viaCli: true });
