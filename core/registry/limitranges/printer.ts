// LimitRanges have no printer of their own in Kubernetes: the default NAME, CREATED AT table.
import type { LimitRange } from 'kubernetes-types/core/v1';
import type { Printer } from '../types';
import type { Kube } from '../../machinery/object';
import { defaultPrinter } from '../printing/default-printer';

export const printer: Printer<Kube<LimitRange>> = defaultPrinter();
