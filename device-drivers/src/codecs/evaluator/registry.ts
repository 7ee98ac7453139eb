/**
 * Evaluator protocols by id. A vendor's box gets its own codec file implementing
 * `EvaluatorProtocol` and an entry here; the device layer picks one by the id in its config.
 */
import { hallV1EvaluatorProtocol } from './hall-v1.js'
import type { EvaluatorProtocol } from './types.js'

export const evaluatorProtocols: Readonly<Record<string, EvaluatorProtocol>> = {
  'hall-v1': hallV1EvaluatorProtocol,
}

/** The protocol with this id, or undefined. */
export function getEvaluatorProtocol(id: string): EvaluatorProtocol | undefined {
  return Object.hasOwn(evaluatorProtocols, id) ? evaluatorProtocols[id] : undefined
}
