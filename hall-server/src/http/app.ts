import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import {
  ApiError,
  apiError,
  ERRORS,
  type ErrorCode,
  type OperationId,
  type RouteDef,
  routes,
  SECURITY_SCHEMES,
  securityOf,
} from '@hall/protocol'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify'
import type { Hall } from '../hall/boot.js'
import { allowed, type Principal } from '../hall/identity.js'
import { CommandRefused } from '../hall/service.js'
import { CommitFailed } from '../store/journal.js'
import { authHandlers } from './auth.js'
import { caseHandlers } from './cases.js'
import type { Handler, Handlers } from './handler.js'
import { reportHandlers } from './reports.js'
import { ticketHandlers } from './tickets.js'
import { visitHandlers } from './visits.js'
import { windowHandlers } from './windows.js'

/**
 * The hall server's HTTP face: every operation of the contract's route table, each validated by its
 * schema, authorised by its access list, and answered by its handler. One error handler turns
 * refusals into `{ code, message }` with the contract's status, and hides the details of 5xx.
 */

export const handlers: Handlers = {
  ...ticketHandlers,
  ...windowHandlers,
  ...caseHandlers,
  ...authHandlers,
  ...visitHandlers,
  ...reportHandlers,
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
  }
}

const CLIENT_ERROR_CODES: Partial<Record<number, ErrorCode>> = {
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
}

export interface AppOptions {
  logger?: boolean | object
}

/** A request slower than this is logged at info even when it succeeded. */
const SLOW_REQUEST_MS = 250

/**
 * The request log: a hall's kiosks and screens make thousands of ordinary requests a day, so those
 * are logged at debug (HALL_LOG_LEVEL=debug shows them); refusals (4xx) and slow answers at info,
 * failures (5xx) at error, each as one line when the answer is sent (Fastify's default is two info
 * lines per request). The path only: a query can carry a device token (?token=) or personal data.
 */
class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const ms = Math.round(reply.elapsedTime)
    const line = { method: request.method, url: request.url.split('?')[0], statusCode: reply.statusCode, ms }
    if (error || reply.statusCode >= 500) request.log.error({ ...line, err: error }, 'request failed')
    else if (reply.statusCode >= 400 || ms >= SLOW_REQUEST_MS) request.log.info(line, 'request')
    else request.log.debug(line, 'request')
  }
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (!header?.startsWith('Bearer ')) return undefined
  return header.slice(7).trim()
}

export async function buildApp(hall: Hall, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new RequestLog(),
    bodyLimit: 256 * 1024,
    // Unknown fields are refused rather than silently dropped: the contract is the contract.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: false } },
  })
  app.decorateRequest('principal', null)

  await app.register(rateLimit, {
    global: true,
    max: hall.config.server.rateLimitPerMinute,
    timeWindow: 60_000,
    // The API is what a misbehaving client can hurt; the screens' static files are not limited.
    allowList: (request) => !request.url.startsWith('/api/') && !request.url.startsWith('/openapi'),
    errorResponseBuilder: (_req, context) => ({
      statusCode: context.statusCode,
      ...apiError('RATE_LIMITED'),
    }),
  })

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '便民服务中心排队叫号与好差评系统 — hall server API',
        version: '1.0.0',
        description:
          'Every operation of the hall server. Devices authenticate with their enrolment token, staff with the session token from signIn, as `Authorization: Bearer <token>`. Each operation lists the roles that may call it in `x-access`; a caller without a valid token is answered 401 `UNAUTHORIZED`, a role not listed 403 `FORBIDDEN`.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [
        {
          url: 'http://{host}:{port}',
          description: 'The hall server on the hall LAN (plain HTTP inside the hall network).',
          variables: {
            host: { default: 'hall-server', description: 'Host name or LAN address of the hall server' },
            port: { default: '8080', description: 'server.port in hall.json' },
          },
        },
      ],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
  })

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof CommandRefused) {
      return reply
        .code(ERRORS[error.code].status)
        .send(apiError(error.code, error.message === error.code ? undefined : error.message))
    }
    const fastifyError = error as {
      validation?: { instancePath: string; message?: string }[]
      statusCode?: number
    }
    if (fastifyError.validation) {
      const details = fastifyError.validation.map((v) => `${v.instancePath || '/'} ${v.message ?? ''}`.trim())
      return reply.code(400).send(apiError('VALIDATION', undefined, details))
    }
    if (fastifyError.statusCode && fastifyError.statusCode < 500) {
      // Fastify's own refusals (broken JSON, body too large, wrong content type, …) as contract codes,
      // each answered with the status its code has in the contract.
      const code = CLIENT_ERROR_CODES[fastifyError.statusCode] ?? 'VALIDATION'
      return reply.code(ERRORS[code].status).send(apiError(code))
    }
    const sqlite =
      typeof (error as { code?: unknown }).code === 'string' &&
      String((error as { code: string }).code).startsWith('SQLITE')
    request.log.error({ err: error }, 'request failed')
    if (error instanceof CommitFailed) return reply.code(503).send(apiError('STORAGE_FAILED', error.message))
    return sqlite
      ? reply.code(503).send(apiError('STORAGE_FAILED'))
      : reply.code(500).send(apiError('INTERNAL'))
  })

  app.setNotFoundHandler((_request, reply) => reply.code(404).send(apiError('NOT_FOUND')))

  for (const [operationId, def] of Object.entries(routes) as [OperationId, RouteDef][]) {
    const handler = handlers[operationId] as Handler<OperationId>
    const isPublic = def.access.includes('public')
    app.route({
      method: def.method,
      url: def.path,
      schema: {
        operationId,
        summary: def.summary,
        tags: [def.tag],
        security: securityOf(def.access),
        'x-access': def.access,
        ...(def.params ? { params: def.params } : {}),
        ...(def.querystring ? { querystring: def.querystring } : {}),
        ...(def.body ? { body: def.body } : {}),
        response: { [def.status ?? 200]: def.response, '4xx': ApiError, '5xx': ApiError },
      },
      // Who is calling is settled before the body is read or validated: a caller without access
      // learns nothing about the operation's input.
      onRequest: async (request) => {
        if (isPublic) return
        const principal = await hall.identity.authenticate(bearer(request))
        if (!principal) throw new CommandRefused('UNAUTHORIZED')
        if (!allowed(principal, def.access)) throw new CommandRefused('FORBIDDEN')
        request.principal = principal
      },
      handler: async (request, reply) => {
        const result = await handler(hall, {
          principal: request.principal as Principal,
          params: request.params as never,
          query: request.query as never,
          body: request.body as never,
        })
        reply.code(def.status ?? 200)
        if (def.produces) {
          // Call audio never changes for the same call; a report must be fetched fresh.
          const cache = def.produces.startsWith('audio/') ? 'private, max-age=3600' : 'no-store'
          return reply.type(def.produces).header('cache-control', cache).send(result)
        }
        return result
      },
    })
  }

  app.get('/openapi.json', { schema: { hide: true }, config: { rateLimit: false } }, async () =>
    app.swagger(),
  )
  return app
}
