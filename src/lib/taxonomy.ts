import type { Glossary, TaxonomyGroup } from './glossary-graph.ts';
import { CATEGORIES_PATH, TAGS_PATH, categoryPath, tagPath } from './urls.ts';

/** Tags and categories share their pages' shape; this says what differs. */
export interface TaxonomyKind {
  /** URL segment and route folder: `tags` or `categories`. */
  key: 'tags' | 'categories';
  /** Plural heading, e.g. "Tags". */
  plural: string;
  /** Singular label, e.g. "Tag". */
  singular: string;
  /** Path of the page listing every group of this kind. */
  indexPath: string;
  /** Path of one group's page. */
  pathOf: (name: string) => string;
  /** The groups of this kind in a glossary. */
  groupsOf: (glossary: Glossary) => TaxonomyGroup[];
}

/** The two taxonomies of a glossary. */
export const TAXONOMIES: Record<TaxonomyKind['key'], TaxonomyKind> = {
  tags: {
    key: 'tags',
    plural: 'Tags',
    singular: 'Tag',
    indexPath: TAGS_PATH,
    pathOf: tagPath,
    groupsOf: (g) => g.tags,
  },
  categories: {
    key: 'categories',
    plural: 'Categories',
    singular: 'Category',
    indexPath: CATEGORIES_PATH,
    pathOf: categoryPath,
    groupsOf: (g) => g.categories,
  },
};
