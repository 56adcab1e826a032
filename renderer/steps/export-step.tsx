// Export: pick targets, preview every generated file, then write them all, copy one, or print the
// design document. Generators and the highlighter load on first use.
import { Suspense, lazy, useMemo } from 'react'
import { catalog } from '../../shared/catalog/index'
import { useApp, useAppShallow } from '../app/app-store'
import { VirtualList } from '../components/virtual-list'
import { DRAFT_LABELS, blockersText, buildabilityOf } from '../lib/buildable'
import { getPlatform } from '../platform/index'
import { ALL_TARGETS, effectiveTargets, targetAvailable } from '../store/export-slice'
import type { ExportTarget } from '../store/types'

const CodeView = lazy(() => import('../preview/code-view'))

const TARGETS: Readonly<Record<ExportTarget, { label: string; help: string }>> = {
  doc: { label: 'Design document', help: 'Markdown and self-contained HTML' },
  reports: { label: 'Reports', help: 'report.json, findings.csv, SARIF' },
  kubernetes: { label: 'Kubernetes', help: 'Kustomize tree with policies' },
  ecs: { label: 'Amazon ECS', help: 'Task definitions and security groups' },
  swarm: { label: 'Docker Swarm', help: 'Compose stack file' },
  nomad: { label: 'Nomad', help: 'Job files and intentions' },
}

const size = (text: string) => {
  const bytes = new TextEncoder().encode(text).length
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`
}

/** The Export step. */
export function ExportStep() {
  const design = useApp((s) => s.design)
  const chosen = useApp((s) => s.exportTargets)
  const generated = useApp((s) => s.generated)
  const generating = useApp((s) => s.generating)
  const previewPath = useApp((s) => s.previewPath)
  const evaluation = useApp((s) => s.evaluation)
  const issues = useApp((s) => s.issues)
  const unchosen = useApp((s) => s.unchosen)
  const build = useMemo(
    () => buildabilityOf(evaluation, issues, unchosen),
    [evaluation, issues, unchosen],
  )
  const blocked = build.fieldProblems.length > 0 || build.missing.length > 0
  const a = useAppShallow((s) => ({
    setExportTargets: s.setExportTargets,
    setPreviewPath: s.setPreviewPath,
    exportFiles: s.exportFiles,
    copyFile: s.copyFile,
    printPdf: s.printPdf,
  }))
  const targets = effectiveTargets(chosen, design, catalog)
  const files = generated?.forDesign === design ? generated.files : (generated?.files ?? [])
  const preview = files.find((f) => f.path === previewPath)
  const browser = getPlatform().kind === 'browser'

  return (
    <>
      <section className="card" aria-labelledby="export-targets">
        <h2 id="export-targets">What to generate</h2>
        <div className="target-grid">
          {ALL_TARGETS.map((t) => {
            const available = targetAvailable(t, design, catalog)
            return (
              <label
                key={t}
                className={`target${targets.includes(t) ? ' on' : ''}${available ? '' : ' unavailable'}`}
              >
                <input
                  type="checkbox"
                  checked={targets.includes(t)}
                  disabled={!available}
                  onChange={(e) =>
                    a.setExportTargets(
                      e.target.checked ? [...targets, t] : targets.filter((x) => x !== t),
                    )
                  }
                  data-testid={`target-${t}`}
                />
                <span className="target-text">
                  <span className="target-label">{TARGETS[t].label}</span>
                  <span className="field-help">
                    {available ? TARGETS[t].help : `Needs a ${TARGETS[t].label} orchestrator`}
                  </span>
                </span>
              </label>
            )
          })}
        </div>
        {blocked ? (
          <div className="option-blocked" role="note" data-testid="export-blocked">
            <p>
              <strong>
                Not buildable: {build.missing.length > 0 ? 'finish' : 'fix'} {blockersText(build)}{' '}
                before exporting.
              </strong>{' '}
              {build.fieldProblems.length > 0
                ? 'The files would leave out or merge what these fields describe:'
                : 'The files would describe choices you have not made:'}
            </p>
            <ul>
              {build.missing.map((m) => (
                <li key={m}>Choose: {DRAFT_LABELS[m].label}</li>
              ))}
              {build.fieldProblems.map((p) => (
                <li key={p.path}>
                  <code>{p.path}</code> {p.message}
                </li>
              ))}
            </ul>
          </div>
        ) : !build.buildable ? (
          <p className="option-warn" data-testid="export-warning">
            Not buildable: the design has {blockersText(build)}. The files describe it as written,
            so fix those first for anything you intend to deploy.
          </p>
        ) : null}
        <div className="export-actions">
          <button
            type="button"
            className="button primary"
            onClick={() => void a.exportFiles()}
            disabled={files.length === 0 || generating || blocked}
            data-testid="export-all"
          >
            {browser ? 'Download all as .zip' : 'Export to a folder…'}
          </button>
          <button type="button" className="button" onClick={() => void a.printPdf()}>
            {browser ? 'Print / Save as PDF' : 'Export PDF…'}
          </button>
          <span className="muted small" role="status">
            {generating ? 'Generating…' : `${files.length} files`}
          </span>
        </div>
        {browser ? (
          <p className="muted small">
            In the browser, files download as one zip and the PDF comes from your print dialog
            (“Save as PDF”). The desktop app writes a folder and the PDF directly.
          </p>
        ) : null}
      </section>

      <section className="card export-preview" aria-labelledby="export-files">
        <h2 id="export-files">Preview</h2>
        <div className="export-layout">
          <VirtualList
            count={files.length}
            rowHeight={34}
            label="Generated files"
            className="file-list"
            testId="file-list"
            itemKey={(i) => files[i]?.path ?? i}
            renderRow={(i) => {
              const f = files[i]
              if (!f) return null
              return (
                <button
                  type="button"
                  className={`file-button${f.path === previewPath ? ' selected' : ''}`}
                  aria-pressed={f.path === previewPath}
                  onClick={() => a.setPreviewPath(f.path)}
                >
                  <span className="mono">{f.path}</span>
                  <span className="muted small">{size(f.content)}</span>
                </button>
              )
            }}
          />
          <div className="preview-pane">
            {preview ? (
              <>
                <div className="preview-header">
                  <span className="mono strong">{preview.path}</span>
                  <button
                    type="button"
                    className="button"
                    onClick={() => void a.copyFile(preview.path)}
                  >
                    Copy<span className="sr-only"> {preview.path}</span>
                  </button>
                </div>
                <Suspense fallback={<p className="muted">Loading the preview…</p>}>
                  <CodeView path={preview.path} content={preview.content} />
                </Suspense>
              </>
            ) : (
              <p className="muted">
                {generating ? 'Generating files…' : 'Pick a file to preview it.'}
              </p>
            )}
          </div>
        </div>
      </section>
    </>
  )
}
