/**
 * Builds data/demo-catalog.tsv: the district's 152-item 便民服务事项 catalog (序号 类别 事项名称
 * 事项类型, from the shared project data) enriched with demo 办事指南 elements from ./demo-guides.
 * Authoring time only: the server reads data/demo-catalog.tsv and never the shared data.
 *
 *   cd hall-server && node --import tsx scripts/build-demo-catalog.ts [source.tsv] [--check]
 *
 * With --check it writes nothing and fails if the committed file differs from what it would write.
 * It writes through the project's own formatter and refuses to write a file that does not parse
 * back to exactly the same items.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import type { ServiceGuide } from '@hall/protocol'
import { DEMO_CATALOG_FILE, formatCatalog, parseCatalog, parseMaterial } from '../src/catalog/index.js'
import {
  appointmentText,
  CATEGORY_DEPARTMENTS,
  COMPLAINT_TEXT,
  consultationText,
  DEMO_GUIDES,
  type DemoGuide,
  KIND_DEFAULTS,
  NO_FEE,
  UNKNOWN_BASIS,
} from './demo-guides/index.js'

const DEFAULT_SOURCE = fileURLToPath(
  new URL('../../../shared/data/renhe-service-catalog.tsv', import.meta.url),
)

function enrich(item: ServiceGuide, guide: DemoGuide): ServiceGuide {
  if (guide.name !== item.name) {
    throw new Error(`序号 ${item.seq}：目录中的名称“${item.name}”与指南中的“${guide.name}”不一致`)
  }
  const department = guide.department ?? CATEGORY_DEPARTMENTS[item.category]
  if (department === undefined) throw new Error(`序号 ${item.seq}：类别“${item.category}”没有对应的实施主体`)
  const defaults = KIND_DEFAULTS[guide.kind]
  const [legalDays, promisedDays] = guide.days ?? defaults.days
  // Promises are in working days; a legal limit in calendar days holds at most 5 working days a week.
  const promisedBound = guide.legalInDays ? Math.ceil((promisedDays * 7) / 5) : promisedDays
  if (promisedBound > legalDays) throw new Error(`序号 ${item.seq}：承诺办结时限长于法定办结时限`)
  const [fees, feeBasis] = guide.fees ?? NO_FEE
  return {
    ...item,
    basis: guide.basis ?? UNKNOWN_BASIS,
    department,
    conditions: guide.conditions,
    legalDays,
    legalDayUnit: guide.legalInDays ? 'day' : 'working',
    promisedDays,
    promisedDayUnit: 'working',
    resultName: guide.result,
    fees,
    feeBasis,
    materials: guide.materials.map(parseMaterial),
    process: guide.process ?? defaults.process(department),
    reviewStandard: guide.review,
    appointment: appointmentText(guide.kind),
    consultation: consultationText(department),
    complaint: COMPLAINT_TEXT,
  }
}

export async function buildDemoCatalog(source = DEFAULT_SOURCE): Promise<string> {
  const parsed = parseCatalog(await readFile(source), { fileName: source })
  if (parsed.errors.length > 0) {
    throw new Error(parsed.errors.map((error) => error.message).join('\n'))
  }
  const guides = new Map(DEMO_GUIDES.map((guide) => [guide.seq, guide]))
  if (guides.size !== DEMO_GUIDES.length) throw new Error('指南中有重复的序号')
  const items = parsed.items.map((item) => {
    const guide = guides.get(item.seq)
    if (guide === undefined) throw new Error(`序号 ${item.seq}（${item.name}）没有指南`)
    guides.delete(item.seq)
    return enrich(item, guide)
  })
  if (guides.size > 0) throw new Error(`这些序号不在目录中：${[...guides.keys()].join('、')}`)

  const text = formatCatalog(items, 'tsv')
  const back = parseCatalog(text, { format: 'tsv' })
  if (back.errors.length > 0 || !isDeepStrictEqual(back.items, items)) {
    const first = items.find((item, index) => !isDeepStrictEqual(back.items[index], item))
    throw new Error(`生成的文件读回后与原数据不一致（序号 ${first?.seq ?? '?'}）`)
  }
  if (text.split('\n').length !== items.length + 2) throw new Error('有事项占了不止一行')
  return text
}

async function main(args: string[]): Promise<number> {
  const check = args.includes('--check')
  const source = args.find((arg) => !arg.startsWith('--'))
  const text = await buildDemoCatalog(source)
  if (check) {
    const current = await readFile(DEMO_CATALOG_FILE, 'utf8').catch(() => '')
    if (current === text) return 0
    process.stderr.write(`${DEMO_CATALOG_FILE} 不是最新的；请运行 scripts/build-demo-catalog.ts\n`)
    return 1
  }
  await writeFile(DEMO_CATALOG_FILE, text)
  process.stdout.write(`已写入 ${DEMO_CATALOG_FILE}：${text.split('\n').length - 2} 项\n`)
  return 0
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    },
  )
}
