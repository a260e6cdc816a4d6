// tap `after`: stop the run's cluster and remove its files.
import { rmSync } from 'node:fs';
import { readClusterInfo, stopCluster, CLUSTER_FILE } from './cluster.js';

stopCluster(readClusterInfo());
rmSync(CLUSTER_FILE, { force: true });
