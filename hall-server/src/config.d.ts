import { type HallConfig } from './config-schema.js'
import type { AlarmPolicy } from './domain/alarms.js'
import type { DomainConfig } from './domain/types.js'

export type { DeviceConfig, HallConfig } from './config-schema.js'
/**
 * Loading and checking the hall configuration. Every problem is reported at once, in plain words,
 * with where it is in the file, so the technician can fix the file in one go.
 */
export declare class ConfigError extends Error {
  readonly file: string
  readonly problems: string[]
  constructor(file: string, problems: string[])
}
export declare function parseConfig(raw: unknown, file: string): HallConfig
export declare function loadConfig(file: string): Promise<HallConfig>
export declare function domainConfig(config: HallConfig): DomainConfig
export declare function alarmPolicy(config: HallConfig): AlarmPolicy
/** Where the server keeps its files, from the environment with defaults. */
export interface Paths {
  dataDir: string
  configFile: string
  dbFile: string
  keyFile: string
}
export declare function pathsFrom(env: NodeJS.ProcessEnv, dataDirArg?: string): Paths
