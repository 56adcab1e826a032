// What a command may touch: two output streams, a working directory and the environment.

/** A writable text stream; process.stdout and an in-memory buffer both fit. */
export interface OutputStream {
  write(chunk: string): unknown
  readonly isTTY?: boolean
}

/** Everything a command needs from its process, passed in so commands run in tests without a process. */
export interface CliIo {
  readonly stdout: OutputStream
  readonly stderr: OutputStream
  /** Relative file arguments resolve against this directory. */
  readonly cwd: string
  readonly env?: Readonly<Record<string, string | undefined>>
  /** What a file argument of `-` reads (`git show REV:path | stackwright diff - NEW`). */
  readonly stdin?: AsyncIterable<Uint8Array | string>
}
