/** The rule kit: the factory, the typed context every rule starts from, and deprecation. */
export * from './create-rule.js';
export * from './deprecation.js';
export * from './typed-context.js';
