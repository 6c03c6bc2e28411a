import type { FetchOutcome, ResourceFetcher } from '../../app/ingest-ports.js';
import { AppError } from '../../domain/errors.js';
import { isFetchError } from './fetch-error.js';
import type { SafeFetcher } from './safe-fetcher.js';

/** The app's ResourceFetcher port over the safe fetcher; fetch failures become AppErrors with the fetcher's message. */
export function resourceFetcherOver(fetcher: SafeFetcher): ResourceFetcher {
  return {
    async fetch(url, request): Promise<FetchOutcome> {
      try {
        const result = await fetcher.fetch(url, { accept: request.accept, etag: request.etag ?? null, lastModified: request.lastModified ?? null, allowUntyped: true });
        if (result.status === 'not-modified') return { status: 'not-modified' };
        return {
          status: 'ok',
          resource: {
            url: result.url, body: result.body, contentType: result.contentType, charset: result.charset,
            etag: result.headers.etag, lastModified: result.headers.lastModified,
          },
        };
      } catch (error) {
        if (isFetchError(error)) {
          const code = error.code === 'forbidden-address' || error.code === 'bad-url' ? 'FETCH_REFUSED' : 'FETCH_FAILED';
          throw new AppError(code, error.message, { cause: error, details: { url: error.url, reason: error.code } });
        }
        throw error;
      }
    },
  };
}
