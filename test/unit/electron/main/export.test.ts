import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { artifactPathProblem } from '../../../../shared/artifact-path'
import type { ArtifactFs } from '../../../../shared/node/artifact-fs'
import { nodeArtifactFs } from '../../../../shared/node/artifact-fs'
import { planArtifacts } from '../../../../shared/node/artifact-plan'
import { exportArtifacts, exportPdf, withPdfExtension } from '../../../../electron/main/export'
import type { ExportDialogs } from '../../../../electron/main/export'
import { nodeFileIo } from '../../../../electron/main/file-io'
import { errno, listFiles, tempDir } from '../helpers'

const FILES = [
  { path: 'README.md', content: '# Design\n' },
  { path: 'kubernetes/namespaces.yaml', content: 'kind: Namespace\n' },
  { path: 'kubernetes/apps/web/deployment.yaml', content: 'kind: Deployment\n' },
]

function dialogs(answers: { folder?: string | null; overwrite?: boolean; pdf?: string | null }) {
  const asked: string[] = []
  const d: ExportDialogs = {
    chooseExportFolder: async (suggested) => {
      asked.push(`folder:${suggested}`)
      return answers.folder ?? null
    },
    confirmOverwrite: async (_folder, existing) => {
      asked.push(`overwrite:${existing}`)
      return answers.overwrite ?? false
    },
    choosePdfPath: async (suggested) => {
      asked.push(`pdf:${suggested}`)
      return answers.pdf ?? null
    },
  }
  return { d, asked }
}

/** A sandbox: the export folder lives inside `outer`, so anything written beside it is visible. */
async function sandbox() {
  const outer = await tempDir()
  const folder = path.join(outer, 'export')
  return { outer, folder }
}

describe('artifact paths', () => {
  it.each([
    '/etc/passwd',
    '../outside.yaml',
    'a/../../outside.yaml',
    'a/./b.yaml',
    'a//b.yaml',
    'a\\..\\b.yaml',
    'C:/Windows/x.yaml',
    'a/b.yaml\0.png',
    'file.yaml:stream',
    'CON',
    'docs/aux.md',
    'trailing-dot.',
    '',
  ])('refuses %j', (p) => {
    expect(artifactPathProblem(p)).toBeDefined()
    expect(() => planArtifacts('/tmp/out', [{ path: p, content: '' }])).toThrow(/unsafe path/)
  })

  it('refuses two artifacts that would be the same file on a case-insensitive disk', () => {
    expect(() =>
      planArtifacts('/tmp/out', [
        { path: 'a/README.md', content: '1' },
        { path: 'A/readme.md', content: '2' },
      ]),
    ).toThrow(/share the path/)
  })

  it('never plans a file outside the folder, whatever the path', () => {
    const segment = fc.constantFrom('..', '.', 'a', 'b.yaml', '', '\\', '/', 'c:', '%2e%2e')
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (parts) => {
        let plan: { file: string }[]
        try {
          plan = planArtifacts('/tmp/out', [{ path: parts.join('/'), content: '' }])
        } catch {
          return
        }
        for (const t of plan)
          expect(t.file.startsWith(path.resolve('/tmp/out') + path.sep)).toBe(true)
      }),
    )
  })
})

