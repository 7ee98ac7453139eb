/** Evaluator button box (好差评 rating pad): protocol-neutral types, `hall-v1` codec, registry. */
export { crc8 } from './crc8.js'
export {
  encodeCommand,
  encodeEvent,
  frame,
  HallV1Command,
  hallV1EvaluatorProtocol,
  MAX_PAYLOAD,
} from './hall-v1.js'
export { evaluatorProtocols, getEvaluatorProtocol } from './registry.js'
export {
  AckResult,
  BAD_RATING_REASONS,
  type BadRatingReason,
  type BoxState,
  type EncodeOptions,
  EvaluatorCodecError,
  type EvaluatorCommand,
  type EvaluatorCommandResult,
  EvaluatorErrorCode,
  type EvaluatorEvent,
  type EvaluatorFrameError,
  type EvaluatorFrameResult,
  type EvaluatorProtocol,
  type FrameResult,
  isBadRating,
  isBadRatingReason,
  isRatingLevel,
  RATING_LEVELS,
  type RatingLevel,
  ratingLabel,
  reasonLabel,
  type StreamDecoder,
} from './types.js'
