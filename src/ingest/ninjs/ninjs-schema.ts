/**
 * The shape of the ninjs fields the importer reads, across the three generations: 1.x
 * (`headline`, `body_*`, `subject`, maps of renditions and associations), 2.x (`headlines`,
 * `bodies`, `subjects`, arrays) and 3.x (2.x with camelCase names: `versionCreated`,
 * `copyrightHolder`, `infoSources`, `contentType`…). Every spelling is optional and accepted in
 * any generation, because providers mix them; fields we do not read are not checked at all.
 * `null` counts as absent.
 */
import { z } from 'zod';

const text = z.string().nullish();

/** A headline, body or description of 2.x/3.x. */
export const textBlockSchema = z.object({ value: text, role: text, contenttype: text, contentType: text });

/** A subject, place (and, in 1.x, person or organisation): 1.x has scheme + code, 2.x/3.x uri + literal. */
export const conceptSchema = z.object({ name: text, code: text, scheme: text, uri: text, literal: text, rel: text });

export const infoSourceSchema = z.object({ name: text, role: text, rel: text });

export const renditionSchema = z.object({
  name: text, title: text, href: text, contenttype: text, contentType: text, mimetype: text,
  width: z.number().nullish(), height: z.number().nullish(),
});

const standardSchema = z.object({ name: text, version: text, schema: text });

/** One ninjs item. `renditions` and `associations` are an array (2.x/3.x) or a map (1.x) and are checked where they are read. */
export const ninjsItemSchema = z.looseObject({
  uri: text,
  type: text,
  title: text,
  headline: text,
  headlines: z.array(textBlockSchema).nullish(),
  bodies: z.array(textBlockSchema).nullish(),
  descriptions: z.array(textBlockSchema).nullish(),
  byline: text,
  by: text,
  firstcreated: text,
  firstCreated: text,
  versioncreated: text,
  versionCreated: text,
  language: text,
  copyrightholder: text,
  copyrightHolder: text,
  copyrightnotice: text,
  copyrightNotice: text,
  usageterms: text,
  usageTerms: text,
  subject: z.array(conceptSchema).nullish(),
  subjects: z.array(conceptSchema).nullish(),
  place: z.array(conceptSchema).nullish(),
  places: z.array(conceptSchema).nullish(),
  infosource: z.array(infoSourceSchema).nullish(),
  infosources: z.array(infoSourceSchema).nullish(),
  infoSources: z.array(infoSourceSchema).nullish(),
  renditions: z.unknown().optional(),
  associations: z.unknown().optional(),
  rel: text,
  pubstatus: text,
  pubStatus: text,
  $standard: standardSchema.nullish(),
  standard: standardSchema.nullish(),
});

export type NinjsItemData = z.infer<typeof ninjsItemSchema>;
export type TextBlock = z.infer<typeof textBlockSchema>;
export type ConceptData = z.infer<typeof conceptSchema>;
export type RenditionData = z.infer<typeof renditionSchema>;

/** The 1.x extension properties (`headline_main`, `body_xhtml`, `description_text`…): any name after the underscore, always a string. */
export const EXTENSION_PROPERTY = /^(headline|body|description)_./;
