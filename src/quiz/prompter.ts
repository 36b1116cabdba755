/** How the quiz asks: inquirer in a terminal, a scripted fake in tests. */
export interface Prompter {
  /**
   * One of several choices; resolves to the chosen text. `judge`, when given, tells whether a
   * choice is right, so the answered prompt can show ✔ or ✘.
   */
  select(message: string, choices: readonly string[], judge?: (choice: string) => boolean): Promise<string>;
  /** Free text, checked by `validate` (true, or a message to show) before it resolves; `judge` as for select. */
  input(message: string, validate: (value: string) => true | string, judge?: (value: string) => boolean): Promise<string>;
  /** Yes or no. */
  confirm(message: string): Promise<boolean>;
  /** Ends any open prompt and gives the terminal back as it was (cursor shown, normal mode). */
  close(): Promise<void>;
}
