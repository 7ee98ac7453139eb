import { HALL_MODE_LABELS } from '@hall/protocol'
import { BigButton } from '../components/big-button'
import { BookIcon, CalendarIcon, CardIcon, ProgressIcon, ScanIcon, TicketIcon } from '../components/icons'
import { useStores } from '../store/context'

/**
 * The start screen: what the kiosk can do, as four large buttons, and what the hall's mode allows.
 * Closed: 今日已停止取号 with the hall's notice. Appointment-only (早晚弹性办, §11): check-in only.
 */
export function HomePage() {
  const { hall, actions } = useStores()
  const info = hall.hall.value
  const mode = info?.mode ?? 'open'
  const online = hall.online.value
  const printer = hall.printer.value
  return (
    <section class="home">
      {mode === 'open' ? (
        <h1 class="welcome">欢迎光临，请选择您要办理的业务</h1>
      ) : (
        <div class={`mode mode-${mode}`} data-testid="mode" data-mode={mode}>
          <div class="mode-title">{HALL_MODE_LABELS[mode]}</div>
          <div class="mode-text">
            {mode === 'closed'
              ? '现在不是取号时间。办事指南和办件进度仍可查询。'
              : '现在是预约办理时段，已预约的群众请扫预约码或刷身份证签到。'}
          </div>
          {info?.todayHours ? (
            <div class="mode-text" data-testid="hours">
              今日取号时间 {info.todayHours.open}–{info.todayHours.close}
              {info.todayHours.appointmentFrom !== info.todayHours.open ||
              info.todayHours.appointmentUntil !== info.todayHours.close
                ? `，预约办理 ${info.todayHours.appointmentFrom}–${info.todayHours.appointmentUntil}`
                : ''}
            </div>
          ) : (
            <div class="mode-text">今日不办理业务</div>
          )}
          {info?.consultPhone ? <div class="mode-text">咨询电话：{info.consultPhone}</div> : null}
        </div>
      )}
      <div class="actions">
        {mode === 'open' ? (
          <BigButton
            label="取号"
            sub="选择业务类别或查找事项"
            icon={<TicketIcon />}
            tone="primary"
            testId="take-number"
            disabled={!online}
            onPress={() => actions.startTakeNumber()}
          />
        ) : null}
        {mode !== 'closed' ? (
          <BigButton
            label="预约签到"
            sub="扫预约码或刷身份证"
            icon={<CalendarIcon />}
            tone={mode === 'appointment_only' ? 'primary' : 'secondary'}
            testId="check-in"
            disabled={!online}
            onPress={() => actions.startCheckIn()}
          />
        ) : null}
        <BigButton
          label="办事指南"
          sub="办理条件、所需材料、流程"
          icon={<BookIcon />}
          testId="guides"
          onPress={() => actions.startGuides()}
        />
        <BigButton
          label="办件进度"
          sub="扫受理凭证或刷身份证"
          icon={<ProgressIcon />}
          testId="progress"
          onPress={() => actions.startProgress()}
        />
      </div>
      <div class="hints">
        <div class="hint">
          <CardIcon />
          <span>
            把身份证放在读卡区即可取号
            <br />
            <small>70 岁以上老人刷身份证优先办理</small>
          </span>
        </div>
        <div class="hint">
          <ScanIcon />
          <span>
            预约码、受理凭证二维码
            <br />
            <small>对准下方扫码口即可</small>
          </span>
        </div>
      </div>
      {mode === 'open' && hall.queues.value.length > 0 ? (
        <section class="waiting" data-testid="waiting">
          <h2>当前等候人数</h2>
          <ul>
            {hall.queues.value.map((q) => (
              <li key={q.id}>
                <span>{q.prefix}</span>
                <span>{q.name}</span>
                <strong>{q.waiting}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {online && mode === 'open' && !printer.ok ? (
        <p class="banner banner-info" data-testid="printer-note">
          号票打印暂不可用（{printer.problem}），取号后请记下屏幕上的号码。
        </p>
      ) : null}
      {info?.notice ? <p class="notice">{info.notice}</p> : null}
    </section>
  )
}
