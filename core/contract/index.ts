export type * from './client.js';
export * from './methods.js';
export type * from './types.js';
