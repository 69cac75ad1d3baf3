import type { Glossary } from '../graph/glossary-graph.ts';
import { GLOSSARY_JSON_PATH } from '../outputs/glossary-json.ts';
import { sectionLetterPages } from '../graph/section-index.ts';
import { TAXONOMIES } from '../graph/taxonomy.ts';
import {
  AZ_PATH,
  FEED_PATH,
  SEARCH_NAMES_PATH,
  SEARCH_PATH,
  sectionFeedPath,
  sectionLetterPath,
  sectionPath,
  termMarkdownPath,
  termPath,
} from './urls.ts';

/** Files the glossary writes at its root besides its pages, by the routes of src/routes/. */
const ROOT_FILES = ['/llms.txt', '/robots.txt', GLOSSARY_JSON_PATH, SEARCH_NAMES_PATH, FEED_PATH];

/**
 * Every address the built glossary answers at, as root-free site paths (`/definition/gamma/`):
 * home, A–Z, search, tags and categories with their pages, sections with their feeds and letter
 * pages, each entry's page and Markdown copy, and the files at the root. Made with the same URL
 * helpers and the same graph the routes use, so a link check can never disagree with the build.
 */
export function glossarySitePaths(glossary: Glossary): Set<string> {
  const paths = new Set<string>(['/', AZ_PATH, SEARCH_PATH, ...ROOT_FILES]);
  for (const section of glossary.sections) {
    paths.add(sectionPath(section.key));
    paths.add(sectionFeedPath(section.key));
  }
  for (const { section, letter } of sectionLetterPages(glossary.sections)) {
    paths.add(sectionLetterPath(section.key, letter));
  }
  for (const kind of Object.values(TAXONOMIES)) {
    paths.add(kind.indexPath);
    for (const group of kind.groupsOf(glossary)) paths.add(kind.pathOf(group.name));
  }
  for (const term of glossary.terms) {
    paths.add(termPath(term));
    paths.add(termMarkdownPath(term));
  }
  return paths;
}
