import { isBuiltinSymbolLike } from '@typescript-eslint/type-utils';
import { intersectionConstituents, isTypeFlagSet, unionConstituents } from 'ts-api-utils';
import ts from 'typescript';

const STRING_FLAGS = ts.TypeFlags.StringLike; // string, string literals, template literals, Uppercase<…> etc.

/**
 * True when every value of `type` is a primitive string: `string`, string-literal unions, template-literal
 * types, string enums and branded strings (`string & { __brand: 'Id' }`). False for `any`, `unknown`,
 * `never`, type parameters without a string constraint, `String` objects and unions with a non-string.
 */
export function isStringLikeType(checker: ts.TypeChecker, type: ts.Type): boolean {
  const constituents = unionConstituents(type);
  return constituents.length > 0 && constituents.every((part) => isStringConstituent(checker, part));
}

function isStringConstituent(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (isTypeFlagSet(type, ts.TypeFlags.TypeParameter)) {
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

const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

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
  for (const part of unionConstituents(type)) {
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
  if (isBuiltinSymbolLike(program, type, TYPED_ARRAYS)) return 'typed-array';
  if (isBuiltinSymbolLike(program, type, ['Set', 'ReadonlySet'])) return 'set';
  if (isBuiltinSymbolLike(program, type, ['Map', 'ReadonlyMap'])) return 'map';
  return null;
}

/** True for the built-in `Array`/`ReadonlyArray` and tuples (what array iteration methods run on). */
export function isArrayOrTupleType(program: ts.Program, type: ts.Type): boolean {
  const kind = getSizedCollectionKind(program, type);
  return kind === 'array' || kind === 'tuple';
}
