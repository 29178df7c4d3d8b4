import { cases } from './create-rbac.cases';
import { goldenSuite } from './suite';

goldenSuite('create-rbac', cases);
