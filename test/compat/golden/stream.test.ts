import { cases } from './stream.cases';
import { goldenSuite } from './suite';

goldenSuite('stream', cases, { viaCli: true });
