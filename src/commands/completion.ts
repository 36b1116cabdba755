import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { parseChoice } from '../cli/options.js';
import { completionScript, SHELLS, type Shell, type CompletionSpec } from '../render/completion.js';

/** Registers `purges completion <shell>`. */
export function register(program: Command, ctx: Ctx): Command {
  return program
    .command('completion')
    .description('print a shell completion script (commands, options, person ids)')
    .argument('<shell>', SHELLS.join(', '), parseChoice('shell', SHELLS))
    .addHelpText(
      'after',
      '\nExamples:\n  $ purges completion bash >> ~/.bashrc\n  $ purges completion zsh > "${fpath[1]}/_purges"\n  $ purges completion fish > ~/.config/fish/completions/purges.fish',
    )
    .action((shell: Shell) => run(shell, program, ctx));
}

/** Builds the spec from the live commander tree, so completion never drifts from the CLI. */
export async function run(shell: Shell, program: Command, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  const spec: CompletionSpec = {
    commands: program.commands.map((c) => ({
      name: c.name(),
      description: c.description(),
      options: c.options.map((o) => o.long!).filter(Boolean),
    })),
    globalOptions: program.options.map((o) => o.long!).filter(Boolean),
    personIds: kb.people.map((p) => p.id),
    eventIds: kb.events.map((e) => e.id),
  };
  ctx.out.write(completionScript(shell, spec));
}
