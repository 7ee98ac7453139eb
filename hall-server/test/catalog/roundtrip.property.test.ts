import { isDeepStrictEqual } from 'node:util'
import { DAY_UNITS, type DayUnit, type GuideMaterial, type ServiceGuide } from '@hall/protocol'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import t from 'tap'
import {
  type CatalogFormat,
  formatCatalog,
  initialsOf,
  parseCatalog,
  queueForCategory,
  serviceId,
} from '../../src/catalog/index.js'

/**
 * Random catalogs written with formatCatalog (TSV and CSV) and read back with parseCatalog give
 * the same items. The generators produce what the format can express:
 * - text cells are trimmed (reading trims them) and never `\r` (a quoted CR comes back as LF);
 *   they may hold quotes, commas, tabs and line breaks, which the formatter quotes;
 * - empty text is null, time limits are whole days or null;
 * - a material's name has no brackets, semicolons or line breaks (they structure the cell), its
 *   copies use the words the reader knows, its note is neither copies nor an optional mark.
 */

const CJK = [...'人口计生证明银行卡独女服务低保残疾林业农田宅基地户籍申请办理审核发放补贴']
const ASCII = [...'abcXYZ09']
const PUNCTUATION = ['"', ',', '，', '、', '“', '”', '《', '》', ' ', '\t', '·']

const charsOf = (alphabet: readonly string[], maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength })

/** Non-empty and trimmed, as reading leaves every cell. */
const trimmed = (arbitrary: fc.Arbitrary<string>) =>
  arbitrary.map((text) => text.trim()).filter((text) => text !== '')

const word = trimmed(charsOf([...CJK, ...ASCII, ...PUNCTUATION], 16))
const freeText = trimmed(
  charsOf([...CJK, ...ASCII, ...PUNCTUATION, '\n', '（', '）', '(', ')', ';', '；', '→'], 40),
)
const nullableText = fc.option(freeText, { nil: null })
const days = fc.option(fc.nat({ max: 400 }), { nil: null })
const unit = fc.constantFrom(...DAY_UNITS)
// 即办 (0) and no limit have no unit of their own: they read back as working days.
const unitFor = (n: number | null, written: DayUnit): DayUnit => (n === null || n === 0 ? 'working' : written)

// A leading "1、" is list numbering, not part of the name.
const materialName = trimmed(
  charsOf([...CJK, ...ASCII, '"', ',', '，', '、', '“', '”', '《', '》', ' ', '\t'], 12),
).filter((name) => !/^\d+\s*、/.test(name))
const COPIES = [
  '原件',
  '复印件',
  '原件及复印件',
  '原件和复印件',
  '电子版',
  '1份',
  '2张',
  '原件1份',
  '复印件3页',
]
// No digits, no 份张本套页 and none of 原复电纸 at the start: a note never reads as copies.
const noteText = trimmed(
  charsOf([...'村委会出具写明时间地点委托办理时提供申请人abcXYZ', ',', '，', '、', ' ', '"'], 12),
).filter((note) => !/^(原件|复印件|电子版|纸质版)/.test(note))

const material: fc.Arbitrary<GuideMaterial> = fc
  .record({
    name: materialName,
    required: fc.boolean(),
    copies: fc.option(fc.constantFrom(...COPIES), { nil: null }),
    note: fc.option(noteText, { nil: null }),
  })
  .map((fields) => ({ ...fields })) // fc.record makes null-prototype objects

const CATEGORIES = ['计生服务', '民政服务(复退军人服务)', '信访', '残障服务', '市场准入']
const category = fc.oneof(fc.constantFrom(...CATEGORIES), word)

const guide = (seq: number): fc.Arbitrary<ServiceGuide> =>
  fc
    .record({
      category,
      name: word,
      itemType: fc.oneof(fc.constant('公共服务'), word),
      basis: nullableText,
      department: nullableText,
      conditions: nullableText,
      legalDays: days,
      legalDayUnit: unit,
      promisedDays: days,
      promisedDayUnit: unit,
      resultName: nullableText,
      fees: nullableText,
      feeBasis: nullableText,
      materials: fc.array(material, { maxLength: 5 }),
      process: nullableText,
      reviewStandard: nullableText,
      appointment: nullableText,
      consultation: nullableText,
      complaint: nullableText,
    })
    .map((fields) => ({
      id: serviceId(seq),
      seq,
      queueId: queueForCategory(fields.category),
      initials: initialsOf(fields.name),
      ...fields,
      legalDayUnit: unitFor(fields.legalDays, fields.legalDayUnit),
      promisedDayUnit: unitFor(fields.promisedDays, fields.promisedDayUnit),
    }))

const catalog: fc.Arbitrary<ServiceGuide[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 999_999_999 }), { maxLength: 8 })
  .chain((seqs) => (seqs.length === 0 ? fc.constant([]) : fc.tuple(...seqs.map(guide))))

for (const format of ['tsv', 'csv'] as const satisfies readonly CatalogFormat[]) {
  t.test(`${format}: formatted items parse back to the same items`, async (t) => {
    fc.assert(
      fc.property(catalog, (items) => {
        const parsed = parseCatalog(formatCatalog(items, format), { format })
        return parsed.errors.length === 0 && isDeepStrictEqual(parsed.items, items)
      }),
      { numRuns: 300 },
    )
    t.pass('300 random catalogs round-tripped')
  })
}

t.test('the format is detected and GB18030 bytes read the same', async (t) => {
  fc.assert(
    fc.property(catalog, fc.constantFrom<CatalogFormat>('tsv', 'csv'), (items, format) => {
      const text = formatCatalog(items, format)
      const detected = parseCatalog(text)
      const fromBytes = parseCatalog(iconv.encode(text, 'gb18030'), { format })
      return (
        detected.format === format &&
        isDeepStrictEqual(detected.items, items) &&
        fromBytes.encoding === 'gb18030' &&
        isDeepStrictEqual(fromBytes.items, items)
      )
    }),
    { numRuns: 100 },
  )
  t.pass('100 random catalogs')
})
