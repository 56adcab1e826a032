// The checks every IPC request passes before a handler runs: trusted sender, valid payload, no crash.
// Kept free of Electron imports so it can be tested with a fake ipcMain (electron/main/ipc.ts wires it).
import { z } from 'zod'
import { requestSchemas } from '../../shared/ipc'
import type { Channel, Failure, Request, Responses } from '../../shared/ipc'
import { describeError } from '../../shared/node/fs-errors'

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface FrameRef {
  readonly url: string
  readonly processId: number
  readonly routingId: number
  readonly parent: FrameRef | null
}

/** The parts of IpcMainInvokeEvent the guard reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameRef | null
}

export type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>

/** The one ipcMain method the app uses (Electron's ipcMain satisfies it). */
export interface IpcMainLike {
  handle(channel: string, listener: InvokeListener): void
}

export interface GuardDeps {
  readonly ipcMain: IpcMainLike
  /** The main window's top-level frame, or null when there is no window. */
  readonly trustedFrame: () => FrameRef | null
  /** True for URLs of the app's own origin. */
  readonly isAppUrl: (url: string) => boolean
  readonly log: (message: string) => void
}

export type Handler<C extends Channel> = (
  request: Request<C>,
) => Promise<Responses[C] | Failure> | Responses[C] | Failure

/** Registers a handler for one channel; the guard runs first. */
export type Handle = <C extends Channel>(channel: C, handler: Handler<C>) => void

const MAX_REASON = 500

function failure(error: string): Failure {
  return { error }
}

function readSenderFrame(event: InvokeEventLike): FrameRef | null {
  try {
    return event.senderFrame
  } catch {
    // Electron throws when the frame was destroyed or navigated meanwhile: treat as untrusted.
    return null
  }
}

/** Why a sender is not trusted, or null when it is the main window's top frame on the app origin. */
export function untrustedSenderReason(
  frame: FrameRef | null,
  trusted: FrameRef | null,
  isAppUrl: (url: string) => boolean,
): string | null {
  if (frame === null) return 'no sender frame'
  if (trusted === null) return 'no main window'
  if (frame.parent !== null) return 'sender is a subframe'
  if (frame.processId !== trusted.processId || frame.routingId !== trusted.routingId) {
    return 'sender is not the main window'
  }
  if (!isAppUrl(frame.url)) return `sender URL is not the app origin (${frame.url.slice(0, 100)})`
  return null
}

/** Builds the typed `handle()` used by every register*Ipc function. */
export function createHandle(deps: GuardDeps): Handle {
  return <C extends Channel>(channel: C, handler: Handler<C>) => {
    const schema = requestSchemas[channel]
    deps.ipcMain.handle(channel, async (event, ...args): Promise<unknown> => {
      const untrusted = untrustedSenderReason(
        readSenderFrame(event),
        deps.trustedFrame(),
        deps.isAppUrl,
      )
      if (untrusted !== null) {
        deps.log(`IPC ${channel} refused: ${untrusted}`)
        return failure('Request refused.')
      }
      if (args.length !== 1) {
        deps.log(`IPC ${channel} refused: expected one argument, got ${args.length}`)
        return failure('Request refused: malformed message.')
      }
      const parsed = schema.safeParse(args[0])
      if (!parsed.success) {
        const reason = z.prettifyError(parsed.error).slice(0, MAX_REASON)
        deps.log(`IPC ${channel} refused: invalid payload: ${reason}`)
        return failure(`Request refused: invalid ${channel} message.`)
      }
      try {
        // The schema for `channel` produced this value, so it has the channel's request type.
        return await handler(parsed.data as Request<C>)
      } catch (error) {
        const message = describeError(error, 'complete the request')
        deps.log(
          `IPC ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        )
        return failure(message)
      }
    })
  }
}
