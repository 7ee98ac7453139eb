import { resolve } from 'node:path'
import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'

/**
 * One HTML entry per screen, all served by the hall server at /screens/. `npm run dev` proxies the
 * API and socket.io to a running hall server (HALL_URL, default http://127.0.0.1:8080).
 */

const here = import.meta.dirname
export const PAGES = ['index', 'display', 'window', 'counter', 'pad', 'wall'] as const
const hall = process.env['HALL_URL'] ?? 'http://127.0.0.1:8080'

export default defineConfig({
  base: '/screens/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: Object.fromEntries(PAGES.map((page) => [page, resolve(here, `${page}.html`)])),
    },
  },
  server: {
    proxy: {
      '/api': hall,
      '/socket.io': { target: hall, ws: true },
    },
  },
})
