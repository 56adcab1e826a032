// The example designs shipped in assets/examples/, found relative to this module.
// From dist/cli/ in the package this is the same relative path: both sit two folders below the root.
import { readdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

const EXAMPLE_SUFFIX = '.stackwright.yaml'

/** The folder holding the example designs. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../assets/examples/', import.meta.url))

/** Example names (file names without `.stackwright.yaml`), sorted. */
export async function exampleNames(dir: string = EXAMPLES_DIR): Promise<string[]> {
  const files = await readdir(dir)
  return files
    .filter((f) => f.endsWith(EXAMPLE_SUFFIX))
    .map((f) => f.slice(0, -EXAMPLE_SUFFIX.length))
    .sort()
}

/** The file name of an example, from its name. */
export function exampleFileName(name: string): string {
  return name + EXAMPLE_SUFFIX
}
