// Values the design does not state, chosen once here and explained in the README.

/** UID/GID for Linux containers: non-root and above 10000, clear of host users (kube-score, kubesec). */
export const RUN_AS_ID = 10001

/** Ephemeral storage request/limit: bounds the writable layer, logs and emptyDir volumes of a container. */
export const EPHEMERAL_STORAGE = { request: '64Mi', limit: '1Gi' } as const

/** Size requested for a stateful workload's volume claim. */
export const DATA_VOLUME_SIZE = '1Gi'

/** The user Windows containers run as: the built-in unprivileged account of Windows base images. */
export const WINDOWS_USER = 'ContainerUser'

/**
 * Pod Security Admission version labels. `enforce` is pinned, so a control-plane upgrade that adds a
 * control cannot suddenly reject rollouts; `audit` and `warn` follow `latest`, so new violations
 * show up as warnings before the pin is raised. v1.34 is the newest level this tree is checked against
 * (it includes the v1.34 host-probe control).
 */
export const PSA_VERSION = { enforce: 'v1.34', audit: 'latest', warn: 'latest' } as const

/** Readiness reacts fast (stop sending traffic); liveness is slow to act (restart only a stuck process). */
export const PROBE_TIMING = {
  readiness: { initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
  liveness: { initialDelaySeconds: 30, periodSeconds: 20, timeoutSeconds: 3, failureThreshold: 6 },
} as const
