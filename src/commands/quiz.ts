import type { Command } from 'commander';
import { Option } from 'commander';
import type { Ctx } from '../cli/context.js';
import { parseChoice, parseIntOption, parseYearOption } from '../cli/options.js';
import { TOPICS, type Topic } from '../quiz/question.js';

/** Parsed options of `purges quiz`. */
export interface QuizOptions {
  count: number;
  topic: Topic;
  from?: string;
  to?: string;
  seed?: string;
  review?: boolean;
  progress?: boolean;
  reset?: boolean;
  yes?: boolean;
  worksheet?: boolean;
  format?: 'md' | 'json';
  /** With --worksheet: write the answer key to this file instead of the sheet's last page. */
  key?: string;
  json?: boolean;
}

/** Registers `purges quiz`. The quiz itself (inquirer, ts-fsrs) loads only when it runs. */
export function register(program: Command, ctx: Ctx): Command {
  return program
    .command('quiz')
    .description('practise with questions from the knowledge base; spaced review of what you missed')
    .option('--count <n>', 'number of questions, 1-100', parseIntOption('--count', 1, 100), 10)
    .option('--topic <topic>', `${TOPICS.join(', ')}`, parseChoice('--topic', TOPICS), 'all')
    .option('--from <year>', 'only events, people and figures from this year or month', parseYearOption('--from'))
    .option('--to <year>', 'only up to this year or month', parseYearOption('--to'))
    .option('--seed <seed>', 'the same seed gives the same questions, order and choices')
    .option('--review', 'ask the cards that are due for review first')
    .option('--progress', 'show what you have learned by topic: cards seen, due now, next due, retention')
    .option('--reset', 'delete saved progress (asks first, unless --yes)')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--worksheet', 'print a numbered worksheet with an answer key (no terminal needed)')
    .addOption(new Option('--format <format>', 'worksheet format: md or json').argParser(parseChoice('--format', ['md', 'json'] as const)))
    .option('--key <file>', 'with --worksheet: write the answer key to this file instead of the last page')
    .option('--json', 'with --progress: print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ purges quiz\n  $ purges quiz --topic people --count 5\n  $ purges quiz --review\n  $ purges quiz --worksheet --count 20 --seed class-9b > worksheet.md\n  $ purges quiz --worksheet --key key.md > worksheet.md\n  $ purges quiz --progress\n\nProgress is saved after every answer in your data folder (or $PURGES_HOME); two quizzes at once both keep theirs.',
    )
    .action(async (opts: QuizOptions) => (await import('./quiz-run.js')).runQuiz(opts, ctx));
}
