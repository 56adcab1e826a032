// The subset of the ECS RegisterTaskDefinition input that the generator writes (mutable arrays, as the SDK types).

export type LaunchType = 'FARGATE' | 'EC2'

export interface KernelCapabilities {
  add?: string[]
  drop: string[]
}

export interface EcsContainerDefinition {
  name: string
  image: string
  essential: boolean
  cpu?: number
  memory?: number
  user?: string
  readonlyRootFilesystem?: boolean
  privileged?: boolean
  dockerSecurityOptions?: string[]
  linuxParameters?: { capabilities: KernelCapabilities; initProcessEnabled: boolean }
  portMappings: { containerPort: number; protocol: 'tcp' }[]
  mountPoints?: { sourceVolume: string; containerPath: string; readOnly: boolean }[]
  healthCheck: {
    command: string[]
    interval: number
    timeout: number
    retries: number
    startPeriod: number
  }
  logConfiguration: { logDriver: 'awslogs'; options: Record<string, string> }
}

export interface EcsTaskDefinition {
  family: string
  taskRoleArn?: string
  executionRoleArn: string
  networkMode: 'awsvpc'
  requiresCompatibilities: LaunchType[]
  cpu: string
  memory: string
  pidMode?: 'host'
  runtimePlatform: {
    operatingSystemFamily: 'LINUX' | 'WINDOWS_SERVER_2022_CORE'
    cpuArchitecture: 'X86_64'
  }
  containerDefinitions: EcsContainerDefinition[]
  volumes?: { name: string; host?: { sourcePath: string } }[]
}
