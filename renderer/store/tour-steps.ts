// The guided tour's steps: what each points at and says. Data only, so the slice and the popover
// agree on the count and the wizard step a stop needs.
import type { StepId } from './steps'

export interface TourStep {
  readonly id: string
  readonly title: string
  readonly body: string
  /** CSS selector of the element the popover points at (the first match). */
  readonly target: string
  /** The wizard step that must be open for the target to exist. */
  readonly wizardStep?: StepId
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'rail',
    title: 'Ten steps, in any order',
    body: 'Work down from context and workloads through each layer of the stack. Jump to any step at any time; a mark shows steps with problems.',
    target: '.step-rail',
  },
  {
    id: 'option',
    title: 'Every option shows its score change',
    body: 'Before you pick, each card shows how the overall score and each criterion would move. Blocked options say why.',
    target: '.option-card:not(.selected)',
    wizardStep: 'orchestrator',
  },
  {
    id: 'panel',
    title: 'The live score',
    body: 'It updates with every edit. Click any number to see the reasons behind it and their sources.',
    target: '[data-testid="overall-score"]',
  },
  {
    id: 'review',
    title: 'Review and compare',
    body: 'See the architecture, treat the remaining risks, and compare your stack side by side with the best-scoring alternatives.',
    target: '[data-testid="step-review"]',
  },
  {
    id: 'export',
    title: 'Export',
    body: 'Generate the design document, reports and least-privilege starter manifests for your orchestrator.',
    target: '[data-testid="step-export"]',
  },
]
