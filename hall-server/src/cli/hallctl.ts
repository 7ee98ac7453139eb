import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { DEVICE_ROLES, type DeviceRole } from '@hall/protocol'
import { ConfigError, pathsFrom } from '../config.js'
import { demoHallConfig } from '../templates.js'
import { exportLedger, hallStatus, initHall } from './admin.js'
import { changeHall, withServerStopped } from './admin-channel.js'

/**
 * hallctl: the installer's tool, on the data directory (`--data-dir`, HALL_DATA_DIR, or ./data).
 * Commands that change data go through the running server's admin channel when it is up, and write
 * directly, holding the directory's lock, when it is down; `init` needs the server stopped.
 */

const USAGE = `用法：hallctl <命令> [选项]   （全局选项：--data-dir 目录）

  init [--name 大厅名称] [--demo] [--no-catalog] [--force]
        生成 hall.json、数据库和密钥；默认导入自带的事项目录
  enroll <设备编号> --role <角色> [--window 窗口] [--terminal 终端] [--name 名称]
        登记设备并打印它的令牌（角色：${DEVICE_ROLES.join(' | ')}）
  add-staff <工号> --name 姓名 --pin PIN [--role clerk|manager] [--title 职务]
        添加或修改工作人员
  set-pin <工号> --pin PIN
        重设工作人员密码
  import-catalog <文件.tsv|.csv> [--merge] [--partial]
        导入事项目录（默认整体替换；--merge 为合并；有错误的文件不导入，除非 --partial）
  appointment add --date YYYY-MM-DD --queue 队列 --name 姓名 [--id-number 身份证号] [--slot 09:00-09:30]
        登记预约并打印预约码（到大厅后在取号机扫码或刷身份证签到）
  status [--json]
        显示大厅当前状态
  export --from YYYY-MM-DD --to YYYY-MM-DD [--out 文件.csv]
        导出办件台账（含好差评及整改情况，CSV，可用 Excel/WPS 打开；--out - 输出到屏幕）
`

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      name: { type: 'string' },
      demo: { type: 'boolean' },
      'no-catalog': { type: 'boolean' },
      force: { type: 'boolean' },
      role: { type: 'string' },
      window: { type: 'string' },
      terminal: { type: 'string' },
      pin: { type: 'string' },
      title: { type: 'string' },
      merge: { type: 'boolean' },
      partial: { type: 'boolean' },
      json: { type: 'boolean' },
      date: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      queue: { type: 'string' },
      'id-number': { type: 'string' },
      slot: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command, subject] = positionals
  if (!command || command === 'help' || values.help) {
    // Asked for (`help`, `--help`, `-h`) is an answer; no command at all is a usage error.
    process.stdout.write(USAGE)
    return command || values.help ? 0 : 1
  }
  const paths = pathsFrom(process.env, values['data-dir'])
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new UsageError(`缺少${what}`)
    return value
  }
  switch (command) {
    case 'init': {
      const { config, catalogItems } = await withServerStopped(paths, () =>
        initHall(paths, {
          ...(values.demo ? { config: demoHallConfig() } : {}),
          ...(values.name ? { name: values.name } : {}),
          catalogFile: values['no-catalog'] ? null : undefined,
          force: values.force ?? false,
        }),
      )
      process.stdout.write(
        `已初始化「${config.hall.name}」：${paths.configFile}\n队列 ${config.queues.length} 个，窗口 ${config.windows.length} 个，事项 ${catalogItems} 项。\n下一步：hallctl add-staff 添加工作人员，hallctl enroll 登记设备。\n`,
      )
      return 0
    }
    case 'enroll': {
      const role = need(values.role, ' --role') as DeviceRole
      if (!DEVICE_ROLES.includes(role)) throw new UsageError(`未知角色 ${role}`)
      const { result } = await changeHall(paths, 'enroll', {
        id: need(subject, '设备编号'),
        role,
        ...(values.name ? { name: values.name } : {}),
        ...(values.window ? { windowId: values.window } : {}),
        ...(values.terminal ? { terminal: values.terminal } : {}),
      })
      process.stdout.write(`${result.token}\n`)
      process.stderr.write('请妥善保存以上令牌：它只显示这一次。\n')
      return 0
    }
    case 'add-staff': {
      const role = values.role ?? 'clerk'
      if (role !== 'clerk' && role !== 'manager') throw new UsageError('--role 只能是 clerk 或 manager')
      const { via } = await changeHall(paths, 'addStaff', {
        staffNo: need(subject, '工号'),
        name: need(values.name, ' --name'),
        pin: need(values.pin, ' --pin'),
        role,
        ...(values.title ? { title: values.title } : {}),
      })
      process.stdout.write(`已保存工作人员 ${subject}${WHERE[via]}\n`)
      return 0
    }
    case 'set-pin': {
      const { via } = await changeHall(paths, 'setPin', {
        staffNo: need(subject, '工号'),
        pin: need(values.pin, ' --pin'),
      })
      process.stdout.write(`已重设 ${subject} 的密码${WHERE[via]}\n`)
      return 0
    }
    case 'import-catalog': {
      const file = need(subject, '文件')
      const { result } = await changeHall(paths, 'importCatalog', {
        fileName: basename(file),
        base64: (await readFile(file)).toString('base64'),
        replace: !values.merge,
        partial: values.partial ?? false,
      })
      for (const error of result.errors) process.stderr.write(`${error.message}\n`)
      if (result.imported === 0) {
        process.stderr.write(
          '未导入任何事项，原有目录保持不变。改正以上错误后重试，或加 --partial 只导入正确的行。\n',
        )
        return 3
      }
      process.stdout.write(`已导入 ${result.imported} 项事项\n`)
      return result.errors.length > 0 ? 3 : 0
    }
    case 'appointment': {
      if (subject !== 'add') throw new UsageError('用法：hallctl appointment add …')
      const { result: booked } = await changeHall(paths, 'addAppointment', {
        date: need(values.date, ' --date'),
        queueId: need(values.queue, ' --queue'),
        name: need(values.name, ' --name'),
        ...(values['id-number'] ? { idNumber: values['id-number'] } : {}),
        ...(values.slot ? { slot: values.slot } : {}),
      })
      process.stdout.write(
        `预约码 ${booked.code}（${booked.date}${booked.slot ? ` ${booked.slot}` : ''}，${booked.nameMasked}）\n`,
      )
      return 0
    }
    case 'status': {
      const status = await hallStatus(paths)
      if (values.json) {
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`)
        return 0
      }
      const lines = [
        `${status.name}  营业日 ${status.businessDate}  事件序号 ${status.seq}`,
        `今日取号 ${status.stats.issued}  办结 ${status.stats.served}  办件 ${status.stats.cases}`,
        '队列：',
        ...status.queues.map((q) => `  ${q.name}（${q.id}）等候 ${q.waiting} 人，今日取号 ${q.issued}`),
        '窗口：',
        ...status.windows.map(
          (w) =>
            `  ${w.name}  ${w.status}${w.staff ? `  工号 ${w.staff}` : ''}${w.current ? `  当前 ${w.current}` : ''}`,
        ),
        '设备：',
        ...status.devices.map(
          (d) => `  ${d.id}（${d.role}）${d.enrolled ? '已登记' : '未登记'} ${d.online ? '在线' : '离线'}`,
        ),
      ]
      process.stdout.write(`${lines.join('\n')}\n`)
      return 0
    }
    case 'export': {
      const from = need(values.from, ' --from 开始日期')
      const to = need(values.to, ' --to 结束日期')
      const csv = await exportLedger(paths, from, to)
      const rows = csv.split('\r\n').length - 2
      if (values.out === '-') {
        process.stdout.write(csv)
        return 0
      }
      const file = values.out ?? `办件台账-${from}至${to}.csv`
      await writeFile(file, csv)
      process.stdout.write(`已导出 ${rows} 件办件到 ${file}\n`)
      return 0
    }
    default:
      throw new UsageError(`未知命令 ${command}`)
  }
}

class UsageError extends Error {}

const WHERE = {
  server: '（运行中的大厅服务器已生效）',
  direct: '（服务器未运行：已写入数据目录，启动后生效）',
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`)
    else if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}`)
    else process.stderr.write(`错误：${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(error instanceof UsageError ? 1 : 2)
  },
)
