import { it } from 'vitest'
import { generate } from '../shared/generate/kubernetes/helpers'
import { testDesign } from '../shared/generate/kubernetes/designs'
it('dbg', () => {
  const out = generate(testDesign('windows-mixed'))
  for (const a of out.artifacts) if (a.path.includes('workloads/') || a.path.includes('namespaces')) console.log(a.path + '\n' + a.content)
  console.log(out.controls.map((c) => c.id).join(' '))
})
