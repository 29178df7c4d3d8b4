// spec.podFailurePolicy: the first rule matching a failed pod decides whether it fails the
// Job (FailJob), is not counted against backoffLimit (Ignore) or is counted (Count).
import type { PodFailurePolicy, PodFailurePolicyRule } from 'kubernetes-types/batch/v1';
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';

export interface PolicyMatch {
  /** Set when the matching rule fails the whole Job. */
  failJobMessage?: string;
  countFailed: boolean;
  action?: string;
}

function matchingExitCode(rule: PodFailurePolicyRule, pod: Pod): ContainerStatus | undefined {
  const req = rule.onExitCodes;
  if (!req) return undefined;
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  return statuses.find((s) => {
    const code = s.state?.terminated?.exitCode;
    if (code === undefined || code === 0) return false;
    if (req.containerName && req.containerName !== s.name) return false;
    return req.operator === 'In' ? req.values.includes(code) : !req.values.includes(code);
  });
}

function matchingCondition(rule: PodFailurePolicyRule, pod: Pod): string | undefined {
  for (const pattern of rule.onPodConditions ?? []) {
    const c = pod.status?.conditions?.find((c) => c.type === pattern.type);
    if (c && c.status === (pattern.status || 'True')) return c.type;
  }
  return undefined;
}

export function matchPodFailurePolicy(policy: PodFailurePolicy, pod: Pod): PolicyMatch {
  const podName = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
  for (const [i, rule] of policy.rules.entries()) {
    const container = matchingExitCode(rule, pod);
    const condition = container ? undefined : matchingCondition(rule, pod);
    if (!container && !condition) continue;
    const action = rule.action;
    if (action === 'Ignore') return { countFailed: false, action };
    if (action === 'FailJob') {
      const failJobMessage = container
        ? `Container ${container.name} for pod ${podName} failed with exit code ${container.state!.terminated!.exitCode} matching ${action} rule at index ${i}`
        : `Pod ${podName} has condition ${condition} matching ${action} rule at index ${i}`;
      return { failJobMessage, countFailed: true, action };
    }
    return { countFailed: true, action };
  }
  return { countFailed: true };
}
