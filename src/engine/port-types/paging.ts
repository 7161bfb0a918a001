/** Paging and sorting, shared by every list query. */

export interface Page {
  firstResult?: number;
  maxResults?: number;
}

export interface Sorting<F extends string> {
  sortBy?: F;
  sortOrder?: 'asc' | 'desc';
}
