import { AppError } from './errors.js';

export const MAX_PAGE = 100_000;

/**
 * Parses a `page` query value. Absent means 1; anything but a positive whole number is an
 * INVALID_PAGE_NUMBER error (http answers 400); numbers past the end are clamped by the caller.
 */
export function parsePageNumber(raw: unknown): number {
  if (raw === undefined || raw === '') return 1;
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw)) {
    throw new AppError('INVALID_PAGE_NUMBER', 'The page number must be a whole number from 1 upwards.', { details: { page: String(raw).slice(0, 40) } });
  }
  const page = Number(raw);
  if (page < 1 || page > MAX_PAGE) {
    throw new AppError('INVALID_PAGE_NUMBER', `The page number must be between 1 and ${MAX_PAGE}.`, { details: { page } });
  }
  return page;
}

export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
  offset: number;
}

/** Works out offset and page count for a listing of `total` items. */
export function paginate(page: number, pageSize: number, total: number): PageInfo {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return { page, pageSize, total, pageCount, offset: (page - 1) * pageSize };
}
