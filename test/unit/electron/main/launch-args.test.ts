import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { designFileFromArgv } from '../../../../electron/main/launch-args'

describe('designFileFromArgv', () => {
  it('finds the design in a packaged launch and resolves it against the working directory', () => {
    expect(
      designFileFromArgv(
        ['/opt/Stackwright/stackwright', 'designs/a.stackwright.yaml'],
        '/home/me',
      ),
    ).toBe(path.resolve('/home/me', 'designs/a.stackwright.yaml'))
  })

  it('skips the app script and Chromium switches in a development launch', () => {
    expect(
      designFileFromArgv(
        ['/x/electron', 'dist/electron/main.cjs', '--no-sandbox', '--lang=en', '/d/b.yml'],
        '/',
      ),
    ).toBe(path.resolve('/d/b.yml'))
  })

  it('returns null without a design argument and takes the last of several', () => {
    expect(designFileFromArgv(['/x/stackwright', '--inspect'], '/')).toBeNull()
    expect(designFileFromArgv(['/x/stackwright', '/a.json', '/b.yaml'], '/')).toBe(
      path.resolve('/b.yaml'),
    )
  })

  it('ignores arguments that only look like flags or contain NUL', () => {
    expect(designFileFromArgv(['/x/stackwright', '--file=/a.yaml', '/a\0.yaml'], '/')).toBeNull()
  })
})
