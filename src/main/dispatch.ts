import { z } from 'zod';
import { contract, problemsOf, type ApiErrorShape, type Channel, type Outcome } from '../shared/contract';
import type { Handlers } from './handlers';

/**
 * Validates one call against the contract and runs its handler, always answering with an Outcome:
 * nothing thrown here ever crosses IPC as a bare Error.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  args: unknown,
): Promise<Outcome<unknown>> {
  if (!Object.hasOwn(contract, channel)) {
    return failure({ code: 'UNKNOWN_CHANNEL', message: `There is no channel named ${channel}.` });
  }
  const name = channel as Channel;
  const parsed = contract[name].args.safeParse(args, { reportInput: true });
  if (!parsed.success) {
    const problems = problemsOf(parsed.error);
    return failure({
      code: 'VALIDATION',
      message: `${name}: ${problems.map((p) => `${p.path || 'arguments'}: ${p.message}`).join('; ')}`,
      details: problems,
    });
  }
  try {
    const handler = handlers[name] as (...values: unknown[]) => unknown;
    return { ok: true, value: await handler(...(parsed.data as unknown[])) };
  } catch (error) {
    return failure(describeError(error));
  }
}

function failure(error: ApiErrorShape): Outcome<never> {
  return { ok: false, error };
}

/**
 * The codes an error from main's own code keeps on its way to the window: a stale edit, a missing
 * film, a write refused during an import (BUSY), an import file refused (REJECTED, from the
 * transfer layer's LibraryFileError and ImportRefusedError) or a cancelled import/export.
 */
const PASSED_ON_CODES = ['STALE', 'NOT_FOUND', 'BUSY', 'REJECTED', 'CANCELLED'] as const;
const isPassedOnCode = (code: unknown): code is (typeof PASSED_ON_CODES)[number] =>
  (PASSED_ON_CODES as readonly unknown[]).includes(code);

function describeError(error: unknown): ApiErrorShape {
  if (error instanceof z.ZodError) {
    const problems = problemsOf(error);
    return {
      code: 'VALIDATION',
      message: problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      details: problems,
    };
  }
  if (error instanceof Error) {
    const code = 'code' in error && isPassedOnCode(error.code) ? error.code : 'FAILED';
    const details = 'current' in error ? { current: error.current } : undefined;
    return { code, message: error.message, details };
  }
  return { code: 'FAILED', message: String(error) };
}
