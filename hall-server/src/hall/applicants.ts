import { randomUUID } from 'node:crypto'
import type { Applicant } from '@hall/domain'
import { ageOn, type CardReadView, type IdCardPayload, maskIdNumber, maskName } from '@hall/protocol'
import type { Sealer } from '../security/secrets.js'
import type { Write } from '../store/journal.js'

/**
 * ID-card reads. A read arrives from a terminal's device agent and is held in memory for a few
 * minutes under a random handle; the screen gets only the masked view and the handle. When a
 * ticket or case uses the read, the applicant is stored sealed (AES-GCM) in the same transaction
 * as the ticket or case, with a blind index for finding their cases again. Unused reads are
 * forgotten: nothing is stored that no purpose needed.
 */

const READ_TTL_MS = 5 * 60_000

interface HeldRead {
  card: IdCardPayload
  terminal: string | null
  expiresAt: number
  applicant: Applicant | null
}

export class Applicants {
  private readonly reads = new Map<string, HeldRead>()

  constructor(
    private readonly sealer: Sealer,
    private readonly clock: () => number,
  ) {}

  hold(card: IdCardPayload, terminal: string | null, today: string, elderlyAge: number): CardReadView {
    this.sweep()
    const readId = randomUUID()
    const expiresAt = this.clock() + READ_TTL_MS
    this.reads.set(readId, { card, terminal, expiresAt, applicant: null })
    const age = ageOn(card.birthDate, today)
    return {
      readId,
      cardType: card.cardType,
      nameMasked: maskName(card.name),
      idMasked: maskIdNumber(card.idNumber),
      gender: card.gender,
      age,
      elderly: age >= elderlyAge,
      expiresAt,
    }
  }

  /** The age on `today` of the card behind a read, or null if the read has expired. */
  age(readId: string, today: string): number | null {
    const held = this.get(readId)
    return held ? ageOn(held.card.birthDate, today) : null
  }

  /**
   * The applicant for a read, with the write that stores them (empty if this read was already
   * stored by an earlier ticket or case). Null if the read has expired.
   */
  applicantFor(readId: string): { applicant: Applicant; writes: Write[]; commit: () => void } | null {
    const held = this.get(readId)
    if (!held) return null
    if (held.applicant) return { applicant: held.applicant, writes: [], commit: () => undefined }
    const applicant: Applicant = { id: randomUUID(), nameMasked: maskName(held.card.name) }
    const sealed = this.sealer.seal(JSON.stringify(held.card))
    const write: Write = {
      sql: 'INSERT INTO applicants (id, id_hash, name_masked, id_masked, sealed, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      params: [
        applicant.id,
        this.sealer.blindIndex(held.card.idNumber),
        applicant.nameMasked,
        maskIdNumber(held.card.idNumber),
        sealed,
        this.clock(),
      ],
    }
    return {
      applicant,
      writes: [write],
      commit: () => {
        held.applicant = applicant
      },
    }
  }

  /** The blind index of the card behind a read, to find the applicant's earlier cases. */
  indexOf(readId: string): string | null {
    const held = this.get(readId)
    return held ? this.sealer.blindIndex(held.card.idNumber) : null
  }

  private get(readId: string): HeldRead | null {
    const held = this.reads.get(readId)
    if (!held) return null
    if (held.expiresAt < this.clock()) {
      this.reads.delete(readId)
      return null
    }
    return held
  }

  private sweep(): void {
    const now = this.clock()
    for (const [id, held] of this.reads) if (held.expiresAt < now) this.reads.delete(id)
  }
}
