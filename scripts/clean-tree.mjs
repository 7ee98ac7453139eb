// A test run must leave a checkout as it found it: whatever it writes goes to a temporary
// directory or a git-ignored place. `git status` before and after the run tells.
import { spawnSync } from 'node:child_process'

/** The checkout's `git status --porcelain` lines (untracked files one by one), or null outside git. */
export function treeStatus(root) {
  const result = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], {
    cwd: root,
    encoding: 'utf8',
  })
  if (result.status !== 0) return null
  return result.stdout.split('\n').filter(Boolean)
}

/** The lines of `after` that were not in `before`: files the run created or changed. */
export function leftBehind(before, after) {
  if (before === null || after === null) return []
  const seen = new Set(before)
  return after.filter((line) => !seen.has(line))
}
