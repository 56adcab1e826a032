// Renderer entry: zod's CSP-safe mode first, then styles and the app.
import './app/zod-config'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import './styles/base.css'
import './styles/layout.css'
import './styles/components.css'
import './styles/steps.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
