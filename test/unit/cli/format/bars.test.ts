import { describe, expect, it } from 'vitest'
import { balanceGauge, balanceLabel, scoreBar } from '../../../../cli/format/bars'
import { renderTable } from '../../../../cli/format/table'

describe('scoreBar', () => {
  it('fills one cell per ten points', () => {
    expect(scoreBar(82)).toBe('████████░░')
    expect(scoreBar(0)).toBe('░░░░░░░░░░')
    expect(scoreBar(100)).toBe('██████████')
  })

  it('clamps out-of-range scores and keeps the width', () => {
    expect(scoreBar(140)).toBe(scoreBar(100))
    expect(scoreBar(-5)).toBe(scoreBar(0))
    for (let s = 0; s <= 100; s++) expect([...scoreBar(s, 12)]).toHaveLength(12)
  })
})

describe('balanceGauge', () => {
  const markerAt = (g: string) => [...g].indexOf('●')
  const centreOf = (g: string) => ([...g].length - 1) / 2

  it('puts the marker on the centre when balanced', () => {
    const g = balanceGauge(0)
    expect(markerAt(g)).toBe(centreOf(g))
    expect(g).not.toContain('┼')
  })

  it('moves the marker left for too little and right for too much', () => {
    const left = balanceGauge(-60)
    const right = balanceGauge(40)
    expect(markerAt(left)).toBeLessThan(centreOf(left))
    expect(markerAt(right)).toBeGreaterThan(centreOf(right))
    expect(left).toContain('┼')
    expect(markerAt(balanceGauge(-100))).toBe(1)
    expect(markerAt(balanceGauge(100))).toBe([...balanceGauge(100)].length - 2)
  })

  it('labels the side the value leans to', () => {
    expect(balanceLabel(0)).toBe('balanced')
    expect(balanceLabel(-10)).toContain('too little')
    expect(balanceLabel(70)).toContain('too much')
  })
})

describe('renderTable', () => {
  it('aligns columns and right-aligns numbers', () => {
    const lines = renderTable(
      ['#', 'name', 'plugins'],
      [
        ['1', 'eks', 'cilium'],
        ['10', 'kubernetes', 'calico, falco'],
      ],
      ['right'],
    )
    expect(lines).toEqual([
      ' #  name        plugins',
      ' 1  eks         cilium',
      '10  kubernetes  calico, falco',
    ])
  })
})
