import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readBounded } from '../../../../shared/node/read-bounded'

const dir = mkdtempSync(path.join(tmpdir(), 'stackwright-read-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Settles with the read's outcome, or with 'hung' when it has not settled in time. */
function withinTime<T>(work: Promise<T>, ms: number): Promise<T | 'hung' | { error: unknown }> {
  return Promise.race([
    work.catch((error: unknown) => ({ error })),
    new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), ms).unref()),
  ])
}

describe('readBounded', () => {
  it('refuses a FIFO with no writer at once instead of blocking on open', async () => {
    const fifo = path.join(dir, 'pipe.stackwright.yaml')
    execFileSync('mkfifo', [fifo])
    const outcome = await withinTime(readBounded(fifo, 1024), 3000)
    expect(outcome).not.toBe('hung')
    expect(outcome).toHaveProperty('error')
    expect(String((outcome as { error: unknown }).error)).toMatch(/not a regular file/)
  })

  it('reads a regular file and reports the size of one over the limit', async () => {
    const file = path.join(dir, 'small.yaml')
    writeFileSync(file, 'apiVersion: x\n')
    const small = await readBounded(file, 1024)
    expect(small.ok && new TextDecoder().decode(small.bytes)).toBe('apiVersion: x\n')
    const large = await readBounded(file, 4)
    expect(large).toEqual({ ok: false, size: 14 })
  })
})
