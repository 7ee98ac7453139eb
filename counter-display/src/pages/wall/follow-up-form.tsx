import type { FollowUpView } from '@hall/protocol'
import { useState } from 'preact/hooks'
import { useWall } from './wall-context'

/** Verify (what was found, founded or not), then close (rectified, or explained to the applicant). */
export function FollowUpActionsForm({ followUp }: { followUp: FollowUpView }) {
  const { followUps } = useWall()
  const [text, setText] = useState('')
  const busy = followUps.busy.value === followUp.id
  const error = followUps.error.value?.id === followUp.id ? followUps.error.value.text : null
  const verifying = followUp.status === 'open'
  const act = async (reasonable?: boolean) => {
    const ok = verifying
      ? await followUps.verify(followUp.id, text, reasonable ?? true)
      : await followUps.close(followUp.id, text)
    if (ok) setText('')
  }
  return (
    <div class="follow-up__form">
      <input
        name={verifying ? 'finding' : 'resolution'}
        value={text}
        maxLength={2000}
        placeholder={
          verifying ? '核实情况' : followUp.reasonable ? '整改措施和反馈情况' : '向办事人解释说明的情况'
        }
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
      />
      {verifying ? (
        <>
          <button
            type="button"
            class="btn btn--primary"
            data-action="verify-founded"
            disabled={busy || !text.trim()}
            onClick={() => void act(true)}
          >
            核实：诉求属实
          </button>
          <button
            type="button"
            class="btn"
            data-action="verify-unfounded"
            disabled={busy || !text.trim()}
            onClick={() => void act(false)}
          >
            核实：诉求不合理
          </button>
        </>
      ) : (
        <button
          type="button"
          class="btn btn--primary"
          data-action="close"
          disabled={busy || !text.trim()}
          onClick={() => void act()}
        >
          {followUp.reasonable ? '整改完成并反馈' : '已解释说明，办结'}
        </button>
      )}
      {error && <span class="follow-up__error">{error}</span>}
    </div>
  )
}
