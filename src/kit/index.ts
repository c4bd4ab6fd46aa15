/** The rule kit: the factory and the typed context every rule starts from. */
export * from './create-rule.js';
export * from './typed-context.js';
