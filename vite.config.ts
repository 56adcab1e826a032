// Vite config for the renderer: the same build serves Electron (file://) and the browser edition.
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('./renderer/', import.meta.url))
const outDir = fileURLToPath(new URL('./dist/renderer/', import.meta.url))

export default defineConfig({
  root,
  // Relative asset URLs: Electron loads index.html from disk, where absolute paths would break.
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // scripts/check-bundle-size.mjs reads the manifest to find what the first screen loads.
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    // Mermaid alone is several MB of lazily loaded chunks; the initial budget is checked separately.
    chunkSizeWarningLimit: 4000,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
})
