// Golden cases of kubectl version, api-resources, api-versions, cluster-info and explain: see suite.ts.
import { goldenSuite } from './suite';
import { cases } from './info.cases';

goldenSuite('info', cases);
