export type AllowedSkip = { file: RegExp; title?: RegExp; reason: string; when: (env: NodeJS.ProcessEnv) => boolean };
export type Verdict = { passed: number; failed: number; skipped: number; problems: string[] };
type Input = { exitCode: number | string | null; report: unknown; allowList?: AllowedSkip[]; env?: NodeJS.ProcessEnv };
export function judgeVitest(input: Input & { root?: string }): Verdict;
export function judgePlaywright(input: Input): Verdict;
export function judgeExit(name: string, exitCode: number | string | null): Verdict;
