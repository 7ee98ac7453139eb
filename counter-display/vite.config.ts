import { resolve } from 'node:path'
import preact from '@preact/preset-vite'
import { defineConfig, type Plugin } from 'vite'

/**
 * One HTML entry per screen, all served by the hall server at /screens/. `npm run dev` proxies the
 * API and socket.io to a running hall server (HALL_URL, default http://127.0.0.1:8080).
 */

const here = import.meta.dirname
export const PAGES = ['index', 'display', 'window', 'counter', 'pad', 'wall'] as const
const hall = process.env['HALL_URL'] ?? 'http://127.0.0.1:8080'

/**
 * Each screen's HTML file holds only its title; what every screen page has (charset, viewport, an
 * empty icon so no browser asks for /favicon.ico, the app root and the page's script at
 * src/pages/<page>/main.tsx) is added here, before Vite bundles the script. index.html is a static
 * page of links and gets the head only.
 */
function screenPages(): Plugin {
  return {
    name: 'hall-screen-pages',
    transformIndexHtml: {
      order: 'pre',
      handler(_html, ctx) {
        const page = ctx.path.replace(/^.*\//, '').replace(/\.html$/, '')
        const head = [
          { tag: 'meta', attrs: { charset: 'utf-8' }, injectTo: 'head-prepend' as const },
          {
            tag: 'meta',
            attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' },
            injectTo: 'head-prepend' as const,
          },
          { tag: 'link', attrs: { rel: 'icon', href: 'data:,' }, injectTo: 'head-prepend' as const },
        ]
        if (page === 'index' || page === '') return head
        return [
          ...head,
          { tag: 'div', attrs: { id: 'app' }, injectTo: 'body-prepend' as const },
          {
            tag: 'script',
            attrs: { type: 'module', src: `/src/pages/${page}/main.tsx` },
            injectTo: 'body' as const,
          },
        ]
      },
    },
  }
}

export default defineConfig({
  base: '/screens/',
  plugins: [screenPages(), preact()],
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
