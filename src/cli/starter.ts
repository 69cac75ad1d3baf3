/**
 * The files `glossa init` writes: a site configuration, one section and one entry, enough for
 * `glossa build` to publish a working glossary that the team then fills in.
 */

/** A starter file, its path relative to the new site folder. */
export interface StarterFile {
  path: string;
  text: string;
  /** Written only where the folder has none: an existing one is the team's own and stays. */
  unlessPresent?: boolean;
}

/** The starter glossary, its first entry dated `today` (YYYY-MM-DD). */
export function starterFiles(today: string): StarterFile[] {
  return [
    {
      path: 'glossa.config.yaml',
      text: `# Glossa site configuration: see the README of the glossa package for every field.
name: My Glossary
description: The words our team uses, each defined in one sentence and explained below it.
# The address the site will be published at; a path (https://example.org/docs/glossary) works too.
url: https://glossary.example.org
locale: en
timezone: '+00:00'
publisher:
  name: My Team
  url: https://glossary.example.org
  logo: /favicon.svg
authors:
  editor:
    name: The Editors
    url: https://glossary.example.org
defaultAuthor: editor
sections:
  term:
    label: Terms
    description: Every term of the glossary, A–Z.
`,
    },
    {
      path: 'content/term/glossary.md',
      text: `---
title: Glossary
summary: A glossary is an alphabetical list of the terms of a field, each with a short definition.
published: ${today}
tags: [getting started]
---

This is the first entry. Each entry is one Markdown file under \`content/<section>/\`: the front
matter above says what the term is, and this body explains it in GitHub-flavoured Markdown.

Add the next entry with \`npx glossa new "Your term" --section term\`, preview with
\`npx glossa dev\`, and publish the \`dist/\` folder that \`npx glossa build\` writes.
`,
    },
    {
      // npm checks every package's Node version against the Node npm itself runs on; Glossa runs
      // on the Node 24 it installs (the `node` package), so on an older system Node the 30 lines
      // of EBADENGINE warnings for Astro and its tools say nothing true. Errors still print.
      path: '.npmrc',
      unlessPresent: true,
      text: `# Glossa brings its own Node (the node package), so npm's engine warnings do not apply.
loglevel=error
`,
    },
    {
      path: 'public/favicon.svg',
      text: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><title>Glossary</title><rect width="32" height="32" rx="6" fill="#2455a4"/><text x="16" y="23" font-family="sans-serif" font-size="20" text-anchor="middle" fill="#fff">G</text></svg>
`,
    },
  ];
}
