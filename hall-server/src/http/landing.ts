import { existsSync } from 'node:fs'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import type { Hall } from '../hall/boot.js'

/**
 * The screens' static bundles, and the page at `/` that links every screen of the hall — the one
 * URL the demo prints and an installer opens first.
 */

export interface ScreenRoot {
  /** URL prefix, e.g. `/kiosk/`. */
  prefix: string
  /** Directory of the built bundle. */
  root: string
}

export interface LandingLink {
  group: string
  label: string
  /** A path on this server, or `:PORT/path` for another port of the same host (the demo's simulators). */
  url: string
}

export async function registerScreens(app: FastifyInstance, screens: ScreenRoot[]): Promise<void> {
  let first = true
  for (const screen of screens) {
    if (!existsSync(screen.root)) continue
    await app.register(fastifyStatic, {
      root: screen.root,
      prefix: screen.prefix,
      decorateReply: first,
      index: ['index.html'],
      cacheControl: true,
      maxAge: 0,
    })
    first = false
  }
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

export function registerLanding(app: FastifyInstance, hall: Hall, links: LandingLink[]): void {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const groups = new Map<string, LandingLink[]>()
    for (const link of links) groups.set(link.group, [...(groups.get(link.group) ?? []), link])
    const sections = [...groups]
      .map(
        ([group, items]) =>
          `<section><h2>${escapeHtml(group)}</h2><ul>${items
            .map((l) =>
              l.url.startsWith(':')
                ? `<li><a data-port-link="${escapeHtml(l.url)}" href="#">${escapeHtml(l.label)}</a></li>`
                : `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></li>`,
            )
            .join('')}</ul></section>`,
      )
      .join('')
    const body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(hall.config.hall.name)}</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;font-size:20px;line-height:1.6;color:#1b2733}
h1{color:#b3261e}section{margin-bottom:1.5rem}a{color:#0b57d0}li{margin:.3rem 0}</style></head>
<body><h1>${escapeHtml(hall.config.hall.name)}</h1>
<p>大厅服务器运行中。各终端屏幕入口如下（每个链接带有该设备的登记令牌）。</p>${sections}
<section><h2>接口</h2><ul><li><a href="/openapi.json">OpenAPI 接口说明 /openapi.json</a></li>
<li><a href="/api/health">健康检查 /api/health</a></li></ul></section>
<script>for (const a of document.querySelectorAll('a[data-port-link]')) a.href = location.protocol + '//' + location.hostname + a.dataset.portLink</script>
</body></html>`
    return reply.type('text/html; charset=utf-8').send(body)
  })
}
