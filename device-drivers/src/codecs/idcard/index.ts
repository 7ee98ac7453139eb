/** GA 467 second-generation ID card reader codec: pure byte formats, no I/O. */

export {
  type BaseInfo,
  type BaseInfoOptions,
  decodeBaseInfoResponse,
  encodeBaseInfoData,
  type IdCardRead,
  parseBaseInfo,
} from './base-info.js'
export {
  DEFAULT_MAX_FRAME_LENGTH,
  type Ga467DecodeError,
  type Ga467DecodeResult,
  type Ga467DecoderOptions,
  type Ga467Request,
  Ga467RequestDecoder,
  type Ga467Response,
  Ga467ResponseDecoder,
} from './decoder.js'
export {
  encodeCommand,
  encodeRequest,
  encodeResponse,
  Ga467Command,
  type Ga467CommandName,
  Ga467Error,
  Ga467ErrorCode,
  type Ga467Result,
  PREAMBLE,
  type StatusWord,
  xorChecksum,
} from './frame.js'
export { idNumberCheckDigit, isValidIdNumber, maskIdNumber, maskName } from './id-number.js'
export {
  type CardType,
  type ForeignerRecord,
  type ForeignerRecord2017,
  type ForeignerRecord2023,
  type HkMoTwRecord,
  type IdCardRecord,
  LONG_TERM,
  type ResidentIdRecord,
} from './record.js'
export {
  type DescribedStatus,
  describeStatus,
  Ga467Status,
  type Ga467StatusCode,
  isSuccessStatus,
  type StatusInfo,
} from './status.js'
export {
  GENDERS,
  type GenderCode,
  type GenderName,
  genderName,
  NATIONS,
  type NationCode,
  nationName,
} from './tables.js'
export {
  CARD_TYPE_FLAG,
  FOREIGNER_2017_LAYOUT,
  FOREIGNER_2023_LAYOUT,
  HKMOTW_LAYOUT,
  RESIDENT_LAYOUT,
  TEXT_RECORD_LENGTH,
} from './text-layout.js'
export { cardTypeFlag, parseTextRecord } from './text-record.js'
export { encodeTextRecord } from './text-record-encoder.js'
