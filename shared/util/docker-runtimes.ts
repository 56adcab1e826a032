// Which catalog runtimes Docker Engine can run as an OCI runtime, and under which daemon.json name.
import type { RuntimeId } from '../catalog/ids'
import { assertNever } from './assert-never'

export interface DockerRuntime {
  /** Key under `runtimes` in daemon.json, passed as `--runtime` / Nomad `runtime`. */
  readonly name: string
  /** The daemon.json entry that registers it. */
  readonly daemonJson: string
}

/** The Docker runtime for a sandbox, or undefined when Docker cannot run it (Firecracker, Fargate, CRI-only). */
export function dockerRuntime(id: RuntimeId): DockerRuntime | undefined {
  switch (id) {
    case 'gvisor':
      return { name: 'runsc', daemonJson: '"runsc": { "path": "/usr/local/bin/runsc" }' }
    case 'kata':
      return { name: 'kata', daemonJson: '"kata": { "runtimeType": "io.containerd.kata.v2" }' }
    case 'containerd':
    case 'cri-o':
    case 'docker':
    case 'firecracker':
    case 'fargate':
    case 'windows-process':
    case 'windows-hyperv':
      return undefined
    default:
      return assertNever(id)
  }
}
