// The real `stackwright` executable as one child process: node with tsx's loader, so a signal sent to
// the child reaches the CLI itself (the `tsx` binary would run it in a grandchild that a SIGKILL of
// its parent leaves running).
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href
const MAIN = path.join(ROOT, 'cli/main.ts')

export interface CliRun {
  readonly child: ChildProcess
  /** Settles when the process has exited and been reaped, with what it printed. */
  readonly done: Promise<CliOutcome>
}

export interface CliOutcome {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  /** Raw bytes, so a test can check that no control character reached the terminal. */
  readonly stdout: Buffer
  readonly stderr: Buffer
}

/** Starts `stackwright ...args` in `cwd`. */
export function startCli(args: readonly string[], cwd: string): CliRun {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const out: Buffer[] = []
  const err: Buffer[] = []
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk))
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk))
  const done = new Promise<CliOutcome>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) =>
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }),
    )
  })
  return { child, done }
}

/** Runs `stackwright ...args` in `cwd` to the end. */
export function runCli(args: readonly string[], cwd: string): Promise<CliOutcome> {
  return startCli(args, cwd).done
}
