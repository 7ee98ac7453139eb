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
export declare function readRecords(text: string, delimiter: Delimiter): ReadResult
export declare function formatRecord(fields: readonly string[], delimiter: Delimiter): string
