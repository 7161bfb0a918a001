/**
 * GOV.UK pagination for a list answer (`{ total, page, pageSize }`): previous, next and the page
 * numbers around the current one (first and last always), as links the router follows.
 */
export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** The link to a page, keeping the list's filters. */
  href: (page: number) => string;
  /** What the list is, for the navigation's accessible name. */
  label?: string;
}

/** The page numbers to show: first, last, and current ± 1, with null for a gap. */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const out: (number | null)[] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1]! > 1) out.push(null);
    out.push(n);
  });
  return out;
}

export function Pagination({ page, pageSize, total, href, label = 'Pages' }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="govuk-pagination" aria-label={label}>
      {page > 1 && (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={href(page - 1)} rel="prev">
            <Arrow direction="prev" />
            <span class="govuk-pagination__link-title">
              Previous<span class="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      )}
      <ul class="govuk-pagination__list">
        {pageNumbers(page, pages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} class="govuk-pagination__item govuk-pagination__item--ellipses">
              &ctdot;
            </li>
          ) : (
            <li
              key={n}
              class={`govuk-pagination__item${n === page ? ' govuk-pagination__item--current' : ''}`}
            >
              <a
                class="govuk-link govuk-pagination__link"
                href={href(n)}
                aria-label={`Page ${n}`}
                aria-current={n === page ? 'page' : undefined}
              >
                {n}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pages && (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={href(page + 1)} rel="next">
            <span class="govuk-pagination__link-title">
              Next<span class="govuk-visually-hidden"> page</span>
            </span>
            <Arrow direction="next" />
          </a>
        </div>
      )}
    </nav>
  );
}

function Arrow({ direction }: { direction: 'prev' | 'next' }) {
  const d =
    direction === 'prev'
      ? 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z'
      : 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z';
  return (
    <svg
      class={`govuk-pagination__icon govuk-pagination__icon--${direction}`}
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d={d} />
    </svg>
  );
}
