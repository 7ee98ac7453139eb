import { readFileSync } from 'node:fs'

/** One Uint8Array per non-empty line of an annotated hex fixture (`#` starts a comment). */
export function hexLines(name: string): Uint8Array[] {
  return readFileSync(new URL(`../../fixtures/scanner/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').replace(/\s+/g, ''))
    .filter((line) => line.length > 0)
    .map((line) => Uint8Array.from(line.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16)))
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

export const report = (modifiers: number, ...keys: number[]): Uint8Array =>
  Uint8Array.from([modifiers, 0, ...keys, ...new Array(6 - keys.length).fill(0)])
export const RELEASE = report(0)
