// Golden cases of kubectl auth can-i and auth whoami: see suite.ts.
import { goldenSuite } from './suite';
import { cases } from './auth.cases';

goldenSuite('auth', cases);
