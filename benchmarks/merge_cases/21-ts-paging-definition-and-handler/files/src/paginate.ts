export interface Page<T> {
  items: T[];
  next: number | null;
}

export function paginate<T>(all: T[], page: number, size: number): Page<T> {
  const start = page * size;
  const items = all.slice(start, start + size + 1);
  const next = start + size < all.length ? page + 1 : null;
  return { items, next };
}

export function pageCount(total: number, size: number): number {
  return Math.floor(total / size);
}
