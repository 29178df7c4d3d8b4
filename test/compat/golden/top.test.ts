import { cases } from './top.cases';
import { goldenSuite } from './suite';

// Metrics every second, so a new pod's appear while its case is set up.
goldenSuite('top', cases, { clusterArgs: ['--metric-resolution', '1s'] });
