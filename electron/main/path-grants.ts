// Paths the user handed to the app (dialog, recent list, command line). A compromised renderer must not
// be able to read or overwrite any other file just by naming it in an IPC message.
import path from 'node:path'

/** The set of file paths main has given the renderer in this session. */
export class PathGrants {
  readonly #granted = new Set<string>()

  /** Records that the user chose `file`. */
  grant(file: string): void {
    this.#granted.add(path.resolve(file))
  }

  /** True when the renderer may act on `file`. */
  has(file: string): boolean {
    return path.isAbsolute(file) && this.#granted.has(path.resolve(file))
  }
}
