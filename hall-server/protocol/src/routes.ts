import type { Static, TSchema } from 'typebox'
import type { RouteDef } from './route-def.js'
import { deskRoutes } from './routes-desk.js'
import { serviceRoutes } from './routes-services.js'

export {
  ACCESS,
  type Access,
  ANY_DEVICE,
  ANYONE_SIGNED,
  type RouteDef,
  SECURITY_SCHEMES,
  type SecurityRequirement,
  type SecuritySchemeName,
  STAFF,
  securityOf,
} from './route-def.js'

/**
 * Every HTTP operation of the hall server: method, path, schemas and who may call it. The server
 * registers its routes from this table, `/openapi.json` is generated from it, and the screens' typed
 * client calls operations by their `operationId` (the key).
 */
export const routes = { ...deskRoutes, ...serviceRoutes } as const satisfies Record<string, RouteDef>

export type Routes = typeof routes
export type OperationId = keyof Routes

type StaticOf<R, K extends string> = R extends Record<K, infer S extends TSchema> ? Static<S> : undefined

/** The typed input of an operation, for the screens' client. */
export type OperationInput<Op extends OperationId> = {
  params: StaticOf<Routes[Op], 'params'>
  query: StaticOf<Routes[Op], 'querystring'>
  body: StaticOf<Routes[Op], 'body'>
}
export type OperationOutput<Op extends OperationId> = Static<Routes[Op]['response']>

/** Fills `:name` segments of a route path. */
export function routePath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined) throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(value)
  })
}
