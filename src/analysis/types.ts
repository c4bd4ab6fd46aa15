import { isBuiltinSymbolLike } from '../util/deps.js';
import { intersectionConstituents, isTypeFlagSet, unionConstituents } from '../util/deps.js';
import type ts from 'typescript';

import { typescript } from '../util/deps.js';

import { TYPED_ARRAY_NAMES } from '../ast/index.js';

const STRING_FLAGS = typescript.TypeFlags.StringLike; // string, string literals, template literals, Uppercase<…> etc.

/**
 * True when every value of `type` is a primitive string: `string`, string-literal unions, template-literal
 * types, string enums and branded strings (`string & { __brand: 'Id' }`). False for `any`, `unknown`,
 * `never`, type parameters without a string constraint, `String` objects and unions with a non-string.
 */
export function isStringLikeType(checker: ts.TypeChecker, type: ts.Type): boolean {
  const constituents = constrainedConstituents(checker, type);
  return constituents.length > 0 && constituents.every((part) => isStringConstituent(checker, part));
}

/**
 * The union members of `type`, with each type parameter replaced by the members of its constraint
 * (`T extends number[]` → `number[]`); an unconstrained type parameter has none. Every type
 * question below asks about these, so generics are judged by what they are bound to.
 */
export function constrainedConstituents(checker: ts.TypeChecker, type: ts.Type, depth = 0): ts.Type[] {
  return unionConstituents(type).flatMap((part) => {
    if (!isTypeFlagSet(part, typescript.TypeFlags.TypeParameter)) return [part];
    const constraint = checker.getBaseConstraintOfType(part);
    // `T extends U`, `U extends T[]`: the depth bound stops constraint cycles.
    return constraint === undefined || constraint === part || depth > 8 ? [] : constrainedConstituents(checker, constraint, depth + 1);
  });
}

function isStringConstituent(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (isTypeFlagSet(type, typescript.TypeFlags.TypeParameter)) {
    // A member of an intersection (`T & { __brand: 'Id' }`): judged by its constraint.
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint !== undefined && constraint !== type && isStringLikeType(checker, constraint);
  }
  if (type.isIntersection()) {
    // A branded string is an intersection with at least one string member.
    return intersectionConstituents(type).some((part) => isStringConstituent(checker, part));
  }
  return isTypeFlagSet(type, STRING_FLAGS);
}

/** The element containers whose size is known before iterating them. */
export type SizedCollectionKind = 'array' | 'map' | 'set' | 'tuple' | 'typed-array';


/**
 * Classifies a type as one of the built-in sized collections (never a user-declared lookalike with the
 * same methods). Unions qualify only when every member is of the same kind. Returns `null` otherwise.
 */
export function getSizedCollectionKind(
  program: ts.Program,
  type: ts.Type,
): SizedCollectionKind | null {
  const checker = program.getTypeChecker();
  let kind: SizedCollectionKind | null = null;
  const parts = constrainedConstituents(checker, type);
  if (parts.length === 0) return null;
  for (const part of parts) {
    const partKind = classifyConstituent(program, checker, part);
    if (partKind === null || (kind !== null && kind !== partKind)) return null;
    kind = partKind;
  }
  return kind;
}

function classifyConstituent(
  program: ts.Program,
  checker: ts.TypeChecker,
  type: ts.Type,
): SizedCollectionKind | null {
  if (checker.isTupleType(type)) return 'tuple';
  if (checker.isArrayType(type)) return 'array';
  if (isBuiltinSymbolLike(program, type, [...TYPED_ARRAY_NAMES])) return 'typed-array';
  if (isBuiltinSymbolLike(program, type, ['Set', 'ReadonlySet'])) return 'set';
  if (isBuiltinSymbolLike(program, type, ['Map', 'ReadonlyMap'])) return 'map';
  return null;
}

/** True for the built-in `Array`/`ReadonlyArray` and tuples (what array iteration methods run on). */
export function isArrayOrTupleType(program: ts.Program, type: ts.Type): boolean {
  const kind = getSizedCollectionKind(program, type);
  return kind === 'array' || kind === 'tuple';
}

/** The lib's `Map` (not a user class of that name). */
export function isBuiltinMapType(program: ts.Program, type: ts.Type): boolean {
  return isBuiltinSymbolLike(program, type, 'Map');
}

/** The type's own flags say number-like (`number`, a number literal, a numeric enum member). */
export function isNumberType(type: ts.Type): boolean {
  return isTypeFlagSet(type, typescript.TypeFlags.NumberLike);
}

const PRIMITIVE_FLAGS =
  typescript.TypeFlags.StringLike | typescript.TypeFlags.NumberLike | typescript.TypeFlags.BooleanLike | typescript.TypeFlags.BigIntLike | typescript.TypeFlags.Null | typescript.TypeFlags.Undefined;

/** Every member is a primitive (string, number, boolean, bigint, `null`, `undefined`): never an array or object at run time. */
export function isPrimitiveType(checker: ts.TypeChecker, type: ts.Type): boolean {
  const parts = constrainedConstituents(checker, type);
  return parts.length > 0 && parts.every((part) => isTypeFlagSet(part, PRIMITIVE_FLAGS));
}

/** Every member is a number or a string literal other than `'__proto__'`: a computed key that cannot set the prototype. */
export function isSafePropertyKeyType(checker: ts.TypeChecker, type: ts.Type): boolean {
  const parts = constrainedConstituents(checker, type);
  return parts.length > 0 && parts.every(
    (part) => isTypeFlagSet(part, typescript.TypeFlags.NumberLike) || (part.isStringLiteral() && part.value !== '__proto__'),
  );
}

/** Every member is the lib's mutable `Array` (not a tuple, not `ReadonlyArray`): it accepts `push`. */
export function isMutableArrayType(program: ts.Program, type: ts.Type): boolean {
  const checker = program.getTypeChecker();
  return unionConstituents(type).every((part) => part.getSymbol()?.getName() === 'Array' && checker.isArrayType(part));
}

/**
 * A count that is a non-negative integer by construction, so `new Array(count)` cannot throw:
 * `.length` of an array, typed array or string, `.size` of a Set or Map (`type` is the object's).
 */
export function isLengthOf(program: ts.Program, property: string | null, objectType: ts.Type): boolean {
  const kind = getSizedCollectionKind(program, objectType);
  if (property === 'length') {
    return kind === 'array' || kind === 'tuple' || kind === 'typed-array' || isTypeFlagSet(objectType, typescript.TypeFlags.StringLike);
  }
  return property === 'size' && (kind === 'map' || kind === 'set');
}
