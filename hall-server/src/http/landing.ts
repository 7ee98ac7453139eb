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
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;font-size:18px;line-height:1.6;color:#1b2733;background:#f3f4f6}
header{background:#b3261e;color:#fff;padding:1.2rem 2rem}header h1{margin:0;font-size:1.8rem}header p{margin:.2rem 0 0}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1rem;padding:1.5rem 2rem}
section{background:#fff;border-radius:10px;padding:.8rem 1.2rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h2{font-size:1.15rem;margin:.2rem 0 .4rem;color:#8c1d18}ul{list-style:none;padding:0;margin:0}li{margin:.35rem 0}
a{color:#0b57d0;text-decoration:none}a:hover{text-decoration:underline}</style></head>
<body><header><h1>${escapeHtml(hall.config.hall.name)}</h1>
<p>大厅服务器运行中。各终端屏幕从下面进入${links.some((l) => l.url.includes('token=')) ? '（演示：每个链接带有该设备的登记令牌）' : ''}。</p></header><main>${sections}
<section><h2>接口</h2><ul><li><a href="/openapi.json">OpenAPI 接口说明 /openapi.json</a></li>
<li><a href="/api/health">健康检查 /api/health</a></li></ul></section></main>
<script>for (const a of document.querySelectorAll('a[data-port-link]')) a.href = location.protocol + '//' + location.hostname + a.dataset.portLink</script>
</body></html>`
    return reply.type('text/html; charset=utf-8').send(body)
  })
}
