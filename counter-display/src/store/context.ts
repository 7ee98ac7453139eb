import { type Context, createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { HallStore } from './hall-store'

/** Stores reach components through context, never through imports of a global. */

export function storeContext<T>(name: string): [Context<T | null>, () => T] {
  const context = createContext<T | null>(null)
  const use = () => {
    const value = useContext(context)
    if (value === null) throw new Error(`${name} is not provided`)
    return value
  }
  return [context, use]
}

export const [HallContext, useHall] = storeContext<HallStore>('HallStore')
