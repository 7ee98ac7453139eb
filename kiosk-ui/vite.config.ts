import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'

/** Served by the hall server at /kiosk/ from kiosk-ui/dist. */
export default defineConfig({
  base: '/kiosk/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bench reads the manifest to size each screen's chunks.
    manifest: true,
    target: 'es2022',
    // Every screen is preloaded right after the first render anyway; no modulepreload polyfill.
    modulePreload: { polyfill: false },
  },
})