describe('exportArtifacts', () => {
  it('writes every file, creating subfolders, into the folder the user picked', async () => {
    const { outer, folder } = await sandbox()
    const { d, asked } = dialogs({ folder })
    expect(await exportArtifacts(FILES, 'payments', { io: nodeFileIo, dialogs: d })).toEqual({
      folder,
      written: 3,
    })
    expect(asked).toEqual(['folder:payments'])
    expect(await listFiles(outer)).toEqual(FILES.map((f) => path.join('export', f.path)).sort())
    expect(await readFile(path.join(folder, 'kubernetes/apps/web/deployment.yaml'), 'utf8')).toBe(
      'kind: Deployment\n',
    )
  })

  it('writes nothing when the dialog is cancelled', async () => {
    const { outer } = await sandbox()
    const { d } = dialogs({ folder: null })
    expect(await exportArtifacts(FILES, 'x', { io: nodeFileIo, dialogs: d })).toEqual({
      cancelled: true,
    })
    expect(await listFiles(outer)).toEqual([])
  })

  it('asks before writing into a non-empty folder and writes nothing if refused', async () => {
    const { folder } = await sandbox()
    await mkdir(folder)
    await writeFile(path.join(folder, 'README.md'), 'mine')
    const { d, asked } = dialogs({ folder, overwrite: false })
    expect(await exportArtifacts(FILES, 'x', { io: nodeFileIo, dialogs: d })).toEqual({
      cancelled: true,
    })
    expect(asked).toEqual(['folder:x', 'overwrite:1'])
    expect(await listFiles(folder)).toEqual(['README.md'])
    expect(await readFile(path.join(folder, 'README.md'), 'utf8')).toBe('mine')
  })

  it('replaces same-named files when the user confirmed', async () => {
    const { folder } = await sandbox()
    await mkdir(folder)
    await writeFile(path.join(folder, 'README.md'), 'mine')
    await writeFile(path.join(folder, 'notes.txt'), 'kept')
    const { d } = dialogs({ folder, overwrite: true })
    expect(await exportArtifacts(FILES, 'x', { io: nodeFileIo, dialogs: d })).toEqual({
      folder,
      written: 3,
    })
    expect(await readFile(path.join(folder, 'README.md'), 'utf8')).toBe('# Design\n')
    expect(await readFile(path.join(folder, 'notes.txt'), 'utf8')).toBe('kept')
  })

  it('refuses an unsafe artifact before writing anything', async () => {
    const { outer, folder } = await sandbox()
    const { d } = dialogs({ folder })
    const files = [...FILES, { path: '../escape.yaml', content: 'pwned' }]
    expect(await exportArtifacts(files, 'x', { io: nodeFileIo, dialogs: d })).toEqual({
      error: expect.stringMatching(/Refused to export "..\/escape.yaml"/),
    })
    expect(await listFiles(outer)).toEqual([])
  })

  it('does not follow a subfolder symlink that leads outside the folder', async () => {
    const { outer, folder } = await sandbox()
    const elsewhere = path.join(outer, 'elsewhere')
    await mkdir(elsewhere)
    await mkdir(folder)
    await symlink(elsewhere, path.join(folder, 'kubernetes'), 'dir')
    const { d } = dialogs({ folder, overwrite: true })
    const result = await exportArtifacts(FILES, 'x', { io: nodeFileIo, dialogs: d })
    expect(result).toEqual({ error: expect.stringMatching(/symbolic link/) })
    expect(await listFiles(elsewhere)).toEqual([])
  })

  it('does not write through a file symlink', async () => {
    const { outer, folder } = await sandbox()
    const victim = path.join(outer, 'victim.txt')
    await writeFile(victim, 'precious')
    await mkdir(folder)
    await symlink(victim, path.join(folder, 'README.md'))
    const { d } = dialogs({ folder, overwrite: true })
    expect(await exportArtifacts(FILES, 'x', { io: nodeFileIo, dialogs: d })).toHaveProperty(
      'error',
    )
    expect(await readFile(victim, 'utf8')).toBe('precious')
  })

  it('writes nothing at all when the disk fills up mid-way, into a new or a non-empty folder', async () => {
    const { outer, folder } = await sandbox()
    let writes = 0
    const artifactFs: ArtifactFs = {
      ...nodeArtifactFs,
      writeNew: async (file, content) => {
        writes += 1
        if (writes === 2) throw errno('ENOSPC')
        await nodeArtifactFs.writeNew(file, content)
      },
    }
    const { d } = dialogs({ folder, overwrite: true })
    expect(await exportArtifacts(FILES, 'x', { io: nodeFileIo, dialogs: d, artifactFs })).toEqual({
      error: expect.stringMatching(/disk is full.*Nothing was written/s),
    })
    expect(await readdir(outer)).toEqual([])
    await mkdir(folder)
    await writeFile(path.join(folder, 'README.md'), 'mine')
    writes = 0
    expect(
      await exportArtifacts(FILES, 'x', { io: nodeFileIo, dialogs: d, artifactFs }),
    ).toHaveProperty('error')
    // The user's file is untouched and no staging folder is left inside or beside the folder.
    expect(await readdir(outer)).toEqual(['export'])
    expect(await readdir(folder)).toEqual(['README.md'])
    expect(await readFile(path.join(folder, 'README.md'), 'utf8')).toBe('mine')
  })
})

describe('exportPdf', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7 fake')

  it('renders the HTML and writes the PDF where the user chose', async () => {
    const dir = await tempDir()
    const target = path.join(dir, 'design.pdf')
    const { d, asked } = dialogs({ pdf: target })
    const rendered: string[] = []
    const result = await exportPdf('<h1>Design</h1>', 'design', {
      io: nodeFileIo,
      dialogs: d,
      renderPdf: async (html) => {
        rendered.push(html)
        return pdf
      },
    })
    expect(result).toEqual({ path: target })
    expect(asked).toEqual(['pdf:design.pdf'])
    expect(rendered).toEqual(['<h1>Design</h1>'])
    expect(new Uint8Array(await readFile(target))).toEqual(pdf)
  })

  it('does not render when cancelled, and reports a render failure', async () => {
    let renders = 0
    const cancelled = await exportPdf('x', 'd.pdf', {
      io: nodeFileIo,
      dialogs: dialogs({ pdf: null }).d,
      renderPdf: async () => {
        renders += 1
        return pdf
      },
    })
    expect(cancelled).toEqual({ cancelled: true })
    expect(renders).toBe(0)
    const failed = await exportPdf('x', 'd', {
      io: nodeFileIo,
      dialogs: dialogs({ pdf: path.join(await tempDir(), 'd.pdf') }).d,
      renderPdf: async () => Promise.reject(new Error('printing failed')),
    })
    expect(failed).toEqual({ error: expect.stringMatching(/printing failed/) })
  })

  it('adds the .pdf extension once', () => {
    expect(withPdfExtension('design')).toBe('design.pdf')
    expect(withPdfExtension('design.PDF')).toBe('design.PDF')
  })
})
