// CustomResourceDefinitions print with the default NAME, CREATED AT table, as in Kubernetes.
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { defaultPrinter } from '../printing/default-printer';

export const printer: Printer<Kube<CustomResourceDefinition>> = defaultPrinter();
