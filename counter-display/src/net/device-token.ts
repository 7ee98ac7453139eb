/**
 * A screen's enrolment token arrives once in its address (`?token=…`, as `hallctl enroll` prints
 * it). It is kept in the browser (this tab, and the device's local storage, per page) and taken out
 * of the address bar so it is not left on screen or in the history.
 */

export type PageName = 'display' | 'window' | 'counter' | 'pad' | 'wall'

export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

const key = (page: PageName, what: string) => `hall.screens.${page}.${what}`

export interface TokenFromUrl {
  token: string | null
  /** The address without the token, when it had one. */
  cleanUrl: string | null
}

/** Reads and stores the token; pure apart from the stores it is given. */
export function takeToken(
  page: PageName,
  href: string,
  tab: KeyValueStore | null,
  device: KeyValueStore | null,
): TokenFromUrl {
  const url = new URL(href)
  const fromUrl = url.searchParams.get('token')?.trim()
  if (fromUrl) {
    tab?.setItem(key(page, 'token'), fromUrl)
    device?.setItem(key(page, 'token'), fromUrl)
    url.searchParams.delete('token')
    return { token: fromUrl, cleanUrl: url.pathname + url.search + url.hash }
  }
  const kept = tab?.getItem(key(page, 'token')) ?? device?.getItem(key(page, 'token')) ?? null
  return { token: kept, cleanUrl: null }
}

function storage(kind: 'sessionStorage' | 'localStorage'): KeyValueStore | null {
  try {
    return globalThis[kind] ?? null
  } catch {
    // Storage can be disabled by policy; the token then lives for this page load only.
    return null
  }
}

export function deviceToken(page: PageName): string | null {
  const { token, cleanUrl } = takeToken(
    page,
    location.href,
    storage('sessionStorage'),
    storage('localStorage'),
  )
  if (cleanUrl !== null) history.replaceState(history.state, '', cleanUrl)
  return token
}

/** A small per-page value kept on the device (the clerk's session, for instance). */
export function pageValue(page: PageName, what: string) {
  const stores = [storage('sessionStorage'), storage('localStorage')]
  return {
    get(): string | null {
      for (const store of stores) {
        const value = store?.getItem(key(page, what))
        if (value) return value
      }
      return null
    },
    set(value: string | null): void {
      for (const store of stores) {
        if (value === null) store?.removeItem(key(page, what))
        else store?.setItem(key(page, what), value)
      }
    },
  }
}
