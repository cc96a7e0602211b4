/**
 * The `quarry` command: finds the command, parses its arguments strictly, loads only that
 * command's module, and turns whatever it throws into the contract's exit codes.
 */
import { parseCommandLine, wantsHelp } from './args.js';
import { COMMANDS, type CommandSpec, commandUsage, findCommand, GROUPS, mainUsage } from './commands.js';
import { CliError, EXIT, isContractError, UsageError } from './errors.js';
import { notice } from './output.js';

function resolveCommand(argv: string[]): { spec: CommandSpec; rest: string[] } {
  const [first, second] = argv;
  if (first === undefined) throw new UsageError('No command given.');
  if (GROUPS.has(first)) {
    const spec = second !== undefined ? findCommand(`${first} ${second}`) : undefined;
    if (!spec) {
      const choices = COMMANDS.filter((c) => c.name.startsWith(`${first} `)).map((c) => `"quarry ${c.name}"`);
      const what =
        second === undefined ? `"quarry ${first}" needs a subcommand` : `Unknown command "quarry ${first} ${second}"`;
      throw new UsageError(`${what}: use ${choices.join(' or ')}.`);
    }
    return { spec, rest: argv.slice(2) };
  }
  const spec = first.includes(' ') ? undefined : findCommand(first);
  if (!spec) throw new UsageError(`Unknown command "${first}".`);
  return { spec, rest: argv.slice(1) };
}

async function runCommand(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    if (argv.length === 0) {
      notice(mainUsage());
      return EXIT.usage;
    }
    const topic = argv[0] === 'help' ? argv.slice(1).join(' ') : '';
    const spec = topic ? findCommand(topic) : undefined;
    process.stdout.write(`${spec ? commandUsage(spec) : mainUsage()}\n`);
    return EXIT.ok;
  }
  if (argv[0] === '--version' || argv[0] === '-V') {
    const { packageVersion } = await import('./package-root.js');
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (argv[0]?.startsWith('-')) throw new UsageError(`Unknown option "${argv[0]}".`);

  const { spec, rest } = resolveCommand(argv);
  if (wantsHelp(rest)) {
    process.stdout.write(`${commandUsage(spec)}\n`);
    return EXIT.ok;
  }
  const { values, positionals } = parseCommandLine(spec.name, rest, spec.options);
  const { min, max } = spec.positionals;
  if (positionals.length < min) throw new UsageError('Missing arguments.', spec.name);
  if (positionals.length > max) {
    throw new UsageError(`Unexpected argument "${positionals[max]}".`, spec.name);
  }
  const module = await spec.load();
  return module.run({ command: spec.name, values, positionals });
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  // A closed pipe (`quarry docs p --json | head`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
  });
  try {
    return await runCommand(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      const spec = err.command ? findCommand(err.command) : undefined;
      notice(`quarry: ${err.message}\n\n${spec ? commandUsage(spec) : mainUsage()}`);
      return EXIT.usage;
    }
    if (err instanceof CliError) {
      notice(`quarry: ${err.message}`);
      return err.exitCode;
    }
    if (isContractError(err)) {
      notice(`quarry: ${err.message}`);
      return EXIT.failure;
    }
    notice(`quarry: something went wrong: ${(err as Error)?.stack ?? String(err)}`);
    return EXIT.failure;
  }
}
