// One RegisterTaskDefinition input per workload, least privilege within what the launch type accepts.
import type { EcsPlan, EcsWorkloadPlan } from './plan'
import type { EcsContainerDefinition, EcsTaskDefinition } from './types'

/** Non-root uid:gid used for every Linux container (>= 10000, outside most images' system users). */
export const NON_ROOT_USER = '10001:10001'

/** Placeholders a deployer substitutes (envsubst) before registering; documented in ecs/README.md. */
export const ACCOUNT_PLACEHOLDER = '${AWS_ACCOUNT_ID}'
export const REGION_PLACEHOLDER = '${AWS_REGION}'

/** Health commands the image must provide; no shell is assumed, so distroless images work. */
export const HEALTH_COMMAND = { linux: '/healthcheck', windows: 'C:\\healthcheck.exe' } as const

/** Volume names for writable paths: indexes, because paths can map to the same slug. */
export function writableVolumeName(i: number): string {
  return `writable-${i}`
}

/** Volume names for granted host paths. */
export function hostVolumeName(i: number): string {
  return `host-${i}`
}

/** The task definition for one workload, as JSON-ready data. */
export function buildTaskDefinition(_plan: EcsPlan, w: EcsWorkloadPlan): EcsTaskDefinition {
  const linux = !w.windows
  const writable = linux ? w.workload.needs.writablePaths : []
  const volumes = [
    ...writable.map((_, i) => ({ name: writableVolumeName(i) })),
    ...w.hostPaths.map((h, i) => ({ name: hostVolumeName(i), host: { sourcePath: h.path } })),
  ]
  return {
    family: w.family,
    // No task role when the design names no cloud role: the task then holds no AWS credentials.
    ...(w.taskRoleArn === undefined ? {} : { taskRoleArn: w.taskRoleArn }),
    executionRoleArn: roleArn(w.executionRoleName),
    networkMode: 'awsvpc',
    requiresCompatibilities: [w.launchType],
    cpu: String(w.size.cpu),
    memory: String(w.size.memory),
    ...(w.hostPid ? { pidMode: 'host' as const } : {}),
    runtimePlatform: {
      operatingSystemFamily: linux ? 'LINUX' : 'WINDOWS_SERVER_2022_CORE',
      cpuArchitecture: 'X86_64',
    },
    containerDefinitions: [buildContainer(w, writable)],
    ...(volumes.length > 0 ? { volumes } : {}),
  }
}

function buildContainer(w: EcsWorkloadPlan, writable: readonly string[]): EcsContainerDefinition {
  const linux = !w.windows
  const ec2 = w.launchType === 'EC2'
  const capabilities =
    w.addCapabilities.length > 0
      ? { add: [...w.addCapabilities], drop: ['ALL'] }
      : { drop: ['ALL'] }
  return {
    name: w.workload.name,
    image: w.workload.image,
    essential: true,
    // On EC2, Windows ignores task-level sizes, so the container carries them too.
    ...(ec2 ? { cpu: w.size.cpu, memory: w.size.memory } : {}),
    ...(linux ? { user: NON_ROOT_USER, readonlyRootFilesystem: true } : {}),
    // Fargate rejects `privileged` and `dockerSecurityOptions` outright; Windows supports neither.
    ...(linux && ec2
      ? { privileged: w.privileged, dockerSecurityOptions: ['no-new-privileges'] }
      : {}),
    ...(linux ? { linuxParameters: { capabilities, initProcessEnabled: true } } : {}),
    portMappings: w.workload.ports.map((containerPort) => ({ containerPort, protocol: 'tcp' })),
    ...(writable.length + w.hostPaths.length > 0
      ? {
          mountPoints: [
            ...writable.map((containerPath, i) => ({
              sourceVolume: writableVolumeName(i),
              containerPath,
              readOnly: false,
            })),
            ...w.hostPaths.map((h, i) => ({
              sourceVolume: hostVolumeName(i),
              containerPath: h.path,
              readOnly: h.readOnly,
            })),
          ],
        }
      : {}),
    healthCheck: {
      command: ['CMD', linux ? HEALTH_COMMAND.linux : HEALTH_COMMAND.windows],
      interval: 30,
      timeout: 5,
      retries: 3,
      startPeriod: 60,
    },
    logConfiguration: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': w.logGroup,
        'awslogs-region': REGION_PLACEHOLDER,
        'awslogs-stream-prefix': w.workload.name,
      },
    },
  }
}

function roleArn(name: string): string {
  return `arn:aws:iam::${ACCOUNT_PLACEHOLDER}:role/${name}`
}
