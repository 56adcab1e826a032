// The container runtimes' default capability set (moby/containerd OCI defaults, minus NET_RAW which
// recent runtimes drop). Three documented lists are exactly this set: the capabilities Pod Security
// Standards Baseline allows to be added, the Nomad docker driver's default `allow_caps`
// (drivers/shared/capabilities), and, with NET_RAW and SYS_PTRACE added, what GKE Autopilot admits.
export const DEFAULT_CONTAINER_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]
