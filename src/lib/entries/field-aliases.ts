/**
 * What other glossary tools call Glossa's fields, so an entry copied from Hugo, Jekyll or
 * Docusaurus gets a hint that names the right field. Edit distance alone cannot find these:
 * `date` is nowhere near `published`, and `short_description` is nearer to nothing useful.
 */

/** Other tools' field names, with the Glossa field that means the same. */
const SAME_MEANING: Readonly<Record<string, string>> = {
  date: 'published',
  publishdate: 'published',
  created: 'published',
  lastmod: 'updated',
  modified: 'updated',
  short_description: 'summary',
  description: 'summary',
  definition: 'summary',
  excerpt: 'summary',
  synonyms: 'aka',
  aliases: 'aka',
  abbreviation: 'aka',
  related_terms: 'related',
  relatedterms: 'related',
  see_also: 'related',
  term: 'title',
  name: 'title',
};

/** Fields of other tools that Glossa expresses another way, with what to do instead. */
const EXPRESSED_OTHERWISE: Readonly<Record<string, string>> = {
  id: 'the file name is the slug here: remove id, or rename the file to <id>.md',
  slug: 'the file name is the slug here: remove slug, or rename the file to <slug>.md',
  full_link: 'link to it from the body instead, e.g. [Read more](https://…)',
  references: 'list them at the end of the body, under a "## References" heading',
  layout: 'pages have one layout here; remove it (a redirect stub becomes redirectFrom on its target)',
};

/**
 * The hint for an unknown front-matter field that another tool uses, or undefined when the name
 * means nothing known. `importHint` is appended, since importing converts every such field at once.
 */
export function foreignFieldHint(field: string): string | undefined {
  const key = field.toLowerCase();
  const importHint = '`npm run import -- FOLDER --from hugo|jekyll` converts such entries';
  // Own keys only: a field named `constructor` must not find Object's.
  const same = Object.hasOwn(SAME_MEANING, key) ? SAME_MEANING[key] : undefined;
  if (same !== undefined) return `did you mean '${same}'? ${importHint}`;
  const otherwise = Object.hasOwn(EXPRESSED_OTHERWISE, key) ? EXPRESSED_OTHERWISE[key] : undefined;
  return otherwise === undefined ? undefined : `${otherwise}; ${importHint}`;
}
