// kubectl config: reads and edits kubeconfig files; its subcommands, in kubectl's order.
import type { Command } from '../../command';
import { deleteCluster, getClusters, setCluster } from './clusters';
import { currentContext, deleteContext, getContextsCommand, renameContext, setContext, useContext } from './contexts';
import { set, unset } from './set-unset';
import { deleteUser, getUsers, setCredentials } from './users';
import { view } from './view';

export const config: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  group: {
    long: `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.`,
    usage: 'config SUBCOMMAND',
  },
  subcommands: [currentContext, deleteCluster, deleteContext, deleteUser, getClusters, getContextsCommand, getUsers, renameContext, set, setCluster, setContext, setCredentials, unset, useContext, view],
};
