/** Shell completion scripts, generated from the command tree and the knowledge base. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** An option as completion sees it: its long flag, and what its value may be. */
export interface CompletionOption {
  flag: string;
  /** undefined: takes no value; [] : free text (nothing to offer); else the values to offer. */
  values?: readonly string[];
  /** The value is a folder (--data). */
  directory?: boolean;
}

/** A command: its name and description, its options, and the words its argument may be. */
export interface CompletionCommand {
  name: string;
  description: string;
  options: readonly CompletionOption[];
  args?: readonly string[];
}

/** What completion needs to know. */
export interface CompletionSpec {
  commands: readonly CompletionCommand[];
  globalOptions: readonly CompletionOption[];
}

const words = (list: readonly string[]) => list.join(' ');
const quote = (s: string) => s.replace(/'/g, "'\\''");
const takesValue = (o: CompletionOption) => o.values !== undefined || o.directory;

/** Shell lines that find the command word: the first word that is not a global option or its value. */
const valueFlags = (spec: CompletionSpec) => spec.globalOptions.filter(takesValue).map((o) => o.flag);

function bash(spec: CompletionSpec): string {
  const globals = words(spec.globalOptions.map((o) => o.flag));
  const valueCase = (options: readonly CompletionOption[], indent: string) =>
    options
      .filter(takesValue)
      .map((o) =>
        o.directory
          ? `${indent}${o.flag}) COMPREPLY=( $(compgen -d -- "$cur") ); return ;;`
          : `${indent}${o.flag}) COMPREPLY=( $(compgen -W '${quote(words(o.values!))}' -- "$cur") ); return ;;`,
      )
      .join('\n');
  const cases = spec.commands
    .map((c) => {
      const values = valueCase(c.options, '        ');
      const opts = words([...c.options.map((o) => o.flag), ...(c.args ?? [])]);
      return `    ${c.name})\n      case "$prev" in\n${values ? `${values}\n` : ''}      esac\n      opts='${quote(opts)}' ;;`;
    })
    .join('\n');
  return `# purges completion for bash. Load it from ~/.bashrc with:
#   eval "$(purges completion bash)"
_purges() {
  local cur prev cmd i opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for (( i = 1; i < COMP_CWORD; i++ )); do
    case "\${COMP_WORDS[i]}" in
      ${valueFlags(spec).join('|') || '--no-such-option'}) (( i++ )) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$prev" in
${valueCase(spec.globalOptions, '    ')}
  esac
  if [[ -z "$cmd" ]]; then
    COMPREPLY=( $(compgen -W '${quote(words(spec.commands.map((c) => c.name)))} ${globals} --help' -- "$cur") )
    return
  fi
  opts=''
  case "$cmd" in
${cases}
  esac
  COMPREPLY=( $(compgen -W "$opts --help" -- "$cur") )
}
complete -F _purges purges
`;
}

function zsh(spec: CompletionSpec): string {
  const commands = spec.commands.map((c) => `    '${c.name}:${quote(c.description).replace(/:/g, '\\:')}'`).join('\n');
  const valueCase = (options: readonly CompletionOption[], indent: string) =>
    options
      .filter(takesValue)
      .map((o) =>
        o.directory ? `${indent}${o.flag}) _files -/; return ;;` : `${indent}${o.flag}) compadd -- ${quote(words(o.values!))}; return ;;`,
      )
      .join('\n');
  const cases = spec.commands
    .map((c) => {
      const values = valueCase(c.options, '        ');
      return `    ${c.name})\n      case "\${words[CURRENT-1]}" in\n${values ? `${values}\n` : ''}      esac\n      compadd -- ${quote(words([...c.options.map((o) => o.flag), ...(c.args ?? []), '--help']))} ;;`;
    })
    .join('\n');
  return `#compdef purges
# purges completion for zsh. Load it from ~/.zshrc (after compinit) with:
#   eval "$(purges completion zsh)"
# or save it as _purges in a folder on $fpath.
_purges() {
  local -a commands
  commands=(
${commands}
  )
  local cmd="" i
  for (( i = 2; i < CURRENT; i++ )); do
    case "\${words[i]}" in
      ${valueFlags(spec).join('|') || '--no-such-option'}) (( i++ )) ;;
      -*) ;;
      *) cmd="\${words[i]}"; break ;;
    esac
  done
  case "\${words[CURRENT-1]}" in
${valueCase(spec.globalOptions, '    ')}
  esac
  if [[ -z "$cmd" ]]; then
    _describe 'command' commands
    compadd -- ${words(spec.globalOptions.map((o) => o.flag))} --help
    return
  fi
  case "$cmd" in
${cases}
  esac
}
if [[ "\${funcstack[1]}" = "_purges" ]]; then
  _purges "$@"
else
  compdef _purges purges
fi
`;
}

function fish(spec: CompletionSpec): string {
  const flag = (o: CompletionOption) => `-l ${o.flag.replace(/^--/, '')}`;
  const value = (o: CompletionOption) =>
    o.directory
      ? ` -r -a '(__fish_complete_directories)'`
      : o.values && o.values.length > 0
        ? ` -x -a '${quote(words(o.values))}'`
        : o.values
          ? ' -x'
          : '';
  const lines = [
    '# purges completion for fish. Load it from ~/.config/fish/config.fish with:',
    '#   purges completion fish | source',
    '# or save it as ~/.config/fish/completions/purges.fish.',
    'function __purges_command',
    '    set -l tokens (commandline -opc)',
    '    set -e tokens[1]',
    '    while set -q tokens[1]',
    '        switch $tokens[1]',
    ...valueFlags(spec).map((f) => `            case ${f}\n                set -e tokens[1]`),
    "            case '-*'",
    "            case '*'",
    '                echo $tokens[1]',
    '                return 0',
    '        end',
    '        set -e tokens[1]',
    '    end',
    '    return 1',
    'end',
    'complete -c purges -f',
  ];
  for (const c of spec.commands) lines.push(`complete -c purges -n 'not __purges_command' -a ${c.name} -d '${quote(c.description)}'`);
  for (const o of spec.globalOptions) lines.push(`complete -c purges ${flag(o)}${value(o)}`);
  for (const c of spec.commands) {
    const when = `-n 'test (__purges_command) = ${c.name}'`;
    for (const o of c.options) lines.push(`complete -c purges ${when} ${flag(o)}${value(o)}`);
    if (c.args && c.args.length > 0) lines.push(`complete -c purges ${when} -a '${quote(words(c.args))}'`);
  }
  return `${lines.join('\n')}\n`;
}

/** The completion script for a shell. */
export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return shell === 'bash' ? bash(spec) : shell === 'zsh' ? zsh(spec) : fish(spec);
}
