import t from 'tap'
import { actionAvailability } from '../src/lib/console-rules.js'
import { actionForKey, isFunctionKey, SHORTCUTS } from '../src/lib/shortcuts.js'
import { T0, ticket, window } from './support/fixtures.js'

const key = (k: string, mods: Partial<{ ctrlKey: boolean; repeat: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  ...mods,
})

t.test('function keys map to the frequent actions; held keys do nothing', async (t) => {
  t.equal(actionForKey(key('F1')), 'callNext')
  t.equal(actionForKey(key('F2')), 'recall')
  t.equal(actionForKey(key('F3')), 'skip')
  t.equal(actionForKey(key('F4')), 'startCase')
  t.equal(actionForKey(key('F8')), 'finishCase')
  t.equal(actionForKey(key('F9')), 'pause')
  t.equal(actionForKey(key('F10')), 'resume')
  t.equal(actionForKey(key('Escape')), 'cancel')
  t.equal(actionForKey(key('Enter', { ctrlKey: true })), 'finishCase')
  t.equal(actionForKey(key('F1', { repeat: true })), null)
  t.equal(actionForKey(key('F1', { altKey: true })), null)
  t.equal(actionForKey(key('a')), null)
  t.ok(isFunctionKey('F5'))
  t.notOk(isFunctionKey('F13'))
  const keys = Object.values(SHORTCUTS).map((s) => s.key)
  t.equal(new Set(keys).size, keys.length, 'no key does two things')
})

t.test('what makes sense now, and why not', async (t) => {
  const called = ticket('A001', 'market', T0, { status: 'called' })
  const open = window('1', ['market'], { currentTicketId: called.id })
  const now = actionAvailability(open, called, false)
  t.equal(now.callNext, null)
  t.equal(now.recall, null)
  t.equal(actionAvailability(open, { ...called, recallCount: 1 }, false, 2).recall, null)
  t.equal(
    actionAvailability(open, { ...called, recallCount: 2 }, false, 2).recall,
    '已重呼 2 次（上限），请过号或呼叫下一位',
  )
  t.equal(actionAvailability(open, { ...called, recallCount: 2 }, false, 2).callNext, null)
  t.equal(now.resume, '窗口没有暂停')
  t.equal(now.finishCase, '没有正在办理的办件')
  const serving = actionAvailability(
    window('1', ['market'], { currentTicketId: called.id, openCaseId: 'BJ1' }),
    { ...called, status: 'serving' },
    true,
  )
  t.equal(serving.callNext, '请先办结当前办件')
  t.equal(serving.recall, '已开始办理的号码不能重呼或过号')
  t.equal(serving.finishCase, null)
  const paused = actionAvailability(window('1', ['market'], { status: 'paused' }), null, false)
  t.equal(paused.callNext, '窗口暂停服务中，请先恢复服务')
  t.equal(paused.resume, null)
  t.equal(paused.complete, '窗口当前没有呼叫的号码')
  t.equal(
    actionAvailability(window('1', [], { status: 'closed' }), null, false).pause,
    '窗口未开放，请先签到',
  )
})
