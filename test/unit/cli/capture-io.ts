// Test helper: an in-memory CliIo rooted in a fresh temporary folder.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CliIo, OutputStream } from '../../../cli/io/types'

class Buffered implements OutputStream {
  text = ''
  constructor(readonly isTTY: boolean) {}
  write(chunk: string): boolean {
    this.text += chunk
    return true
  }
}

export interface CapturedIo {
  readonly io: CliIo
  readonly dir: string
  stdout(): string
  stderr(): string
  cleanup(): void
}

/** A CliIo whose cwd is a new temp folder and whose streams are captured as text. */
export function captureIo(
  options: { tty?: boolean; env?: Record<string, string> } = {},
): CapturedIo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stackwright-cli-'))
  const out = new Buffered(options.tty ?? false)
  const err = new Buffered(false)
  return {
    io: { stdout: out, stderr: err, cwd: dir, env: options.env ?? {} },
    dir,
    stdout: () => out.text,
    stderr: () => err.text,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}
