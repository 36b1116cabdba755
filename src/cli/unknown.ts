/**
 * What an unknown word on the command line most likely meant: a command with a typo
 * ("timelin"), or a person or event looked up without its command ("purges kirov").
 */
import { UsageError } from '../errors.js';
import type { Kb } from '../kb/model.js';
import { didYouMean, suggest } from '../kb/suggest.js';
import { matchPeople } from '../kb/find-person.js';
import { rankEvents } from '../kb/find-event.js';
import { sanitizeLine } from '../render/sanitize.js';

/** The usage error for an unknown command word, with the most useful suggestion. */
export async function unknownCommand(
  word: string,
  rest: readonly string[],
  commands: readonly string[],
  kb: () => Promise<Kb>,
): Promise<UsageError> {
  const shown = sanitizeLine(word);
  const command = suggest(word, commands);
  if (command.length > 0) return new UsageError(`unknown command '${shown}'`, didYouMean(command.map((c) => `'purges ${c}'`)));
  const query = [word, ...rest.filter((a) => !a.startsWith('-'))].join(' ');
  const quoted = /\s/.test(query) ? `"${sanitizeLine(query)}"` : sanitizeLine(query);
  if (/[\p{L}\p{N}]/u.test(word)) {
    const base = await kb();
    if (matchPeople(base, query).length > 0) return new UsageError(`unknown command '${shown}'`, `Did you mean 'purges person ${quoted}'?`);
    if (rankEvents(base, query).length > 0) return new UsageError(`unknown command '${shown}'`, `Did you mean 'purges event ${quoted}'?`);
    return new UsageError(`unknown command '${shown}'`, `Run 'purges --help' for the commands, or 'purges search ${quoted}'.`);
  }
  return new UsageError(`unknown command '${shown}'`, "Run 'purges --help' for the commands.");
}
