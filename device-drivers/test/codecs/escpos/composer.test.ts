// Golden bytes written by hand from the ESC/POS reference, not produced by the code under test.
import t from 'tap'
import {
  EscPosError,
  EscPosErrorCode,
  encodeQrCode,
  encodeText,
  escpos,
  fromHex,
  statusRequest,
  toHex,
} from '../../../src/codecs/escpos/index.js'

const hex = (b: Uint8Array): string => toHex(b)

t.test('single commands', async (t) => {
  t.equal(hex(escpos().init().build()), '1b 40', 'ESC @')
  t.equal(hex(escpos().chinese(true).build()), '1c 26', 'FS &')
  t.equal(hex(escpos().chinese(false).build()), '1c 2e', 'FS .')
  t.equal(hex(escpos().align('left').align('center').align('right').build()), '1b 61 00 1b 61 01 1b 61 02')
  t.equal(hex(escpos().bold().bold(false).build()), '1b 45 01 1b 45 00')
  t.equal(hex(escpos().size(2, 2).build()), '1d 21 11', 'GS ! double width and height')
  t.equal(hex(escpos().size(3).build()), '1d 21 22', 'GS ! 3x3')
  t.equal(hex(escpos().size(1, 2).build()), '1d 21 01', 'GS ! double height only')
  t.equal(hex(escpos().size(8, 1).build()), '1d 21 70')
  t.equal(hex(escpos().size(1, 1).build()), '1d 21 00')
  t.equal(hex(escpos().kanjiMode({ doubleWidth: true, doubleHeight: true }).build()), '1c 21 0c', 'FS ! 0x0C')
  t.equal(hex(escpos().kanjiMode({ underline: true }).build()), '1c 21 80')
  t.equal(hex(escpos().underline(1).build()), '1b 2d 01', 'ESC - only outside Chinese mode')
  t.equal(
    hex(escpos().chinese().underline(2).underline(false).build()),
    '1c 26 1b 2d 02 1c 2d 02 1b 2d 00 1c 2d 00',
  )
  t.equal(hex(escpos().newline().build()), '0a')
  t.equal(hex(escpos().feed(3).build()), '1b 64 03', 'ESC d 3')
  t.equal(hex(escpos().cut().build()), '1d 56 42 00', 'GS V 66 0: partial cut after feeding to the cutter')
  t.equal(hex(escpos().cut({ partial: false, feed: 3 }).build()), '1d 56 41 03')
  t.equal(hex(escpos().raw([0x1b, 0x40]).build()), '1b 40')
})

t.test('DLE EOT status requests', async (t) => {
  t.equal(hex(statusRequest('printer')), '10 04 01')
  t.equal(hex(statusRequest('offline')), '10 04 02')
  t.equal(hex(statusRequest('error')), '10 04 03')
  t.equal(hex(statusRequest('paper')), '10 04 04')
  t.equal(hex(escpos().requestStatus('paper').build()), '10 04 04')
})

t.test('GB18030 text in Chinese mode', async (t) => {
  t.equal(hex(encodeText('中文', true)), 'd6 d0 ce c4')
  t.equal(hex(encodeText('张三', true)), 'd5 c5 c8 fd')
  t.equal(hex(encodeText('3号窗口', true)), '33 ba c5 b4 b0 bf da')
  // 䶮 is outside GB2312 (lead bytes A1-F7): GBK area of GB18030, FE 9F.
  t.equal(hex(encodeText('䶮', true)), 'fe 9f')
  // CJK extension A and B: four-byte GB18030 sequences (second byte 0x30-0x39).
  t.equal(hex(encodeText('㐀', true)), '81 39 ee 39')
  t.equal(hex(encodeText('𠀀', true)), '95 32 82 36')
  t.equal(hex(encodeText('A1', true)), '41 31')
  t.equal(hex(escpos().chinese().text('王𠀀').build()), '1c 26 cd f5 95 32 82 36')
})

