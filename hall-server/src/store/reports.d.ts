import type { CaseView, FollowUpView } from '@hall/protocol'
import type { Db } from './db.js'
export declare function caseRowById(db: Db, id: string): Promise<CaseView | null>
/** Cases of the applicants with this blind index (one person's cases), newest first. */
export declare function casesByApplicantHash(db: Db, idHash: string, limit?: number): Promise<CaseView[]>
export declare function followUpsFromDb(db: Db, since: number): Promise<FollowUpView[]>
