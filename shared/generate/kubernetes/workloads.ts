// Each workload's controller (Deployment, or StatefulSet when stateful), named after the workload.
import type { Design } from '../../model/schema'
import { DATA_VOLUME_SIZE } from './defaults'
import { selectorLabels, workloadLabels } from './labels'
import { DATA_VOLUME } from './names'
import type { KubernetesPlatform } from './platform'
import { podDisruptionBudget } from './pdb'
import { podTemplate } from './pod-spec'
import { serviceAccount } from './service-accounts'
import { ingress } from './ingress'
import { rbacManifests } from './rbac'
import { services } from './services'
import type { Manifest, ManifestFile, WorkloadPlan } from './types'

/** The Deployment or StatefulSet running the workload. */
export function controller(
  design: Design,
  platform: KubernetesPlatform,
  plan: WorkloadPlan,
): Manifest {
  const { workload } = plan
  const metadata = {
    name: workload.name,
    namespace: plan.namespace,
    labels: workloadLabels(design, workload),
  }
  const common = {
    replicas: workload.replicas,
    selector: { matchLabels: selectorLabels(design, workload) },
    template: podTemplate(design, platform, plan),
  }
  if (plan.controller === 'Deployment')
    return { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec: common }
  const claim = workload.needs.writablePaths.length > 0
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata,
    spec: {
      serviceName: plan.serviceName ?? workload.name,
      ...common,
      ...(claim
        ? {
            volumeClaimTemplates: [
              {
                metadata: { name: DATA_VOLUME },
                spec: {
                  accessModes: ['ReadWriteOnce'],
                  resources: { requests: { storage: DATA_VOLUME_SIZE } },
                },
              },
            ],
          }
        : {}),
    },
  }
}

/**
 * The workload's file, in apply order: ServiceAccount, its RBAC, controller, Services, Ingress and
 * PodDisruptionBudget.
 */
export function workloadManifests(
  design: Design,
  platform: KubernetesPlatform,
  plan: WorkloadPlan,
): ManifestFile {
  const objects = [
    serviceAccount(design, plan),
    ...rbacManifests(design, plan),
    controller(design, platform, plan),
    ...services(design, plan),
    ingress(design, plan),
    podDisruptionBudget(design, plan),
  ].filter((o): o is Manifest => o !== undefined)
  return { path: plan.file, objects }
}
