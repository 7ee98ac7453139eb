/** Simple line icons drawn inline (no icon font to load, nothing to fetch when offline). */

import type { ComponentChildren } from 'preact'

/** Decorative: every icon stands beside a text label, so screen readers skip it. */
function Svg(props: { children: ComponentChildren }) {
  return (
    <svg
      width="1em"
      height="1em"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width={2}
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      {props.children}
    </svg>
  )
}

export const TicketIcon = () => (
  <Svg>
    <path d="M3 7a2 2 0 0 0 2-2h14a2 2 0 0 0 2 2v3a2 2 0 0 0 0 4v3a2 2 0 0 0-2 2H5a2 2 0 0 0-2-2v-3a2 2 0 0 0 0-4z" />
    <path d="M9 9h6M9 12h6M9 15h4" />
  </Svg>
)

export const CalendarIcon = () => (
  <Svg>
    <rect x="3" y="5" width="18" height="16" rx="2" />
    <path d="M3 10h18M8 3v4M16 3v4M8.5 15l2.5 2.5 4.5-4.5" />
  </Svg>
)

export const BookIcon = () => (
  <Svg>
    <path d="M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2z" />
    <path d="M4 21V5M9 8h6M9 12h6" />
  </Svg>
)

export const SearchIcon = () => (
  <Svg>
    <circle cx="11" cy="11" r="7" />
    <path d="M20 20l-4-4" />
  </Svg>
)

export const ProgressIcon = () => (
  <Svg>
    <path d="M4 6h16M4 12h10M4 18h6" />
    <circle cx="18" cy="17" r="3" />
  </Svg>
)

export const CardIcon = () => (
  <Svg>
    <rect x="2" y="5" width="20" height="14" rx="2" />
    <circle cx="8" cy="12" r="2.5" />
    <path d="M13 10h6M13 14h4" />
  </Svg>
)

export const ScanIcon = () => (
  <Svg>
    <path d="M3 8V5a2 2 0 0 1 2-2h3M16 3h3a2 2 0 0 1 2 2v3M21 16v3a2 2 0 0 1-2 2h-3M8 21H5a2 2 0 0 1-2-2v-3M7 12h10" />
  </Svg>
)

export const HomeIcon = () => (
  <Svg>
    <path d="M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10" />
  </Svg>
)

export const BackIcon = () => (
  <Svg>
    <path d="M15 5l-7 7 7 7" />
  </Svg>
)

export const PrintIcon = () => (
  <Svg>
    <path d="M6 9V3h12v6M6 18H4v-7h16v7h-2M7 14h10v7H7z" />
  </Svg>
)
