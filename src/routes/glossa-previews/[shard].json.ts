import type { APIRoute, GetStaticPaths } from 'astro';
import { glossary, href } from '../../data/glossary.ts';
import { buildPreviewShards, type PreviewShard } from '../../lib/outputs/preview-data.ts';

/** One shard of the link previews, fetched by the preview script on a reader's first hover or focus. */
export const getStaticPaths = (() =>
  buildPreviewShards(glossary.terms, href).map((shard, index) => ({
    params: { shard: String(index) },
    props: { shard },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ shard: PreviewShard }> = ({ props }) => Response.json(props.shard);
