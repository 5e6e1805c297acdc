import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export const publicationKeys = {
  all: ['publications'] as const,
};

/** The change feed's event for a publicised round; the feed gives it only to the round's parties (and the task force). */
export const ROUND_PUBLICISED = 'review.round_publicised';

/** The publicised rounds the caller is a party of, newest first, read from the change feed (bounded number of pages). */
export async function publicisedRounds(maxPages = 20): Promise<Schemas['FeedItem'][]> {
  const found: Schemas['FeedItem'][] = [];
  let after: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await unwrap(api.GET('/api/v1/feed', { params: { query: { after, limit: 500 } } }));
    found.push(...page.items.filter((e) => e.type === ROUND_PUBLICISED));
    if (!page.hasMore) break;
    after = page.next;
  }
  const latest = new Map(found.map((e) => [e.resourceId, e]));
  return [...latest.values()].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
}

export function usePublicisedRounds() {
  return useQuery({ queryKey: publicationKeys.all, queryFn: () => publicisedRounds() });
}
