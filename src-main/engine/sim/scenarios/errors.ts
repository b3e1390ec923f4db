// A scenario that cannot be used: every problem found, each with where it is.

export class ScenarioError extends Error {
  constructor(readonly scenario: string, readonly problems: readonly string[]) {
    super(`Scenario ${scenario} is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}
