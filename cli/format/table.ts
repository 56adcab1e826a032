// Plain-text tables with padded columns; widths count characters, so keep cells free of colour codes.

/** Right-align numeric columns, left-align the rest. */
export type Align = 'left' | 'right'

/** Renders rows under a header with two spaces between columns; the last column is never padded. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        if (i === cells.length - 1 && align[i] !== 'right') return cell
        const width = widths[i] ?? cell.length
        return align[i] === 'right' ? cell.padStart(width) : cell.padEnd(width)
      })
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)]
}
