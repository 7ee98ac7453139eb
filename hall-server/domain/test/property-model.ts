import { RATING_LEVELS } from '@hall/protocol'

export * from '../src/index.js'
export const RATING_LEVELS_FOR_TESTS = RATING_LEVELS
