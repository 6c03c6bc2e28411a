import type { RemoteMediaSource } from '../../app/site-import/import-media-ports.js';
import { AppError } from '../../domain/errors.js';
import { isFetchError } from './fetch-error.js';
import type { SafeFetcher } from './safe-fetcher.js';

/**
 * Images from an old site through the safe fetcher. Only `image/*` answers are read (or unlabelled
 * ones, which the media library then judges by their bytes): a PDF or a page is refused before
 * its body is downloaded.
 */
export function mediaDownloaderOver(fetcher: SafeFetcher): RemoteMediaSource {
  return {
    async fetch(url) {
      try {
        const result = await fetcher.fetch(url, { accept: 'any', allowedTypes: ['image/*'], allowUntyped: true });
        if (result.status === 'not-modified') throw new AppError('FETCH_FAILED', `${url} answered "not modified" to a request that asked for no cache.`, { details: { url, reason: 'http-status' } });
        return { bytes: result.body, url: result.url };
      } catch (error) {
        if (!isFetchError(error)) throw error;
        const code = error.code === 'forbidden-address' || error.code === 'bad-url' ? 'FETCH_REFUSED' : 'FETCH_FAILED';
        throw new AppError(code, error.message, { cause: error, details: { url: error.url, reason: error.code, ...(error.status ? { status: error.status } : {}) } });
      }
    },
  };
}
