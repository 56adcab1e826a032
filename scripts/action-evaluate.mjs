// The GitHub Action's one step (action.yml): evaluates every design file of a repository with the
// stackwright CLI, writes one merged SARIF log for code scanning, appends the Markdown reports to the
// step summary, and fails when a file has violations or an open finding at the threshold.
//
// Plain Node (no dependencies), so it also runs locally and in tests:
//   STACKWRIGHT_CLI=dist/cli/stackwright.mjs INPUT_FAIL_ON=high node scripts/action-evaluate.mjs
// Inputs come as environment variables, the way composite actions pass them:
//   INPUT_FILES      design files or folders, one a line (default: the workspace); folders are
//                    searched for *.stackwright.yaml / .yml / .json, skipping node_modules and dot-folders
//   INPUT_FAIL_ON    high | medium | low | none (default high)
//   INPUT_SARIF      where to write the merged SARIF log (default stackwright.sarif)
//   STACKWRIGHT_CLI  the CLI's entry file, run with this Node (default: dist/cli/stackwright.mjs beside this script)
// Writes `sarif-file`, `files` and `failed` to $GITHUB_OUTPUT and the reports to $GITHUB_STEP_SUMMARY
// when those are set. Exit 0 all passed, 1 a file failed the gate, 2 bad input or no design files.
import { spawnSync } from 'node:child_process'
import { appendFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const SEVERITIES = ['high', 'medium', 'low', 'none']
const DESIGN_FILE = /\.stackwright\.(ya?ml|json)$/i

const cwd = process.env.GITHUB_WORKSPACE || process.cwd()
const cli =
  process.env.STACKWRIGHT_CLI ||
  fileURLToPath(new URL('../dist/cli/stackwright.mjs', import.meta.url))
const failOn = (process.env.INPUT_FAIL_ON || 'high').trim().toLowerCase()
const sarifFile = path.resolve(cwd, (process.env.INPUT_SARIF || 'stackwright.sarif').trim())

function fail(message) {
  console.error(`::error::stackwright: ${message}`)
  process.exit(2)
}

if (!SEVERITIES.includes(failOn)) fail(`fail-on must be one of ${SEVERITIES.join(', ')}`)

/** Design files under `dir`, sorted, relative to the workspace. */
function findDesigns(dir) {
  const found = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) found.push(...findDesigns(full))
    else if (entry.isFile() && DESIGN_FILE.test(entry.name)) found.push(full)
  }
  return found
}

const inputs = (process.env.INPUT_FILES || '.')
  .split('\n')
  .map((s) => s.trim())
  .filter((s) => s !== '')
const files = []
for (const input of inputs) {
  const full = path.resolve(cwd, input)
  let stat
  try {
    stat = statSync(full)
  } catch {
    fail(`${input}: no such file or folder`)
  }
  if (stat.isDirectory()) files.push(...findDesigns(full))
  else files.push(full)
}
const designs = [
  ...new Set(files.map((f) => path.relative(cwd, f).split(path.sep).join('/'))),
].sort()
if (designs.length === 0) fail(`no design files (*.stackwright.yaml) in ${inputs.join(', ')}`)

function stackwright(args) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  })
  if (r.error) fail(`cannot run ${cli}: ${r.error.message}`)
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** One SARIF run holding every file's results: code scanning wants a single run per tool and category. */
function mergeRuns(logs) {
  const rules = []
  const ruleIndex = new Map()
  const artifacts = []
  const results = []
  for (const log of logs) {
    const run = log.runs[0]
    const localRules = run.tool.driver.rules ?? []
    for (const rule of localRules)
      if (!ruleIndex.has(rule.id)) {
        ruleIndex.set(rule.id, rules.length)
        rules.push(rule)
      }
    const artifactBase = artifacts.length
    artifacts.push(...(run.artifacts ?? []))
    for (const result of run.results ?? []) {
      const copy = { ...result, ruleIndex: ruleIndex.get(result.ruleId) }
      copy.locations = (result.locations ?? []).map((l) => {
        const a = l.physicalLocation?.artifactLocation
        if (a?.index === undefined) return l
        return {
          ...l,
          physicalLocation: {
            ...l.physicalLocation,
            artifactLocation: { ...a, index: a.index + artifactBase },
          },
        }
      })
      results.push(copy)
    }
  }
  const first = logs[0]
  return {
    $schema: first.$schema,
    version: first.version,
    runs: [{ tool: { driver: { ...first.runs[0].tool.driver, rules } }, artifacts, results }],
  }
}

const logs = []
const summaries = []
const failed = []
for (const design of designs) {
  const gate = failOn === 'none' ? [] : ['--fail-on', failOn]
  const sarif = stackwright(['evaluate', design, '--format', 'sarif', ...gate])
  // Exit 2 or 3 (unreadable file, internal error) and an invalid file (exit 1, nothing on stdout) print no log.
  if (sarif.stdout.trim() === '') {
    process.stderr.write(sarif.stderr)
    console.error(`::error file=${design}::stackwright could not evaluate ${design}`)
    failed.push(design)
    continue
  }
  logs.push(JSON.parse(sarif.stdout))
  if (sarif.code !== 0) {
    process.stderr.write(sarif.stderr)
    console.error(`::error file=${design}::${sarif.stderr.trim().split('\n').join(' ')}`)
    failed.push(design)
  }
  const markdown = stackwright(['evaluate', design, '--format', 'markdown'])
  if (markdown.stdout.trim() !== '') summaries.push(markdown.stdout)
  console.log(`${sarif.code === 0 ? 'ok  ' : 'FAIL'} ${design}`)
}

if (logs.length > 0) writeFileSync(sarifFile, JSON.stringify(mergeRuns(logs), null, 2) + '\n')
if (process.env.GITHUB_STEP_SUMMARY && summaries.length > 0)
  appendFileSync(process.env.GITHUB_STEP_SUMMARY, summaries.join('\n---\n\n'))
if (process.env.GITHUB_OUTPUT)
  appendFileSync(
    process.env.GITHUB_OUTPUT,
    `sarif-file=${logs.length > 0 ? sarifFile : ''}\nfiles=${designs.length}\nfailed=${failed.length}\n`,
  )
const threshold = failOn === 'none' ? 'violations' : `violations or open ${failOn}+ findings`
console.log(
  `${designs.length} design file(s), ${failed.length} failed (${threshold})${logs.length > 0 ? `; SARIF: ${path.relative(cwd, sarifFile)}` : ''}`,
)
process.exit(failed.length > 0 ? 1 : 0)
