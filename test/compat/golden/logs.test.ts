import { cases } from './logs.cases';
import { goldenSuite } from './suite';

goldenSuite('logs', cases);
