import type { Access, DeviceRole, PrincipalView, Session, StaffRole } from '@hall/protocol'
import type { StaffConfig } from '../domain/index.js'
import type { Db } from '../store/db.js'
/**
 * Who is calling. A device presents its enrolment token; a staff member presents the session token
 * they got by signing in with staff number and PIN on an enrolled counter (or, for managers, the
 * wall). Tokens are kept only as hashes.
 */
export type Principal =
  | {
      kind: 'device'
      deviceId: string
      role: DeviceRole
      windowId: string | null
      terminal: string | null
    }
  | {
      kind: 'staff'
      deviceId: string
      role: StaffRole
      staffNo: string
      windowId: string | null
      terminal: string | null
      tokenHash: string
    }
export declare function actorId(p: Principal): string
export declare function allowed(p: Principal, access: readonly Access[]): boolean
export declare class Identity {
  private readonly db
  private readonly staff
  private readonly clock
  private readonly sessionHours
  private readonly cache
  constructor(db: Db, staff: () => StaffConfig[], clock: () => number, sessionHours: number)
  authenticate(token: string | undefined): Promise<Principal | null>
  private lookup
  /** Checks a staff number and PIN from an enrolled device; counts failures and locks after five. */
  verifyStaff(device: Principal, staffNo: string, pin: string): Promise<StaffConfig>
  openSession(
    device: Principal & {
      kind: 'device'
    },
    member: StaffConfig,
  ): Promise<Session>
  closeSession(p: Principal): Promise<void>
  view(p: Principal): PrincipalView
}
