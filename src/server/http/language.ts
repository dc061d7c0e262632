/** The caller's language from Accept-Language: English when preferred over Swedish, otherwise Swedish. */
import type { FastifyRequest } from 'fastify';
import type { Language } from '../../core/errors.js';

/** Picks 'sv' or 'en' from an Accept-Language header; Swedish when neither is asked for. */
export function pickLanguage(header: string | undefined): Language {
  if (!header) return 'sv';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((l) => l.tag === 'sv' || l.tag === 'en')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag === 'en' ? 'en' : 'sv';
}

/** The language of `request`. */
export function languageOf(request: FastifyRequest): Language {
  return pickLanguage(request.headers['accept-language']);
}
