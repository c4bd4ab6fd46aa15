/**
 * Fixer helpers: the fix-or-suggest policy, statement insertion, names, indentation, parentheses
 * and comments. Rules say what to write; these say how it lands in the file. Imports only src/ast.
 */
export * from './comments.js';
export * from './fix-or-suggest.js';
export * from './indent.js';
export * from './insert.js';
export * from './naming.js';
export * from './parens.js';
export * from './type-text.js';
