import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { register as timeline } from './timeline.js';
import { register as today } from './today.js';
import { register as person } from './person.js';
import { register as people } from './people.js';
import { register as event } from './event.js';
import { register as stats } from './stats.js';
import { register as claims } from './claims.js';
import { register as check } from './check.js';
import { register as search } from './search.js';
import { register as sources } from './sources.js';
import { register as validate } from './validate.js';
import { register as pack } from './pack.js';
import { register as quiz } from './quiz.js';
import { register as completion } from './completion.js';

/** A command's registration: adds itself to the program and returns its Command. */
export type Register = (program: Command, ctx: Ctx) => Command;

/** Every command by name, in the order `purges --help` lists them. */
export const COMMANDS: ReadonlyArray<readonly [string, Register]> = [
  ['timeline', timeline],
  ['today', today],
  ['person', person],
  ['people', people],
  ['event', event],
  ['stats', stats],
  ['claims', claims],
  ['check', check],
  ['search', search],
  ['sources', sources],
  ['quiz', quiz],
  ['validate', validate],
  ['pack', pack],
  ['completion', completion],
];
