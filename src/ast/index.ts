/**
 * Pure AST helpers: node predicates and walkers that need no type checker and keep no state. Look
 * here before writing a helper in a rule. Nothing in this folder imports another part of the plugin.
 */
export * from './functions.js';
export * from './expressions.js';
export * from './globals.js';
export * from './literals.js';
export * from './members.js';
export * from './scope.js';
export * from './statements.js';
export * from './walk.js';
export * from './wrappers.js';
