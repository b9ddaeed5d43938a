export interface RetryOptions {
  maxRetries: number;
  baseDelayMs: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= opts.maxRetries; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      const delay = opts.baseDelayMs * 2 ** attempt;
      sleep(delay);
    }
  }
  throw lastError;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxRetries: 3,
  baseDelayMs: 200,
};

// Callers: at most `maxRetries` calls in total.
export function fetchWithRetry(url: string): Promise<Response> {
  return withRetry(() => fetch(url), DEFAULT_RETRY);
}