t.test('ASCII outside Chinese mode, and no command injection', async (t) => {
  t.equal(hex(encodeText('中A', false)), '3f 41', 'non-ASCII becomes ? without Chinese mode')
  t.equal(hex(encodeText('𠀀', false)), '3f', 'one ? per code point, not per UTF-16 unit')
  t.equal(hex(encodeText('A\x1bB\x1d\x00C\x7f', true)), '41 42 43', 'control bytes are dropped')
  t.equal(hex(escpos().text('A\nB\r\n').build()), '41 0a 42 0a', 'newline is LF, CR dropped')
  t.equal(hex(escpos().line('AB').build()), '41 42 0a')
  t.equal(hex(escpos().chinese().text('\ud800x').build()), '1c 26 3f 78', 'lone surrogate becomes ?')
})

t.test('QR code with a Chinese payload: pL pH count UTF-8 bytes + 3', async (t) => {
  const expected = [
    '1d 28 6b 04 00 31 41 32 00', // model 2
    '1d 28 6b 03 00 31 43 06', // module size 6
    '1d 28 6b 03 00 31 45 31', // level M
    '1d 28 6b 09 00 31 50 30 e4 b8 ad e6 96 87', // store: 6 UTF-8 bytes + 3 = 9
    '1d 28 6b 03 00 31 51 30', // print
  ].join(' ')
  t.equal(hex(encodeQrCode('中文')), expected)
  t.equal(hex(escpos().qrCode('中文').build()), expected)
  const small = encodeQrCode('A', { moduleSize: 3, errorCorrection: 'H' })
  t.match(hex(small), /1d 28 6b 03 00 31 43 03 1d 28 6b 03 00 31 45 33 1d 28 6b 04 00 31 50 30 41/)
})

t.test('QR length above 255 sets pH', async (t) => {
  const content = '中'.repeat(100) // 300 UTF-8 bytes, k = 303 = 0x012F
  const bytes = encodeQrCode(content)
  const store = bytes.findIndex((_, i) => bytes[i] === 0x31 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x30)
  t.equal(hex(bytes.subarray(store - 5, store)), '1d 28 6b 2f 01', 'pL = 0x2F, pH = 0x01')
  t.equal(bytes.length, 9 + 8 + 8 + 8 + 300 + 8)
})

t.test('bad arguments throw coded errors', async (t) => {
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn()
    } catch (e) {
      return e instanceof EscPosError ? e.code : 'other'
    }
    return undefined
  }
  t.equal(
    code(() => escpos().size(9)),
    EscPosErrorCode.invalidArgument,
  )
  t.equal(
    code(() => escpos().size(0)),
    EscPosErrorCode.invalidArgument,
  )
  t.equal(
    code(() => escpos().size(1.5)),
    EscPosErrorCode.invalidArgument,
  )
  t.equal(
    code(() => escpos().feed(256)),
    EscPosErrorCode.invalidArgument,
  )
  t.equal(
    code(() => escpos().cut({ feed: -1 })),
    EscPosErrorCode.invalidArgument,
  )
  t.equal(
    code(() => encodeQrCode('x', { moduleSize: 17 })),
    EscPosErrorCode.invalidArgument,
  )
  t.equal(
    code(() => encodeQrCode('')),
    EscPosErrorCode.qrTooLong,
  )
  t.equal(
    code(() => encodeQrCode('a'.repeat(1274), { errorCorrection: 'H' })),
    EscPosErrorCode.qrTooLong,
  )
  t.equal(
    code(() => encodeQrCode('a'.repeat(1273), { errorCorrection: 'H' })),
    undefined,
  )
})

t.test('builder tracks Chinese mode and init resets it', async (t) => {
  const b = escpos()
  t.equal(b.chineseMode, false)
  b.chinese()
  t.equal(b.chineseMode, true)
  b.init()
  t.equal(b.chineseMode, false)
  t.equal(hex(b.text('中').build()), '1c 26 1b 40 3f')
  t.same(fromHex('1B 40'), Uint8Array.from([0x1b, 0x40]))
})
