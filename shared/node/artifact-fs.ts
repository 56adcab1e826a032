// The file-system calls the artifact writer makes, behind an interface so tests can inject failures.
import fs from 'node:fs/promises'
import type { Dirent, Stats } from 'node:fs'

export interface ArtifactFs {
  mkdir(dir: string, options: { recursive: boolean }): Promise<unknown>
  /** Creates `file` exclusively (`wx`): an existing file or a planted link is an error, never followed. */
  writeNew(file: string, content: string): Promise<void>
  rename(from: string, to: string): Promise<void>
  rm(target: string): Promise<void>
  readdir(dir: string): Promise<string[]>
  readdirDeep(dir: string): Promise<Dirent[]>
  lstat(file: string): Promise<Stats>
  realpath(file: string): Promise<string>
}

/** The real file system. */
export const nodeArtifactFs: ArtifactFs = {
  mkdir: (dir, options) => fs.mkdir(dir, options),
  writeNew: (file, content) => fs.writeFile(file, content, { encoding: 'utf8', flag: 'wx' }),
  rename: (from, to) => fs.rename(from, to),
  rm: (target) => fs.rm(target, { recursive: true, force: true }),
  readdir: (dir) => fs.readdir(dir),
  readdirDeep: (dir) => fs.readdir(dir, { withFileTypes: true, recursive: true }),
  lstat: (file) => fs.lstat(file),
  realpath: (file) => fs.realpath(file),
}
