// The help's copy of the target names must stay the generators' own list.
import { describe, expect, it } from 'vitest'
import { TARGETS } from '../../../../shared/generate/index'
import { GENERATE_TARGETS } from '../../../../cli/commands/generate-targets'

describe('GENERATE_TARGETS', () => {
  it('is shared/generate TARGETS', () => {
    expect(GENERATE_TARGETS).toEqual(TARGETS)
  })
})
