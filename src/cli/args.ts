/**
 * Command-line arguments of a sub-command, read with `node:util` `parseArgs` (its tokens, so that
 * each problem can name the option as the user wrote it): `-h`/`--help` and `-v`/`--version` on
 * every command, `--` ending the options (what follows is `rest`), and a `UsageError` for an
 * unknown option, a missing value or a value given to a flag.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

export interface CommandSpec {
  name: string;
  /** `alloc-profile top [options] FILE`. */
  synopsis: string;
  /** What `--help` prints after the synopsis: a description and the options. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
}

/** A mistake on the command line: printed with the command's synopsis, exit status 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: CommandSpec,
  ) {
    super(message);
  }
}

/** An option as given: its value (`true` for a flag) and how the user wrote its name (`-n`, `--count`). */
export interface GivenOption {
  raw: string;
  value: string | true;
}

export type ParsedCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'run';
      /** Options by their long name; the last one given counts. */
      values: Record<string, GivenOption>;
      /** Arguments before `--`. */
      positionals: string[];
      /** Arguments after `--`. */
      rest: string[];
    };

const COMMON: NonNullable<ParseArgsConfig['options']> = { help: { short: 'h', type: 'boolean' }, version: { short: 'v', type: 'boolean' } };

/** Reads `args` for `spec`, from left to right: the first `--help`/`--version` or mistake decides. */
export function parseCommand(spec: CommandSpec, args: string[]): ParsedCommand {
  const options = { ...spec.options, ...COMMON };
  // Not strict: parseArgs would stop at the first problem with a message of its own; the tokens say
  // everything needed to name the problem here.
  const { tokens } = parseArgs({ allowPositionals: true, args, options, strict: false, tokens: true });
  const values: Record<string, GivenOption> = {};
  const positionals: string[] = [];
  const rest: string[] = [];
  let ended = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      ended = true;
    } else if (token.kind === 'positional') {
      (ended ? rest : positionals).push(token.value);
    } else {
      const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
      if (!option) throw new UsageError(`unknown option ${token.rawName}`, spec);
      if (token.name === 'help' || token.name === 'version') {
        if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`, spec);
        return { kind: token.name };
      }
      if (option.type === 'boolean') {
        if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`, spec);
        values[token.name] = { raw: token.rawName, value: true };
      } else {
        // A value that looks like an option (or `--`) is the next option: this one was given none.
        if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) throw new UsageError(`${token.rawName} needs a value`, spec);
        values[token.name] = { raw: token.rawName, value: token.value };
      }
    }
  }
  return { kind: 'run', positionals, rest, values };
}
