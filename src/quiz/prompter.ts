/** How the quiz asks: inquirer in a terminal, a scripted fake in tests. */
export interface Prompter {
  /** One of several choices; resolves to the chosen text. */
  select(message: string, choices: readonly string[]): Promise<string>;
  /** Free text, checked by `validate` (true, or a message to show) before it resolves. */
  input(message: string, validate: (value: string) => true | string): Promise<string>;
  /** Yes or no. */
  confirm(message: string): Promise<boolean>;
}
