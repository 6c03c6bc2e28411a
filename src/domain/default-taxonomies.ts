/** A term in a seed tree: name, slug and optional children. */
export interface SeedTerm { name: string; slug: string; description?: string; children?: SeedTerm[] }
/** A taxonomy with its default terms, as created on a new site. */
export interface SeedTaxonomy { slug: string; name: string; pluralName: string; description: string; terms: SeedTerm[] }

/**
 * The default taxonomies of an international-affairs site. A site changes them through data
 * (the admin or the database), never through code: this is only the starting set.
 */
export const defaultTaxonomies: SeedTaxonomy[] = [
  {
    slug: 'region', name: 'Region', pluralName: 'Regions', description: 'Where the story happens.',
    terms: [
      { name: 'Russia and FSU', slug: 'russia-and-fsu', description: 'Russia and the states of the former Soviet Union.' },
      { name: 'Europe', slug: 'europe' },
      { name: 'USA', slug: 'usa' },
      { name: 'Canada', slug: 'canada' },
      { name: 'Latin America & Caribbean', slug: 'latin-america-and-caribbean' },
      { name: 'Middle East & North Africa', slug: 'middle-east-and-north-africa' },
      { name: 'Sub-Saharan Africa', slug: 'sub-saharan-africa' },
      {
        name: 'Asia', slug: 'asia',
        children: [
          { name: 'South Asia', slug: 'south-asia' },
          { name: 'East Asia', slug: 'east-asia' },
          { name: 'Southeast Asia', slug: 'southeast-asia' },
        ],
      },
      { name: 'Oceania', slug: 'oceania' },
      { name: 'Global', slug: 'global', description: 'Stories that span the world.' },
    ],
  },
  {
    slug: 'theme', name: 'Theme', pluralName: 'Themes', description: 'What the story is about.',
    terms: [
      { name: 'Militarization and WMD', slug: 'militarization-and-wmd', description: 'Armed forces, arms control, nuclear, chemical and biological weapons.' },
      { name: 'Global Economy', slug: 'global-economy' },
      { name: 'Environment', slug: 'environment', children: [{ name: 'Climate', slug: 'climate' }] },
      { name: 'Oil and Energy', slug: 'oil-and-energy' },
      { name: 'Law and Justice', slug: 'law-and-justice' },
      { name: 'Politics and Elections', slug: 'politics-and-elections' },
      { name: 'Science and Medicine', slug: 'science-and-medicine' },
      { name: 'Media and Disinformation', slug: 'media-and-disinformation' },
      { name: 'Intelligence', slug: 'intelligence' },
      { name: 'Poverty and Social Inequality', slug: 'poverty-and-social-inequality' },
      { name: 'United Nations', slug: 'united-nations' },
      { name: 'History', slug: 'history' },
      { name: 'Food and Agriculture', slug: 'food-and-agriculture' },
    ],
  },
];
