/**
 * Delimiter-separated records, CSV after RFC 4180 and TSV as spreadsheets export it: a field that
 * starts with `"` is quoted, `""` inside it is one quote, and it may hold delimiters and newlines.
 * A quote anywhere else is an ordinary character. Reading is lenient the way spreadsheets are:
 * text after a closing quote is kept, CRLF, LF and CR all end a line, and newlines inside a quoted
 * field come back as LF.
 */

export type Delimiter = ',' | '\t'

export interface RawRecord {
  /** 1-based line of the file where the record starts (a quoted field may span lines). */
  line: number
  fields: string[]
}

export interface ReadResult {
  records: RawRecord[]
  /** The line where a quoted field opened and never closed; everything from there on is lost. */
  unterminatedQuoteLine: number | null
}

export function readRecords(text: string, delimiter: Delimiter): ReadResult {
  const records: RawRecord[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let quoted = false
  let atFieldStart = true
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    const isNewline = c === '\n' || c === '\r'
    const newlineWidth = c === '\r' && text[i + 1] === '\n' ? 2 : 1
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
        } else {
          quoted = false
          i += 1
        }
      } else if (isNewline) {
        field += '\n'
        line += 1
        i += newlineWidth
      } else {
        field += c
        i += 1
      }
      continue
    }
    if (c === '"' && atFieldStart) {
      quoted = true
      atFieldStart = false
    } else if (c === delimiter) {
      fields.push(field)
      field = ''
      atFieldStart = true
    } else if (isNewline) {
      fields.push(field)
      records.push({ line: recordLine, fields })
      fields = []
      field = ''
      atFieldStart = true
      line += 1
      recordLine = line
      i += newlineWidth
      continue
    } else {
      field += c
      atFieldStart = false
    }
    i += 1
  }
  if (quoted) return { records, unterminatedQuoteLine: recordLine }
  if (fields.length > 0 || field !== '') {
    fields.push(field)
    records.push({ line: recordLine, fields })
  }
  return { records, unterminatedQuoteLine: null }
}

const needsQuotes = (value: string, delimiter: Delimiter): boolean =>
  value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')

export function formatRecord(fields: readonly string[], delimiter: Delimiter): string {
  return fields
    .map((value) => (needsQuotes(value, delimiter) ? `"${value.replaceAll('"', '""')}"` : value))
    .join(delimiter)
}
