export * from './follower.js'
export * from './http.js'
export * from './link.js'
