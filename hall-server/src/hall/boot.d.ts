import { ServiceCatalog } from '../catalog/index.js'
import { type HallConfig, type Paths } from '../config.js'
import { type HallState } from '../domain/index.js'
import { Sealer } from '../security/secrets.js'
import { Db } from '../store/db.js'
import { Applicants } from './applicants.js'
import { Identity } from './identity.js'
import { Printing } from './printing.js'
import { HallService } from './service.js'
/**
 * Opens a hall: the data directory, the database (migrated), the key, and the state rebuilt from
 * the latest snapshot plus the events after it — exactly the hall as it was when it stopped.
 */
export interface Hall {
  config: HallConfig
  catalog: ServiceCatalog
  paths: Paths
  db: Db
  service: HallService
  identity: Identity
  applicants: Applicants
  printing: Printing
  sealer: Sealer
  clock: () => number
}
export declare function restoreState(
  db: Db,
  fresh: () => HallState,
): Promise<{
  state: HallState
  seq: number
}>
export declare function openHall(config: HallConfig, paths: Paths, clock?: () => number): Promise<Hall>
/**
 * Picks up what hallctl changed in the database while the server runs (enrolled devices, an
 * imported catalog). Staff and the rest of hall.json are read at start: restart after editing it.
 */
export declare function watchDatabase(hall: Hall): () => Promise<void>
export declare function closeHall(hall: Hall): Promise<void>
