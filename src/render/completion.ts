/** Shell completion scripts, generated from the command tree and the knowledge base. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What completion needs to know. */
export interface CompletionSpec {
  commands: Array<{ name: string; description: string; options: string[] }>;
  globalOptions: string[];
  personIds: string[];
  eventIds: string[];
}

const words = (list: readonly string[]) => list.join(' ');
const quote = (s: string) => s.replace(/'/g, "'\\''");

function bash(spec: CompletionSpec): string {
  const cases = spec.commands
    .map((c) => {
      const extra =
        c.name === 'person'
          ? ` ${words(spec.personIds)}`
          : c.name === 'event'
            ? ` ${words(spec.eventIds)}`
            : c.name === 'completion'
              ? ' bash zsh fish'
              : '';
      return `    ${c.name}) opts='${words([...c.options, ...spec.globalOptions])}${extra}' ;;`;
    })
    .join('\n');
  return `# purges completion for bash: source this file, or add it to ~/.bashrc
_purges() {
  local cur cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  cmd="\${COMP_WORDS[1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=( $(compgen -W '${words(spec.commands.map((c) => c.name))} ${words(spec.globalOptions)} --help --version' -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
    *) opts='${words(spec.globalOptions)}' ;;
  esac
  COMPREPLY=( $(compgen -W "$opts --help" -- "$cur") )
}
complete -F _purges purges
`;
}

function zsh(spec: CompletionSpec): string {
  const commands = spec.commands.map((c) => `    '${c.name}:${quote(c.description).replace(/:/g, '\\:')}'`).join('\n');
  const cases = spec.commands
    .map((c) => {
      const extra =
        c.name === 'person' ? spec.personIds : c.name === 'event' ? spec.eventIds : c.name === 'completion' ? ['bash', 'zsh', 'fish'] : [];
      return `    ${c.name}) compadd -- ${words([...c.options, ...spec.globalOptions, ...extra])} ;;`;
    })
    .join('\n');
  return `#compdef purges
# purges completion for zsh: save as _purges in a folder on $fpath
_purges() {
  local -a commands
  commands=(
${commands}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case "\${words[2]}" in
${cases}
  esac
}
_purges "$@"
`;
}

function fish(spec: CompletionSpec): string {
  const lines = ['# purges completion for fish: save as ~/.config/fish/completions/purges.fish', 'complete -c purges -f'];
  for (const c of spec.commands) {
    lines.push(`complete -c purges -n __fish_use_subcommand -a ${c.name} -d '${quote(c.description)}'`);
    for (const o of c.options) lines.push(`complete -c purges -n '__fish_seen_subcommand_from ${c.name}' -l ${o.replace(/^--/, '')}`);
  }
  for (const o of spec.globalOptions) lines.push(`complete -c purges -l ${o.replace(/^--/, '')}`);
  lines.push(`complete -c purges -n '__fish_seen_subcommand_from person' -a '${words(spec.personIds)}'`);
  lines.push(`complete -c purges -n '__fish_seen_subcommand_from event' -a '${words(spec.eventIds)}'`);
  lines.push(`complete -c purges -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'`);
  return `${lines.join('\n')}\n`;
}

/** The completion script for a shell. */
export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return shell === 'bash' ? bash(spec) : shell === 'zsh' ? zsh(spec) : fish(spec);
}
