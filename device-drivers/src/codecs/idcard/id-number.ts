/**
 * Citizen ID numbers (GB 11643-1999) and the masks used wherever ID data is shown or logged.
 *
 * The 18th character is an ISO 7064 MOD 11-2 check character over the first 17 digits: weights
 * 2^(17-i) mod 11, sum mod 11 indexes "10X98765432". The same scheme is used by the residence
 * permit numbers of Hong Kong, Macao and Taiwan residents (810000/820000/830000...) and, as far as
 * public material shows, by the 18-digit 2023 foreigner's permanent residence card numbers.
 *
 * ID numbers and names are personal information under the Personal Information Protection Law:
 * everything that displays or logs them goes through `maskIdNumber` / `maskName`.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432'

/** The check character for 17 digits, or undefined if the input is not 17 ASCII digits. */
export function idNumberCheckDigit(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]
}

/**
 * True when `id` is 17 digits followed by the right check character. A lowercase `x` is accepted
 * because people type it; the card itself always stores `X`. Birth date and region are not checked.
 */
export function isValidIdNumber(id: string): boolean {
  if (id.length !== 18) return false
  const expected = idNumberCheckDigit(id.slice(0, 17))
  return expected !== undefined && expected === id[17]!.toUpperCase()
}

// Masking lives in the contract package, shared by the server, the screens and the agent.
export { maskIdNumber, maskName } from '@hall/protocol'
