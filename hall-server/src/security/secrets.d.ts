/**
 * Secrets at rest: device tokens and staff sessions stored only as SHA-256 hashes, PINs hashed with
 * scrypt (RFC 7914), ID numbers sealed with AES-256-GCM and found again through an HMAC blind
 * index. The master key lives in the data directory (`hall.key`, mode 0600) or comes from config.
 */
export declare function newToken(): string
export declare function hashToken(token: string): string
export declare function hashPin(pin: string): Promise<string>
export declare function verifyPin(pin: string, stored: string): Promise<boolean>
export declare class Sealer {
  private readonly encKey
  private readonly indexKey
  constructor(masterKey: Buffer)
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  seal(plain: string): string
  open(sealed: string): string
  /** A keyed hash of an ID number: equal numbers match, the number itself cannot be recovered. */
  blindIndex(value: string): string
}
/** Reads the key file, creating it (0600) the first time. */
export declare function loadOrCreateKey(file: string): Promise<Buffer>
