import type { StaffConfig } from '@hall/domain'
import { hallTime, staffCard } from '@hall/domain'
import type { Access, DeviceRole, PrincipalView, Session, StaffRole } from '@hall/protocol'
import { hashPin, hashToken, newToken, verifyPin } from '../security/secrets.js'
import type { Db } from '../store/db.js'
import {
  createSession,
  deviceByTokenHash,
  endSession,
  recordSignInAttempt,
  sessionByTokenHash,
  staffSecret,
} from '../store/repos.js'
import { CommandRefused } from './service.js'

/**
 * Who is calling. A device presents its enrolment token; a staff member presents the session token
 * they got by signing in with staff number and PIN on an enrolled counter (or, for managers, the
 * wall). Tokens are kept only as hashes.
 */

export type Principal =
  | { kind: 'device'; deviceId: string; role: DeviceRole; windowId: string | null; terminal: string | null }
  | {
      kind: 'staff'
      deviceId: string
      role: StaffRole
      staffNo: string
      windowId: string | null
      terminal: string | null
      tokenHash: string
    }

export function actorId(p: Principal): string {
  return p.kind === 'device' ? `device:${p.deviceId}` : `staff:${p.staffNo}@${p.deviceId}`
}

export function allowed(p: Principal, access: readonly Access[]): boolean {
  if (access.includes('public')) return true
  return access.includes(p.role as Access)
}

const CACHE_MS = 5_000
/** Wrong PINs in a row that lock a staff number, and for how long. */
export const LOCK_AFTER = 5
export const LOCK_MS = 15 * 60_000

/**
 * The refusal of a locked staff number, with the hall-clock minute from which a try is allowed
 * again (rounded up, so "after 10:46" is true at 10:46:00).
 */
export function lockedMessage(lockedUntil: number, utcOffsetMinutes: number): string {
  const minute = Math.ceil(lockedUntil / 60_000) * 60_000
  return `连续输错${LOCK_AFTER}次，已锁定，请于 ${hallTime(minute, utcOffsetMinutes, false)} 后再试`
}

/** A refused sign-in, with what the audit trail records about it. */
export class SignInRefused extends CommandRefused {
  constructor(
    code: 'SIGN_IN_FAILED' | 'SIGN_IN_LOCKED',
    message: string | undefined,
    /** Wrong tries in a row counting this one; 0 when this try was not counted (unknown or locked). */
    readonly failedCount: number,
    /** Set when this very try locked the staff number: until when. */
    readonly lockedNow: number | null,
  ) {
    super(code, message)
  }
}

interface Cached {
  principal: Principal | null
  until: number
}

export class Identity {
  private readonly cache = new Map<string, Cached>()

  constructor(
    private readonly db: Db,
    private readonly staff: () => StaffConfig[],
    private readonly clock: () => number,
    private readonly sessionHours: number,
    private readonly utcOffsetMinutes: () => number = () => 480,
  ) {}

  async authenticate(token: string | undefined): Promise<Principal | null> {
    if (!token || token.length > 200) return null
    const tokenHash = hashToken(token)
    const now = this.clock()
    const cached = this.cache.get(tokenHash)
    if (cached && cached.until > now) return cached.principal
    const principal = await this.lookup(tokenHash, now)
    if (this.cache.size > 10_000) this.cache.clear()
    this.cache.set(tokenHash, { principal, until: now + CACHE_MS })
    return principal
  }

  private async lookup(tokenHash: string, now: number): Promise<Principal | null> {
    const device = await deviceByTokenHash(this.db, tokenHash)
    if (device) {
      return {
        kind: 'device',
        deviceId: device.id,
        role: device.role,
        windowId: device.windowId,
        terminal: device.terminal,
      }
    }
    const session = await sessionByTokenHash(this.db, tokenHash, now)
    if (!session) return null
    const terminal = (
      await this.db.get<{ terminal: string | null }>('SELECT terminal FROM devices WHERE id = ?', [
        session.deviceId,
      ])
    )?.terminal
    return {
      kind: 'staff',
      deviceId: session.deviceId,
      role: session.role,
      staffNo: session.staffNo,
      windowId: session.windowId,
      terminal: terminal ?? null,
      tokenHash,
    }
  }

  /**
   * Checks a staff number and PIN from an enrolled device. Wrong PINs are counted; the
   * `LOCK_AFTER`th in a row locks the staff number for `LOCK_MS`, and while it is locked even the
   * right PIN is refused. Refusals are `SignInRefused`, for the audit trail.
   */
  async verifyStaff(device: Principal, staffNo: string, pin: string): Promise<StaffConfig> {
    if (device.kind !== 'device') throw new CommandRefused('FORBIDDEN')
    const member = this.staff().find((s) => s.staffNo === staffNo)
    const secret = member ? await staffSecret(this.db, staffNo) : null
    const now = this.clock()
    if (!member || !secret) {
      // Same work and answer as a wrong PIN, so staff numbers cannot be probed.
      await verifyPin(pin, await DUMMY_HASH)
      throw new SignInRefused('SIGN_IN_FAILED', undefined, 0, null)
    }
    if (secret.lockedUntil !== null && secret.lockedUntil > now) {
      throw new SignInRefused(
        'SIGN_IN_LOCKED',
        lockedMessage(secret.lockedUntil, this.utcOffsetMinutes()),
        0,
        null,
      )
    }
    const ok = await verifyPin(pin, secret.pinHash)
    const after = await recordSignInAttempt(this.db, staffNo, ok, LOCK_AFTER, now + LOCK_MS, now)
    if (!ok) {
      if (after.lockedUntil !== null && after.lockedUntil > now) {
        throw new SignInRefused(
          'SIGN_IN_LOCKED',
          lockedMessage(after.lockedUntil, this.utcOffsetMinutes()),
          after.failedCount,
          after.lockedUntil,
        )
      }
      throw new SignInRefused('SIGN_IN_FAILED', undefined, after.failedCount, null)
    }
    if (device.role === 'wall' && member.role !== 'manager') {
      throw new CommandRefused('FORBIDDEN', '管理大屏只允许管理人员登录')
    }
    return member
  }

  async openSession(device: Principal & { kind: 'device' }, member: StaffConfig): Promise<Session> {
    const token = newToken()
    const now = this.clock()
    const expiresAt = now + this.sessionHours * 3_600_000
    const windowId = device.role === 'counter' ? device.windowId : null
    await createSession(
      this.db,
      hashToken(token),
      { staffNo: member.staffNo, role: member.role, deviceId: device.deviceId, windowId, expiresAt },
      now,
    )
    return { token, staff: staffCard(member)!, role: member.role, windowId, expiresAt }
  }

  async closeSession(p: Principal): Promise<void> {
    if (p.kind !== 'staff') return
    await endSession(this.db, p.tokenHash, this.clock())
    this.cache.delete(p.tokenHash)
  }

  view(p: Principal): PrincipalView {
    const member = p.kind === 'staff' ? this.staff().find((s) => s.staffNo === p.staffNo) : undefined
    return {
      kind: p.kind,
      deviceId: p.deviceId,
      role: p.role,
      windowId: p.windowId,
      terminal: p.terminal,
      staff: staffCard(member),
    }
  }
}

const DUMMY_HASH = hashPin('not-a-real-pin')
