import { cases } from './manifests.cases';
import { goldenSuite } from './suite';

goldenSuite('manifests', cases);
