// Renderer entry: zod's CSP-safe mode first, then styles and the app.
import './app/zod-config'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import './styles/base.css'
import './styles/controls.css'
import './styles/fields.css'
import './styles/rail.css'
import './styles/panel.css'
import './styles/overlays.css'
import './styles/steps.css'
import './styles/option-cards.css'
import './styles/workloads.css'
import './styles/nodes.css'
import './styles/review.css'
import './styles/export.css'
import './styles/onboarding.css'
// Last: its narrow-window rules override the component rules above.
import './styles/layout.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
