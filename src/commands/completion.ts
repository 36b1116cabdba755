import type { Command, Option } from 'commander';
import type { Ctx } from '../cli/context.js';
import { choicesOf, parseChoice } from '../cli/options.js';
import type { Kb } from '../kb/model.js';
import {
  type CompletionCommand,
  type CompletionOption,
  type CompletionSpec,
  completionScript,
  SHELLS,
  type Shell,
} from '../render/completion.js';

/** Registers `purges completion <shell>`. */
export function register(program: Command, ctx: Ctx): Command {
  return program
    .command('completion')
    .description('print a shell completion script (commands, options and their values, ids)')
    .argument('<shell>', SHELLS.join(', '), parseChoice('shell', SHELLS))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ purges completion bash | head -3',
        '',
        'Load it from your shell start-up file:',
        '  bash, in ~/.bashrc:                   eval "$(purges completion bash)"',
        '  zsh, in ~/.zshrc (after compinit):    eval "$(purges completion zsh)"',
        '  fish, in ~/.config/fish/config.fish:  purges completion fish | source',
      ].join('\n'),
    )
    .action((shell: Shell) => run(shell, program, ctx));
}

/** What a command's argument may be, from the knowledge base. */
function argumentWords(name: string, kb: Kb, commands: readonly string[]): readonly string[] | undefined {
  switch (name) {
    case 'person':
      return kb.people.map((p) => p.id);
    case 'event':
      return kb.events.map((e) => e.id);
    case 'stats':
      return kb.statistics.map((s) => s.id);
    case 'claims':
      return kb.claims.map((c) => c.id);
    case 'sources':
      return kb.sources.map((s) => s.id);
    case 'completion':
      return SHELLS;
    case 'help':
      return commands;
    default:
      return undefined;
  }
}

function option(o: Option, kb: Kb): CompletionOption | undefined {
  if (!o.long || o.long === '--version') return o.long ? { flag: o.long } : undefined;
  if (o.long === '--data') return { flag: o.long, directory: true };
  if (!o.required && !o.optional) return { flag: o.long };
  if (o.long === '--person') return { flag: o.long, values: kb.people.map((p) => p.id) };
  return { flag: o.long, values: choicesOf(o.parseArg) ?? o.argChoices ?? [] };
}

/** Builds the spec from the live commander tree, so completion never drifts from the CLI. */
export async function run(shell: Shell, program: Command, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  const names = program.commands.map((c) => c.name());
  const commands: CompletionCommand[] = program.commands.map((c) => ({
    name: c.name(),
    description: c.description(),
    options: c.options.map((o) => option(o, kb)).filter((o): o is CompletionOption => o !== undefined),
    args: argumentWords(c.name(), kb, names),
  }));
  commands.push({ name: 'help', description: 'show help for a command', options: [], args: names });
  const spec: CompletionSpec = {
    commands,
    globalOptions: program.options.map((o) => option(o, kb)).filter((o): o is CompletionOption => o !== undefined),
  };
  ctx.out.write(completionScript(shell, spec));
}
