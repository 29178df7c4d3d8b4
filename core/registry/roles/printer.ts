// Roles have no printer of their own in Kubernetes: the default NAME, CREATED AT table.
import type { Role } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { defaultPrinter } from '../printing/default-printer';

export const printer: Printer<Kube<Role>> = defaultPrinter();
