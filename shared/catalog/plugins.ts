// The plugins table, in PLUGIN_IDS order; entries live in plugins/ by category.
import type { Plugin } from './types'
import { awsVpcCni, calico, cilium, flannel, istio, linkerd } from './plugins/networking'
import {
  cosignPolicyController,
  falco,
  gatekeeper,
  kyverno,
  tetragon,
  trivyOperator,
} from './plugins/policy-and-runtime'
import {
  externalSecrets,
  fluentBit,
  openTelemetryCollector,
  prometheus,
  sealedSecrets,
  vault,
} from './plugins/secrets-and-observability'

export const plugins: readonly Plugin[] = [
  calico,
  cilium,
  flannel,
  awsVpcCni,
  kyverno,
  gatekeeper,
  falco,
  tetragon,
  externalSecrets,
  vault,
  sealedSecrets,
  istio,
  linkerd,
  cosignPolicyController,
  trivyOperator,
  prometheus,
  fluentBit,
  openTelemetryCollector,
]
