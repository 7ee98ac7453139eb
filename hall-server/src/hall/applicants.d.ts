import { type CardReadView, type IdCardPayload } from '@hall/protocol'
import type { Applicant } from '../domain/index.js'
import type { Sealer } from '../security/secrets.js'
import type { Write } from '../store/journal.js'
export declare class Applicants {
  private readonly sealer
  private readonly clock
  private readonly reads
  constructor(sealer: Sealer, clock: () => number)
  hold(card: IdCardPayload, terminal: string | null, today: string, elderlyAge: number): CardReadView
  /** The age on `today` of the card behind a read, or null if the read has expired. */
  age(readId: string, today: string): number | null
  /**
   * The applicant for a read, with the write that stores them (empty if this read was already
   * stored by an earlier ticket or case). Null if the read has expired.
   */
  applicantFor(readId: string): {
    applicant: Applicant
    writes: Write[]
    commit: () => void
  } | null
  /** The blind index of the card behind a read, to find the applicant's earlier cases. */
  indexOf(readId: string): string | null
  private get;
  private sweep
}
