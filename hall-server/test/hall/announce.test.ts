import t from 'tap'
import { callPinyin, codePinyin, numberPinyin } from '../../src/hall/announce.js'
import { chime, pcmOfWav, wavFromSamples } from '../../src/hall/audio.js'

t.test('the call sentence in pinyin', (t) => {
  t.equal(callPinyin('A012', 3), 'qing3 ei1 ling2 yao1 er4 hao4, dao4 san1 hao4 chuang1 kou3 ban4 li3.')
  t.equal(codePinyin('B107'), 'bi4 yao1 ling2 qi1')
  t.same([1, 2, 10, 12, 20, 21, 100, 105, 110, 200, 999].map(numberPinyin), [
    'yi1',
    'er4',
    'shi2',
    'shi2 er4',
    'er4 shi2',
    'er4 shi2 yi1',
    'yi1 bai3',
    'yi1 bai3 ling2 wu3',
    'yi1 bai3 yi1 shi2',
    'liang3 bai3',
    'jiu3 bai3 jiu3 shi2 jiu3',
  ])
  t.end()
})

t.test('WAV round trip and the chime', (t) => {
  const samples = chime(22050)
  t.ok(samples.length > 22050, 'over a second of chime')
  const wav = wavFromSamples(samples, 22050)
  const { pcm, rate } = pcmOfWav(wav)
  t.equal(rate, 22050)
  t.equal(pcm.length, samples.length * 2)
  t.throws(() => pcmOfWav(Buffer.from('not a wav file at all, clearly')))
  t.end()
})
