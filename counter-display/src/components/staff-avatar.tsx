import type { StaffCard } from '@hall/protocol'
import { initials } from '../lib/format'

/** The staff member's photo, or their name's initials in a red disc. */
export function StaffAvatar({ staff, size = 'md' }: { staff: StaffCard; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  if (staff.photoUrl) {
    return <img class={`avatar avatar--${size}`} src={staff.photoUrl} alt={staff.name} />
  }
  return (
    <div class={`avatar avatar--${size} avatar--initials`} role="img" aria-label={staff.name}>
      {initials(staff.name)}
    </div>
  )
}

/** Name, staff number and title beside the avatar. */
export function StaffBadge({ staff, size = 'md' }: { staff: StaffCard; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  return (
    <div class={`staff-badge staff-badge--${size}`}>
      <StaffAvatar staff={staff} size={size} />
      <div class="staff-badge__text">
        <div class="staff-badge__name">{staff.name}</div>
        <div class="staff-badge__meta">工号 {staff.staffNo}</div>
        {staff.title && <div class="staff-badge__meta">{staff.title}</div>}
      </div>
    </div>
  )
}
