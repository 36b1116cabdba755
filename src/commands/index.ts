import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { register as timeline } from './timeline.js';
import { register as validate } from './validate.js';

/** A command's registration: adds itself to the program and returns its Command. */
export type Register = (program: Command, ctx: Ctx) => Command;

/** Every command, in the order `purges --help` lists them. */
export const COMMANDS: readonly Register[] = [timeline, validate];
