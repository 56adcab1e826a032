// The `stackwright` executable: runs the CLI on this process's arguments and streams.
import { run } from './program'

// A closed pipe (`stackwright evaluate x | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

// `npm run cli` runs scripts from the package root; INIT_CWD is where the user typed the command.
const cwd =
  process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD
    ? process.env.INIT_CWD
    : process.cwd()

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd,
  env: process.env,
  stdin: process.stdin,
})
