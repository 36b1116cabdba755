/** How long work reports on itself; the CLI draws it (a bar on a terminal), tests ignore it. */
export interface Progress {
  /** A new phase: what it does, and how much there is to do (bytes or records). */
  phase(label: string, total: number): void;
  /** How much of the phase is done, and how many records so far. */
  tick(done: number, records?: number): void;
  /** The work is over (successfully or not): clear what was drawn. */
  end(): void;
}

/** Progress that nobody watches. */
export const quietProgress: Progress = { phase() {}, tick() {}, end() {} };
