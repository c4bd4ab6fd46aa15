/**
 * The plugin's runtime dependencies from typescript-eslint and TypeScript, loaded with `require`.
 * ESLint has already loaded these CommonJS packages (through the user's typescript-eslint), so a
 * `require` is a cache hit; an ES `import` of them would make Node run its CommonJS export lexer
 * over each again — measured here at about 350 ms CPU for `typescript`, 110 ms for
 * `@typescript-eslint/utils` and 70 ms for `@typescript-eslint/type-utils` on every lint start.
 * Types come from `import type`, which costs nothing at run time.
 */
import type * as TypeUtils from '@typescript-eslint/type-utils';
import type * as Utils from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import type * as TsApiUtils from 'ts-api-utils';
import type TypeScript from 'typescript';

const require = createRequire(import.meta.url);

/** The `typescript` module (its value side: `typescript.TypeFlags`, `typescript.SymbolFlags`, …). */
export const typescript = require('typescript') as typeof TypeScript;

export const { AST_NODE_TYPES, ASTUtils, ESLintUtils } = require('@typescript-eslint/utils') as typeof Utils;

export const { isBuiltinSymbolLike } = require('@typescript-eslint/type-utils') as typeof TypeUtils;

export const { intersectionConstituents, isTypeFlagSet, unionConstituents } = require('ts-api-utils') as typeof TsApiUtils;
