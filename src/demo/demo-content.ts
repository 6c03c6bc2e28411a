/**
 * Demo content for Dateline's sample site.
 *
 * Everything in this file is invented for demonstration purposes: the
 * authors, the syndication partners and the events described are fictional.
 * Real places and institutions appear only as setting. Source URLs use the
 * reserved `.example` top-level domain and in-body links point at example.org.
 */

export interface DemoAuthor {
  slug: string;
  name: string;
  bio: string;
}

export interface DemoSource {
  slug: string;
  name: string;
  url: string;
  copyrightLine: string;
  licence: string;
}

export interface DemoSyndication {
  /** One of demoSources. */
  sourceSlug: string;
  originalUrl: string | null;
  originalAuthor: string | null;
  /** ISO 8601 UTC, earlier than the article's publishedAt. */
  originalPublishedAt: string;
  copyrightLine: string;
  licence: string;
  searchPolicy: 'canonical-original' | 'canonical-self' | 'noindex';
}

export interface DemoArticle {
  slug: string;
  title: string;
  standfirst: string;
  excerpt: string;
  /** 1 or 2 of demoAuthors. */
  authorSlugs: string[];
  /** ISO 8601 UTC. */
  publishedAt: string;
  /** Region term slugs (1 or 2). */
  regions: string[];
  /** Theme term slugs (1 or 2). */
  themes: string[];
  /** null for the site's own pieces. */
  syndication: DemoSyndication | null;
  /** 4 to 7 Markdown paragraphs separated by blank lines. */
  bodyMarkdown: string;
}

const DEMO_MARKER =
  "*Demo article: written for Dateline's sample content; the events and people in it are fictional.*";

/** Joins Markdown blocks with blank lines and appends the demo marker paragraph. */
function body(...blocks: string[]): string {
  return [...blocks, DEMO_MARKER].join('\n\n');
}

export const demoAuthors: DemoAuthor[] = [
  {
    slug: 'ines-calder',
    name: 'Ines Calder',
    bio: 'Ines Calder writes about diplomacy, arms control and the United Nations. She is a fictional demo contributor created for Dateline sample content.',
  },
  {
    slug: 'tomas-virkunen',
    name: 'Tomas Virkunen',
    bio: 'Tomas Virkunen covers energy, security and politics around the Baltic and the Nordic countries. He is a fictional demo contributor.',
  },
  {
    slug: 'adaeze-moreau',
    name: 'Adaeze Moreau',
    bio: 'Adaeze Moreau reports on food security, labour and justice, with a focus on West Africa and South Asia. She is a fictional demo contributor.',
  },
  {
    slug: 'rafael-quintero-bly',
    name: 'Rafael Quintero Bly',
    bio: 'Rafael Quintero Bly follows elections, mining and trade across the Americas. He is a fictional demo contributor created for Dateline sample content.',
  },
  {
    slug: 'mei-lin-osterberg',
    name: 'Mei-Lin Østerberg',
    bio: 'Mei-Lin Østerberg writes about science, technology policy and history in East and Southeast Asia. She is a fictional demo contributor.',
  },
  {
    slug: 'harun-tessaly',
    name: 'Harun Tessaly',
    bio: 'Harun Tessaly covers shipping, markets and the information space from the Gulf to Central Asia. He is a fictional demo contributor.',
  },
];

export const demoSources: DemoSource[] = [
  {
    slug: 'lanternfield-wire',
    name: 'Lanternfield Wire',
    url: 'https://lanternfield.example',
    copyrightLine: 'Copyright © Lanternfield Wire, 2026',
    licence: 'Republished with permission under the Lanternfield Wire partner agreement',
  },
  {
    slug: 'northsound-morning-post',
    name: 'Northsound Morning Post',
    url: 'https://northsound-post.example',
    copyrightLine: 'Copyright © Northsound Morning Post AS, 2026',
    licence: 'Republished under the Northsound content-exchange agreement',
  },
  {
    slug: 'cordillera-dispatch',
    name: 'Cordillera Dispatch',
    url: 'https://cordilleradispatch.example',
    copyrightLine: 'Copyright © Cordillera Dispatch, 2026',
    licence: 'Republished under a Creative Commons Attribution 4.0 International licence (CC BY 4.0)',
  },
  {
    slug: 'harmattan-ledger',
    name: 'Harmattan Ledger',
    url: 'https://harmattanledger.example',
    copyrightLine: 'Copyright © Harmattan Ledger, 2026',
    licence: 'Republished with permission; all other rights reserved by Harmattan Ledger',
  },
];

const lanternfield = {
  copyrightLine: 'Copyright © Lanternfield Wire, 2026',
  licence: 'Republished with permission under the Lanternfield Wire partner agreement',
} as const;

const northsound = {
  copyrightLine: 'Copyright © Northsound Morning Post AS, 2026',
  licence: 'Republished under the Northsound content-exchange agreement',
} as const;

const cordillera = {
  copyrightLine: 'Copyright © Cordillera Dispatch, 2026',
  licence: 'Republished under a Creative Commons Attribution 4.0 International licence (CC BY 4.0)',
} as const;

const harmattan = {
  copyrightLine: 'Copyright © Harmattan Ledger, 2026',
  licence: 'Republished with permission; all other rights reserved by Harmattan Ledger',
} as const;

export const demoArticles: DemoArticle[] = [
  {
    slug: 'baltic-grid-operators-lease-emergency-turbines',
    title: 'Baltic grid operators lease emergency turbines as winter demand forecast climbs',
    standfirst:
      'Lithuania, Latvia and Estonia are renting mobile gas turbines and paying large users to cut load, a sign of how thin reserve margins remain since the region left the Russian-run grid.',
    excerpt:
      'The three Baltic transmission operators have signed short-term leases for mobile turbines to cover peak demand through March.',
    authorSlugs: ['tomas-virkunen'],
    publishedAt: '2026-11-25T08:15:00.000Z',
    regions: ['europe', 'russia-and-fsu'],
    themes: ['oil-and-energy'],
    syndication: {
      sourceSlug: 'northsound-morning-post',
      originalUrl: 'https://northsound-post.example/2026/11/24/baltic-grid-turbine-leases',
      originalAuthor: 'Liis Kaarepere',
      originalPublishedAt: '2026-11-24T14:40:00.000Z',
      ...northsound,
      searchPolicy: 'noindex',
    },
    bodyMarkdown: body(
      `VILNIUS, Nov 24 (Northsound Morning Post) - The transmission system operators of Lithuania, Latvia and Estonia have leased eleven mobile gas turbines for the coming winter, adding roughly 400 megawatts of standby capacity after forecasters revised peak demand upwards for January and February.`,
      `The leases, worth a combined 96 million euros according to filings seen by the Post, run until the end of March. The units will be parked at existing substations near Kaunas, Riga and Narva so that they can be connected within hours if interconnectors to Finland, Sweden or Poland trip during a cold spell.`,
      `"We are not expecting a crisis, but we are planning as if one could happen on the coldest evening of the year," a spokeswoman for the Lithuanian operator said. "Since we synchronised with the continental European grid, keeping the frequency stable is our own responsibility, and reserves cost money."`,
      `Alongside the turbines, the operators have opened a demand-response tender under which steelworks, data centres and large greenhouses are paid to cut consumption at short notice. Regulators in all three countries must still approve how the cost is passed on to household bills; consumer groups have asked for the charge to be spread over three years. A summary of the tender rules is [published by the regional coordination office](https://example.org/baltic-grid/demand-response-2026).`,
      `Analysts said the figures underline how much the region now depends on a handful of subsea cables. "Two cable faults in the same week would still leave the system very tight," said an energy economist at a Tallinn university. "The turbines buy time while batteries and new interconnectors are built."`,
    ),
  },
  {
    slug: 'ottawa-talks-arctic-shipping-black-carbon',
    title: 'Ottawa talks edge towards limits on black carbon from Arctic shipping',
    standfirst:
      'Delegations agreed draft wording on cleaner fuels for ships in polar waters, but left the hardest questions about enforcement for next year.',
    excerpt:
      'A draft text on soot emissions from Arctic shipping survived three days of talks in Ottawa, with enforcement postponed.',
    authorSlugs: ['tomas-virkunen'],
    publishedAt: '2026-11-20T10:00:00.000Z',
    regions: ['canada', 'global'],
    themes: ['environment', 'climate'],
    syndication: null,
    bodyMarkdown: body(
      `Negotiators meeting in Ottawa this week agreed draft language that would push ships operating in Arctic waters towards cleaner distillate fuels and particulate filters, the first time a technical working group has put a number on how far soot emissions from polar shipping should fall.`,
      `Black carbon, the fine soot produced when heavy fuel oil is burned, darkens snow and ice and speeds up melting where it settles. Traffic through the Canadian Arctic and along Russia's northern coast has grown steadily as summer ice retreats, bringing more cargo vessels, tankers and cruise ships into waters that were once closed for most of the year.`,
      `The draft, circulated to delegations on Wednesday evening, proposes a 40 percent cut in black carbon emissions from ships in Arctic waters by 2032 compared with 2024 levels. "Having a number on the page matters," a Canadian official involved in the talks said. "Until now, everyone agreed the problem existed and nobody agreed what success looked like."`,
      `What the text does not settle is enforcement. Several delegations want port states to be able to test fuel samples, while others argue that checks should be left to the country whose flag a ship flies. Indigenous organisations attending as observers called for monitoring stations in northern communities to be funded as part of any deal; their [joint statement](https://example.org/arctic/observer-statement-ottawa) was released on the final day.`,
      `The working group will report to a ministerial meeting in the spring. "This is a technical step, not a political breakthrough," said an analyst at a Montreal research institute who follows polar shipping. "But technical steps are how these rules usually get made."`,
    ),
  },
  {
    slug: 'sahel-millet-prices-ease-after-border-reopens',
    title: 'Millet prices ease along Sahel trade route after border crossing reopens',
    standfirst:
      'Market traders in Niger report the first sustained fall in staple grain prices in more than a year, though aid agencies warn that household budgets remain stretched.',
    excerpt:
      'Grain traders in Niamey say lorries are moving again after a key southern crossing reopened.',
    authorSlugs: ['adaeze-moreau'],
    publishedAt: '2026-11-16T07:45:00.000Z',
    regions: ['sub-saharan-africa'],
    themes: ['food-and-agriculture', 'poverty-and-social-inequality'],
    syndication: {
      sourceSlug: 'harmattan-ledger',
      originalUrl: 'https://harmattanledger.example/2026/11/markets/millet-prices-ease-niger',
      originalAuthor: 'Salamatou Garba-Deme',
      originalPublishedAt: '2026-11-14T11:20:00.000Z',
      ...harmattan,
      searchPolicy: 'canonical-original',
    },
    bodyMarkdown: body(
      `NIAMEY, Nov 14 (Harmattan Ledger) - The price of millet in Niamey's main wholesale market has fallen by about 12 percent in the two weeks since a border crossing on the southern trade route reopened to lorries, traders said, the first sustained drop in more than a year.`,
      `A 100-kilogram sack of millet sold for around 31,000 CFA francs on Thursday, down from 35,500 at the end of October, according to price boards at the market. Sorghum and maize followed a similar pattern. "The lorries are arriving full and leaving empty, which is how it should be at harvest time," said a wholesaler who has traded grain in the market for twenty years.`,
      `The crossing had been closed for most of the year, forcing traders onto longer and costlier routes and adding transport charges that were passed on to buyers. Its reopening coincided with a better-than-expected harvest in several southern districts after regular rains in July and August.`,
      `Aid agencies cautioned that lower prices would not immediately reach the poorest households, many of which sold livestock or borrowed money during the lean season. A regional food-security bulletin published this month estimates that millions of people across the central Sahel still face crisis levels of hunger; the [bulletin's methodology](https://example.org/food-security/sahel-bulletin-methods) is set out online.`,
      `"A good fortnight at the market is welcome, but families have been spending more than half of their income on food since last year," said a programme officer with a humanitarian group working in the Tillabéri region. "It will take more than one harvest to rebuild what they lost."`,
    ),
  },
  {
    slug: 'un-committee-backs-armed-drone-export-transparency',
    title: 'UN committee backs first resolution on transparency in armed-drone exports',
    standfirst:
      "The General Assembly's disarmament committee has asked states to report transfers of armed uncrewed aircraft, a modest step that supporters hope will harden into a norm.",
    excerpt:
      'A First Committee resolution asks governments to disclose their imports and exports of armed drones every year.',
    authorSlugs: ['ines-calder'],
    publishedAt: '2026-11-12T15:30:00.000Z',
    regions: ['global'],
    themes: ['united-nations', 'militarization-and-wmd'],
    syndication: null,
    bodyMarkdown: body(
      `The UN General Assembly's First Committee, which handles disarmament and international security, on Tuesday adopted a resolution asking member states to report every year on their exports and imports of armed uncrewed aerial vehicles. The text passed by 128 votes to 9, with 34 abstentions, and now goes to the full assembly in December.`,
      `## What the resolution asks for`,
      `The resolution is voluntary, but it sets out the first agreed list of what governments should disclose. States are invited to report:\n- the number and type of armed drones exported or imported;\n- the supplier or recipient state;\n- any end-use assurances attached to the transfer;\n- whether munitions or ground control stations were included.`,
      `The sponsors, a cross-regional group of eleven states, said the aim was to bring drones into line with the reporting already invited for tanks, artillery and combat aircraft. Several large exporting countries abstained, arguing that the new categories overlap with existing instruments and would create duplicate paperwork.`,
      `> "Transparency does not stop a single transfer. What it does is make it harder to pretend that transfers are not happening." - a diplomat from one of the sponsoring delegations, speaking after the vote`,
      `Arms-control researchers said the real test would be how many states actually file reports, since participation in voluntary arms registers has varied widely from year to year. A [dataset of national submissions](https://example.org/arms-register/submissions-overview) maintained by an independent research group will track the first round of reports.`,
    ),
  },
  {
    slug: 'bolivia-lawmakers-delay-lithium-royalty-vote',
    title: 'Bolivian lawmakers delay vote on lithium royalty bill',
    standfirst:
      'A legislative committee postponed a final vote on new royalty rates for lithium extraction after protests from salt-flat communities and objections from foreign partners.',
    excerpt:
      'The bill would raise royalties on lithium carbonate and earmark part of the revenue for communities near the salt flats.',
    authorSlugs: ['rafael-quintero-bly'],
    publishedAt: '2026-11-08T13:10:00.000Z',
    regions: ['latin-america-and-caribbean'],
    themes: ['global-economy', 'politics-and-elections'],
    syndication: {
      sourceSlug: 'cordillera-dispatch',
      originalUrl: 'https://cordilleradispatch.example/en/2026/11/06/bolivia-lithium-royalty-vote-delayed',
      originalAuthor: 'Valeria Choquehuanca Ruiz',
      originalPublishedAt: '2026-11-06T22:05:00.000Z',
      ...cordillera,
      searchPolicy: 'noindex',
    },
    bodyMarkdown: body(
      `LA PAZ, Nov 6 (Cordillera Dispatch) - A committee of Bolivia's legislative assembly on Friday postponed until next month a vote on a bill that would set new royalty rates for lithium extraction, after delegations from communities around the Uyuni salt flat travelled to the capital to demand a larger share of the revenue.`,
      `The draft law would replace the current flat royalty with a sliding scale of between 5 and 9 percent depending on world prices, and would direct 15 percent of the proceeds to the departments of Potosí and Oruro. Community leaders want that share doubled and written into every contract signed with foreign partners.`,
      `"We have been told for fifteen years that lithium will change our lives, and our roads are still made of dirt," said a representative of a farmers' federation from the southern altiplano, speaking outside the assembly building.`,
      `Companies that have signed extraction agreements with the state lithium enterprise have asked for the new rates to apply only to future contracts. A lawyer advising one of the consortia said that changing the terms of existing agreements "would make it very difficult to raise finance for the next phase."`,
      `The committee chair said the delay would allow hearings to be held in Potosí before the vote. Economists note that the stakes are lower than during the price spike of 2022; an [overview of the bill's revenue projections](https://example.org/andes/lithium-royalty-projections) suggests the higher rates would add about 60 million dollars a year at current prices.`,
    ),
  },
  {
    slug: 'pacific-island-states-launch-climate-loss-fund',
    title: 'Pacific island states launch pooled fund for climate loss claims',
    standfirst:
      'Nine governments will pay into a shared facility meant to deliver cash within weeks of a cyclone or storm surge, rather than waiting months for international appeals.',
    excerpt:
      'The facility combines national contributions, donor grants and a layer of reinsurance bought on global markets.',
    authorSlugs: ['mei-lin-osterberg'],
    publishedAt: '2026-11-04T21:00:00.000Z',
    regions: ['oceania'],
    themes: ['climate', 'global-economy'],
    syndication: null,
    bodyMarkdown: body(
      `Nine Pacific island governments have signed the founding charter of a pooled fund designed to pay out quickly after climate-related disasters, at a meeting in Suva, Fiji. The facility will start with about 180 million US dollars in capital from member states, donor governments and development banks.`,
      `Unlike traditional aid appeals, payouts will be triggered automatically when measured wind speeds, rainfall or sea-level readings cross agreed thresholds. Member states will receive cash within three weeks of an event and can spend it on shelter, repairs or wage support without first submitting detailed project proposals.`,
      `"When a cyclone takes out a school, families cannot wait nine months for a donor conference," said a finance official from one of the member states, who asked not to be named because the charter's annexes are still being finalised. "Speed is the entire point."`,
      `A reinsurance layer is meant to stop the fund from being emptied by a single severe season, but critics note that premiums will rise as disasters become more frequent. "Insurance spreads risk; it does not remove it," said an economist at a regional university who has studied parametric schemes. "If the climate keeps getting worse, the price of cover will keep climbing."`,
      `The fund's [draft governance framework](https://example.org/pacific/loss-fund-charter) leaves room for other island states to join. Officials said they hoped to make the first payments before the current cyclone season ends in April.`,
    ),
  },
  {
    slug: 'moldova-regulator-fines-channels-deepfake-ads',
    title: 'Moldovan regulator fines channels over deepfake campaign adverts',
    standfirst:
      'The broadcasting regulator says three channels aired manipulated videos of candidates before two mayoral by-elections, breaching new disclosure rules.',
    excerpt:
      "Moldova's broadcast regulator has used new powers against unlabelled synthetic political adverts for the first time.",
    authorSlugs: ['ines-calder'],
    publishedAt: '2026-10-31T11:25:00.000Z',
    regions: ['russia-and-fsu', 'europe'],
    themes: ['media-and-disinformation', 'politics-and-elections'],
    syndication: null,
    bodyMarkdown: body(
      `Moldova's audiovisual regulator on Thursday fined three television channels a combined 540,000 lei for broadcasting campaign adverts that contained manipulated video of candidates before mayoral by-elections in two cities, the first use of powers added to the broadcasting code earlier this year.`,
      `The regulator said the adverts, which aired in the final week of the campaigns, showed candidates appearing to make statements they never made, including a fabricated pledge to close a district hospital. Under the amended code, any political advert that uses synthetic or altered images of a real person must carry a visible label for its entire duration.`,
      `"The issue is not the technology, it is the deception," a member of the regulator's board told reporters after the hearing. "A voter who sees a label can decide how much weight to give a video. A voter who sees no label has been misled."`,
      `Two of the channels said they would appeal, arguing that they received the material from advertising agencies and had no way to verify it before broadcast. Media-freedom groups welcomed the labelling principle but warned that fines must not become a tool for pressuring critical broadcasters; a [comparison of European labelling rules](https://example.org/media/synthetic-media-labelling) shows wide variation in how such cases are handled.`,
      `Researchers who monitor online campaigning in the region said the televised adverts were only a small part of the problem. "Most of the manipulated clips we tracked circulated on messaging apps, where no broadcasting regulator can reach them," said a researcher at a monitoring group in Chișinău.`,
    ),
  },
  {
    slug: 'indian-states-expand-heat-insurance-informal-workers',
    title: 'Indian states expand heat insurance for informal workers',
    standfirst:
      'After a punishing pre-monsoon season, three state governments are widening schemes that pay street vendors and labourers when temperatures cross set thresholds.',
    excerpt:
      'Parametric heat cover, first piloted for women street vendors, is being extended to construction and farm workers.',
    authorSlugs: ['harun-tessaly'],
    publishedAt: '2026-10-28T06:30:00.000Z',
    regions: ['south-asia'],
    themes: ['climate', 'poverty-and-social-inequality'],
    syndication: {
      sourceSlug: 'lanternfield-wire',
      originalUrl: 'https://lanternfield.example/world/asia/2026-10-27/india-heat-insurance-informal-workers',
      originalAuthor: null,
      originalPublishedAt: '2026-10-27T09:50:00.000Z',
      ...lanternfield,
      searchPolicy: 'canonical-original',
    },
    bodyMarkdown: body(
      `AHMEDABAD, Oct 27 (Lanternfield Wire) - Three Indian states will extend insurance schemes that pay informal workers when temperatures reach dangerous levels, officials said on Tuesday, after a pre-monsoon season in which daytime highs stayed above 45 degrees Celsius for weeks in parts of the north and west.`,
      `The schemes, which began as small pilots for women street vendors, pay a fixed sum directly into a worker's bank account on days when a nearby weather station records heat above a set threshold. Gujarat, Rajasthan and Maharashtra will now offer the cover to construction labourers, brick-kiln workers and agricultural day labourers, state officials said.`,
      `"On the hottest days a vendor either stays at home and earns nothing or goes out and risks her health," said an official in the Gujarat labour department. "The payment means she can choose to stay at home."`,
      `Payouts are modest, typically between 300 and 500 rupees a day, and are capped at a set number of days each season. Worker organisations say that is not enough to replace lost earnings and that many eligible workers have not enrolled because they lack documents. An [independent evaluation of the pilot](https://example.org/heat-resilience/pilot-evaluation) found that fewer than half of eligible vendors in one district had signed up.`,
      `State governments will pay most of the premiums for the first two years, with a development bank covering part of the cost. Officials said thresholds would be reviewed after next summer, once more local weather stations are in place.`,
    ),
  },
  {
    slug: 'us-widens-export-controls-quantum-sensing',
    title: 'Washington widens export controls to quantum sensing components',
    standfirst:
      'New Commerce Department rules require licences for exports of some atomic clocks, magnetometers and cryogenic parts, drawing concern from university laboratories.',
    excerpt:
      'Research groups say the rules could slow collaboration with partners in East Asia and beyond.',
    authorSlugs: ['mei-lin-osterberg'],
    publishedAt: '2026-10-24T16:45:00.000Z',
    regions: ['usa', 'east-asia'],
    themes: ['science-and-medicine', 'global-economy'],
    syndication: null,
    bodyMarkdown: body(
      `The US Commerce Department on Friday published rules requiring export licences for a range of quantum sensing components, including chip-scale atomic clocks, high-sensitivity magnetometers and specialised cryogenic equipment, citing their potential use in submarine detection and in navigation without satellite signals.`,
      `The rules, which take effect in 60 days, apply to shipments to most countries outside a group of close allies and to the sharing of technical data with foreign nationals working in US laboratories. A department official said the controls were "narrowly drawn around capabilities with clear military applications."`,
      `University researchers said the definitions were broader than they first appeared. "Some of the magnetometers on this list are used in brain-imaging studies and in geology," said a physicist who runs a sensing laboratory at a Midwestern university. "We will now need a lawyer before we can send a graduate student's prototype to a collaborator abroad."`,
      `Laboratories in Japan and South Korea, which are covered by licence exceptions, are less affected than partners elsewhere. Industry groups estimate that several hundred small suppliers will need to apply for licences; a [summary of the affected product categories](https://example.org/export-controls/quantum-sensing-2026) lists more than 30 items.`,
      `The department has opened a 45-day comment period. Scientific societies said they would ask for a clearer exemption for fundamental research that is intended for publication.`,
    ),
  },
  {
    slug: 'insurers-cut-red-sea-war-risk-premiums',
    title: 'Insurers cut war-risk premiums for Red Sea transits as naval patrols expand',
    standfirst:
      'Lower insurance costs have drawn some container lines back to the Suez route, though most tanker operators are still sailing around Africa.',
    excerpt:
      'War-risk cover for a Red Sea transit has fallen to its lowest level in more than two years, brokers say.',
    authorSlugs: ['harun-tessaly'],
    publishedAt: '2026-10-21T12:00:00.000Z',
    regions: ['middle-east-and-north-africa'],
    themes: ['global-economy', 'oil-and-energy'],
    syndication: {
      sourceSlug: 'lanternfield-wire',
      originalUrl: 'https://lanternfield.example/markets/2026-10-20/red-sea-war-risk-premiums',
      originalAuthor: 'Nadia Ferreira Holm',
      originalPublishedAt: '2026-10-20T17:30:00.000Z',
      ...lanternfield,
      searchPolicy: 'noindex',
    },
    bodyMarkdown: body(
      `DUBAI, Oct 20 (Lanternfield Wire) - War-risk insurance premiums for ships passing through the southern Red Sea have fallen to about 0.3 percent of a vessel's value, less than half the level at the start of the year, brokers said on Tuesday, as expanded naval patrols and a months-long lull in attacks eased underwriters' concerns.`,
      `For a large container ship, the change can save more than a million dollars per voyage. Several container lines have begun routing selected services back through the Bab el-Mandeb strait and the Suez Canal, cutting up to ten days from journeys between Asia and northern Europe compared with the route around the Cape of Good Hope.`,
      `"The market has a short memory, but it is not reckless," a marine insurance broker in Dubai said. "Underwriters want to see a whole quarter without incidents before they move rates again, and one attack would reverse all of this overnight."`,
      `Tanker owners have been slower to return. Oil cargoes carry greater environmental liability if a vessel is struck, and charterers have in many cases written the longer route into contracts that run into next year. Monthly canal transit figures show traffic still well below its earlier levels; a [chart of the monthly data](https://example.org/shipping/suez-transits-monthly) is available.`,
      `Freight rates on the Asia-Europe route have fallen by about a fifth since the summer, according to a widely watched container index, which could feed through to lower import costs for European retailers in the new year.`,
    ),
  },
  {
    slug: 'south-africa-opens-sealed-commission-files',
    title: 'South Africa opens sealed truth commission files to researchers',
    standfirst:
      'Thousands of pages of amnesty hearing records, closed for two decades, will be made available under a new access policy at the national archives.',
    excerpt:
      'Families of victims have pressed for years for access to records that could shed light on unresolved cases.',
    authorSlugs: ['adaeze-moreau'],
    publishedAt: '2026-10-17T09:00:00.000Z',
    regions: ['sub-saharan-africa'],
    themes: ['history', 'law-and-justice'],
    syndication: null,
    bodyMarkdown: body(
      `South Africa's national archives will open more than 30,000 pages of previously restricted records from the Truth and Reconciliation Commission to accredited researchers from January, the justice ministry said on Friday, ending a closure that families of apartheid-era victims have challenged for years.`,
      `The records include transcripts of closed amnesty hearings, investigators' notes and correspondence about cases that were referred for possible prosecution but never reached a courtroom. Under the new policy, the names of living witnesses who testified in confidence will be redacted, and researchers must apply through a review panel.`,
      `"These files belong to the country, not to a storeroom," a ministry spokeswoman said. "The panel exists to protect people who spoke on a promise of confidentiality, not to protect anyone from scrutiny."`,
      `Relatives of victims welcomed the decision but said access for researchers was not the same as justice. "Reading a file is not the same as seeing someone in the dock, but it is a beginning," said a woman whose uncle disappeared in 1986 and whose family was among those that went to court over the records.`,
      `Historians said the material could change understanding of how security police units operated in the final years of apartheid. The archive has published a [guide to the collection and the application process](https://example.org/archives/trc-restricted-collection).`,
    ),
  },
  {
    slug: 'norway-oversight-committee-faults-bulk-data-retention',
    title: 'Norwegian oversight committee faults intelligence service over bulk data retention',
    standfirst:
      "The parliamentary watchdog found that communications metadata was kept beyond legal limits, and that the service's internal checks failed to catch the problem for nearly two years.",
    excerpt:
      'A watchdog report says metadata from cross-border cable traffic was held longer than the law allows.',
    authorSlugs: ['tomas-virkunen'],
    publishedAt: '2026-10-14T14:20:00.000Z',
    regions: ['europe'],
    themes: ['intelligence', 'law-and-justice'],
    syndication: {
      sourceSlug: 'northsound-morning-post',
      originalUrl: null,
      originalAuthor: 'Eirik Sandvold-Haug',
      originalPublishedAt: '2026-10-13T08:00:00.000Z',
      ...northsound,
      searchPolicy: 'canonical-self',
    },
    bodyMarkdown: body(
      `OSLO, Oct 13 (Northsound Morning Post) - Norway's parliamentary intelligence oversight committee said on Monday that the country's foreign intelligence service had retained metadata from cross-border internet traffic for longer than the law permits, and that the service's own compliance checks failed to detect the problem for nearly two years.`,
      `## The committee's findings`,
      `In a public summary of its annual report, the committee said that:\n- metadata linked to about 1,200 search terms was kept for up to 26 months, beyond the 18-month limit;\n- automatic deletion had been switched off during a system migration and never restarted;\n- the service reported the breach only after the committee asked about it.`,
      `> "A rule that is not enforced by the design of the system is only a promise. We expect the service to build compliance into the machinery, not bolt it on afterwards." - from the committee's public summary`,
      `The intelligence service said in a statement that the data had not been used for new analysis after the retention limit passed and that the affected records had since been deleted. "We take the committee's findings seriously and have corrected the technical fault," a spokesperson said.`,
      `Privacy groups said the case showed the risks of the bulk collection powers introduced in recent years and called for independent technical audits. The committee's [public summary](https://example.org/oversight/annual-report-2026-summary) will be debated in parliament next month.`,
    ),
  },
  {
    slug: 'mekong-sediment-study-links-dams-to-delta-rice-yields',
    title: 'Sediment study links Mekong dams to falling rice yields in the delta',
    standfirst:
      'Researchers tracking silt along the river estimate that the delta now receives less than a third of the sediment it did two decades ago, with measurable effects on farms.',
    excerpt:
      "Farmers in Vietnam's Mekong Delta are spending more on fertiliser as river sediment declines, a new study finds.",
    authorSlugs: ['mei-lin-osterberg', 'adaeze-moreau'],
    publishedAt: '2026-10-10T05:30:00.000Z',
    regions: ['southeast-asia'],
    themes: ['environment', 'food-and-agriculture'],
    syndication: null,
    bodyMarkdown: body(
      `A multi-year study of sediment flowing down the Mekong River has found that the volume of silt reaching Vietnam's Mekong Delta has fallen by about 70 percent since the early 2000s, and links the decline to lower rice yields and rising fertiliser bills for farmers in the delta's upstream provinces.`,
      `The research team, drawn from universities in Vietnam, Cambodia and Thailand, combined river measurements at eleven stations with surveys of more than 2,000 farming households. Its findings are published in a [peer-reviewed paper with an accompanying dataset](https://example.org/mekong/sediment-study-2026).`,
      `"Sediment used to arrive for free every flood season, carrying nutrients onto the fields," said one of the study's lead authors, a hydrologist at a university in Can Tho. "Now farmers buy those nutrients in bags, and the poorest households cannot afford enough of them."`,
      `The authors attribute most of the decline to dams on the river's main stem and tributaries, which trap sediment in their reservoirs, with sand mining in the lower river accounting for a smaller share. They estimate that average yields per hectare in the surveyed areas are about 8 percent lower than they would be with historical sediment loads.`,
      `Officials at a regional river body said the study would be discussed at a technical meeting next month. Proposals under consideration include timed releases from reservoirs to flush sediment downstream, although dam operators have said this would reduce power output in the dry season.`,
    ),
  },
  {
    slug: 'un-conference-middle-east-wmd-free-zone-verification',
    title: 'Middle East WMD-free zone conference sets up verification working group',
    standfirst:
      'Delegates at the UN-hosted conference agreed to create an expert group on how a future zone could be verified, the first concrete follow-up after several years of general statements.',
    excerpt:
      'The new working group will study inspection models for nuclear, chemical and biological weapons in the region.',
    authorSlugs: ['ines-calder'],
    publishedAt: '2026-10-07T17:05:00.000Z',
    regions: ['middle-east-and-north-africa', 'global'],
    themes: ['militarization-and-wmd', 'united-nations'],
    syndication: null,
    bodyMarkdown: body(
      `Delegations meeting at United Nations headquarters in New York agreed on Tuesday to establish an expert working group on verification for a proposed zone free of nuclear weapons and other weapons of mass destruction in the Middle East, a procedural step that diplomats described as the most concrete outcome of the conference series so far.`,
      `The group, open to all states in the region, will study how compliance could be checked for each category of weapon, drawing on the experience of existing nuclear-weapon-free zones in Latin America, Africa and Central Asia and on the work of the International Atomic Energy Agency and the Organisation for the Prohibition of Chemical Weapons. It is due to report in two years.`,
      `"Verification is where declarations meet reality," the conference president, an ambassador from a North African state, said in closing remarks. "A zone that cannot be verified will not be trusted, and a zone that is not trusted will not be joined."`,
      `Not every state in the region takes part in the conference, and its decisions bind only those that do. Arms-control specialists nonetheless said a technical track could outlast political disagreements. "Experts can agree on what an inspection looks like long before governments agree to accept one," said a researcher at a Geneva-based disarmament institute.`,
      `The conference's [final report and list of participating delegations](https://example.org/disarmament/me-zone-conference-2026) will be transmitted to the General Assembly.`,
    ),
  },
  {
    slug: 'peru-court-orders-new-consultations-copper-expansion',
    title: "Peru's constitutional court orders new consultations before copper mine expansion",
    standfirst:
      'The ruling says Quechua communities downstream of a planned tailings dam were not properly consulted, and suspends the permit until a fresh process is completed.',
    excerpt:
      'Judges found that the earlier consultation left out settlements along the river valley below the planned dam.',
    authorSlugs: ['rafael-quintero-bly'],
    publishedAt: '2026-10-03T19:40:00.000Z',
    regions: ['latin-america-and-caribbean'],
    themes: ['law-and-justice', 'environment'],
    syndication: {
      sourceSlug: 'cordillera-dispatch',
      originalUrl: 'https://cordilleradispatch.example/en/2026/10/02/peru-court-copper-consultation',
      originalAuthor: 'Julián Ccori Huamán',
      originalPublishedAt: '2026-10-02T23:15:00.000Z',
      ...cordillera,
      searchPolicy: 'canonical-original',
    },
    bodyMarkdown: body(
      `LIMA, Oct 2 (Cordillera Dispatch) - Peru's Constitutional Court on Friday suspended an environmental permit for the expansion of a copper mine in the southern Andes, ruling that Quechua communities living downstream of a planned tailings dam had not been consulted as required under the country's prior-consultation law.`,
      `In a four-to-three decision, the court found that the earlier consultation covered only communities inside the mine's concession boundary, leaving out at least six settlements along the river valley below the proposed dam. The judges ordered the energy and mines ministry to carry out a new consultation that includes them before the permit can be reinstated.`,
      `"The law does not ask who lives inside a line drawn on a concession map; it asks who will be affected," the majority opinion said. A leader from one of the downstream settlements said after the ruling: "For the first time, the people who drink the water are being counted."`,
      `The mining company, a joint venture of Peruvian and foreign investors, said it respected the decision and would take part in the new process, but warned that delays could affect a planned 1.4 billion dollar investment. Copper is one of Peru's most important exports, and the sector's permits are closely watched by investors.`,
      `Lawyers said the ruling could influence dozens of pending permits. An [English translation of the judgment's key sections](https://example.org/andes/peru-consultation-ruling) has been published by a legal research network.`,
    ),
  },
  {
    slug: 'prairie-grain-backlog-grows-rail-talks-stall',
    title: 'Prairie grain backlog grows as rail labour talks stall',
    standfirst:
      'Farmers in Saskatchewan and Alberta say they cannot deliver harvested grain to elevators, while export terminals on the Pacific coast report idle berths.',
    excerpt: 'More than 40 bulk carriers are waiting off the West Coast as grain shipments slow.',
    authorSlugs: ['rafael-quintero-bly'],
    publishedAt: '2026-09-30T15:15:00.000Z',
    regions: ['canada'],
    themes: ['food-and-agriculture', 'global-economy'],
    syndication: null,
    bodyMarkdown: body(
      `Grain is piling up on farms across the Canadian Prairies as work slowdowns on the country's two main railways stretch into a fourth week, with farm groups warning that the backlog could cost producers hundreds of millions of dollars in lost sales and storage costs before winter.`,
      `Rail deliveries of grain to West Coast ports fell to about 60 percent of their usual late-September volume last week, according to weekly figures compiled by a federal grain monitoring programme. More than 40 bulk carriers were anchored off Vancouver and Prince Rupert on Tuesday, waiting for cargo.`,
      `"I have canola in bags on the field because every bin on the farm is full," said a grain farmer near Saskatoon. "The buyer in Japan is not going to wait for us forever."`,
      `Talks between the railways and the union representing train crews broke off last Thursday over scheduling and rest rules. The federal labour minister's office said a mediator remained available to both sides but gave no sign that the government would intervene. A [timeline of the dispute and the government's options](https://example.org/canada/rail-dispute-2026) has been compiled by a university labour-law clinic.`,
      `Economists said a prolonged disruption would also hit potash and coal exports and could shave a few tenths of a percentage point off fourth-quarter growth. Importers in Asia have begun turning to Australian and Black Sea suppliers to cover their near-term needs.`,
    ),
  },
  {
    slug: 'kazakhstan-reroutes-uranium-exports-caspian-corridor',
    title: 'Kazakhstan reroutes more uranium exports through Caspian corridor',
    standfirst:
      'The state nuclear company says a growing share of its uranium concentrate will travel by ship and rail via Azerbaijan and Georgia, reducing reliance on routes through Russia.',
    excerpt: 'Uranium shipments across the Caspian Sea are expected to double next year.',
    authorSlugs: ['harun-tessaly'],
    publishedAt: '2026-09-27T10:40:00.000Z',
    regions: ['russia-and-fsu', 'asia'],
    themes: ['oil-and-energy', 'global-economy'],
    syndication: {
      sourceSlug: 'lanternfield-wire',
      originalUrl: 'https://lanternfield.example/energy/2026-09-26/kazakhstan-uranium-caspian-route',
      originalAuthor: 'Dana Ospan-Keller',
      originalPublishedAt: '2026-09-26T06:55:00.000Z',
      ...lanternfield,
      searchPolicy: 'canonical-self',
    },
    bodyMarkdown: body(
      `ASTANA, Sept 26 (Lanternfield Wire) - Kazakhstan expects to ship about half of its uranium exports to Western customers through the Trans-Caspian route next year, up from roughly a quarter this year, an executive at the state nuclear company said on Friday, as utilities in Europe and North America look for supply chains that avoid Russian territory.`,
      `The route carries uranium concentrate by rail to the port of Aktau, across the Caspian Sea by ship to Baku, and on through Georgia to Black Sea ports. It is longer and more expensive than the traditional path through St Petersburg, but buyers have increasingly been willing to pay the difference.`,
      `"Our customers want predictability more than they want the cheapest freight," the executive told an industry conference in Astana. "Every extra container that moves across the Caspian is a small insurance policy for them."`,
      `Logistics specialists said capacity at Caspian ports remains the main constraint, with only a few vessels licensed to carry radioactive materials. Kazakhstan and Azerbaijan agreed in the summer to fund additional berths, according to a [joint statement on the corridor's development](https://example.org/central-asia/middle-corridor-2026).`,
      `Demand for Kazakh output has risen as several countries extend the lives of existing reactors and plan new ones. Prices for uranium concentrate have been broadly stable this year after sharp gains earlier in the decade.`,
    ),
  },
  {
    slug: 'asian-fact-checkers-form-election-rumour-alliance',
    title: 'Fact-checkers across Asia form alliance to track cross-border election rumours',
    standfirst:
      'Twenty-two organisations in fourteen countries will share an archive of debunked claims, after finding the same false stories recycled from one election to the next.',
    excerpt:
      'A shared archive will let fact-checkers spot recycled false claims as they jump between languages.',
    authorSlugs: ['harun-tessaly'],
    publishedAt: '2026-09-23T08:00:00.000Z',
    regions: ['asia'],
    themes: ['media-and-disinformation', 'intelligence'],
    syndication: null,
    bodyMarkdown: body(
      `Twenty-two fact-checking organisations from fourteen Asian countries have launched a shared archive of debunked election claims, saying they repeatedly found the same fabricated stories - doctored ballot images, invented polling-station closures, fake quotes from election officials - resurfacing in different countries and languages.`,
      `The archive, announced at a meeting in Kuala Lumpur, will store each verified false claim with its images, translations and the evidence used to disprove it, so that a team in one country can recognise a recycled hoax within minutes rather than days. Members will also publish a [common methodology for rating claims](https://example.org/factcheck/asia-alliance-methodology).`,
      `"We kept doing the same work three times over," said the alliance's coordinator, a former newspaper editor from Manila. "A photo of stuffed ballot boxes that we debunked in one election turned up a year later with a new caption in another language."`,
      `Members said some of the campaigns they had documented showed signs of coordination, such as networks of newly created accounts posting identical material within the same minute. Security agencies in several countries have attributed similar campaigns to foreign intelligence services, but the alliance said it would not make attributions itself. "We check facts; we are not a spy agency," the coordinator said. "Where we see coordination, we describe it and let others draw conclusions."`,
      `The alliance is funded for two years by foundation grants and contributions from online platforms, which some members acknowledged raised questions about independence. Its charter bars funders from seeing unpublished work.`,
    ),
  },
  {
    slug: 'bangladesh-wage-board-garment-pay-rise',
    title: 'Bangladesh wage board proposes garment pay rise as unions call for more',
    standfirst:
      'The proposed minimum would raise monthly pay for entry-level workers by about a fifth, short of union demands after two years of high food inflation.',
    excerpt:
      'Unions say the proposed minimum does not keep pace with the cost of rice, lentils and rent.',
    authorSlugs: ['adaeze-moreau'],
    publishedAt: '2026-09-19T12:30:00.000Z',
    regions: ['south-asia'],
    themes: ['poverty-and-social-inequality', 'global-economy'],
    syndication: null,
    bodyMarkdown: body(
      `Bangladesh's minimum wage board on Wednesday proposed raising the monthly minimum for entry-level garment workers by about 21 percent, a figure that factory owners described as the most the industry could bear and that unions rejected as inadequate.`,
      `The garment sector employs around four million people, most of them women, and accounts for the great majority of the country's export earnings. Unions say living costs have risen sharply since the last revision, especially for food and rent in the industrial districts around Dhaka and Chattogram.`,
      `"A worker who sews for a global brand should be able to feed her children without taking a second job at night," said a leader of a garment workers' federation. "This proposal does not do that."`,
      `A manufacturers' association said margins had been squeezed by higher energy costs and slower orders from Europe, and warned that larger increases could push buyers to other countries. "We are not against higher wages, but the brands also need to pay more for what they buy," a representative of the association said.`,
      `The board will take objections for 14 days before submitting a final recommendation to the government. A [comparison of garment wages across Asian producing countries](https://example.org/labour/garment-wage-comparison) suggests that, even after the rise, the minimum would remain among the lowest in the region.`,
    ),
  },
  {
    slug: 'bamako-court-adjourns-radio-journalists-trial',
    title: 'Bamako court adjourns trial of community radio journalists',
    standfirst:
      'Two presenters accused of spreading false information over their coverage of a displacement camp will remain free on bail until hearings resume in December.',
    excerpt:
      'Press-freedom groups say the charges fit a wider pattern of legal pressure on local media.',
    authorSlugs: ['adaeze-moreau'],
    publishedAt: '2026-09-16T10:10:00.000Z',
    regions: ['sub-saharan-africa'],
    themes: ['media-and-disinformation', 'law-and-justice'],
    syndication: {
      sourceSlug: 'harmattan-ledger',
      originalUrl: null,
      originalAuthor: null,
      originalPublishedAt: '2026-09-15T16:45:00.000Z',
      ...harmattan,
      searchPolicy: 'noindex',
    },
    bodyMarkdown: body(
      `BAMAKO, Sept 15 (Harmattan Ledger) - A court in Bamako on Tuesday adjourned until December the trial of two presenters from a community radio station who are charged with spreading false information over a programme about conditions in a camp for displaced families, their lawyer said.`,
      `The presenters, who host a weekly call-in show in Bambara and French, were arrested in July after the programme aired interviews with camp residents who said food distributions had stopped for several weeks. Prosecutors say the broadcast contained untrue claims that could disturb public order. Both were released on bail in August.`,
      `"My clients put residents on air and let them speak. If the authorities disagreed with what was said, they had every opportunity to reply on the same programme," the defence lawyer told reporters outside the court.`,
      `A spokesman for the prosecution service said the case concerned "the responsibility of broadcasters to check what they air, not freedom of expression." Press-freedom organisations have documented a rise in legal cases against journalists across the central Sahel; one group's [annual tally of cases](https://example.org/press-freedom/sahel-cases-2026) is updated each quarter.`,
      `The station has continued to broadcast, although its managers said they had suspended the call-in format while the case is under way.`,
    ),
  },
  {
    slug: 'japanese-korean-historians-resume-textbook-panel',
    title: 'Japanese and South Korean historians resume joint textbook panel',
    standfirst:
      'Scholars from both countries will meet for the first time in more than a decade to compare how school textbooks describe the colonial period and the war years.',
    excerpt:
      'The panel will not write a shared textbook, but will publish side-by-side commentaries for teachers.',
    authorSlugs: ['mei-lin-osterberg'],
    publishedAt: '2026-09-12T03:20:00.000Z',
    regions: ['east-asia'],
    themes: ['history'],
    syndication: null,
    bodyMarkdown: body(
      `Historians from Japan and South Korea will reconvene a joint panel on school history textbooks next month, the first meeting of its kind in more than a decade, organisers said on Friday.`,
      `The panel, made up of twelve scholars, six from each country, will compare how textbooks describe the colonial period, wartime labour mobilisation and the years after 1945. Unlike earlier government-backed efforts, it is funded by private foundations and universities, which organisers said would give its members more freedom.`,
      `"We are not trying to write one history that both countries must accept," said one of the Japanese members, a professor of modern history at a university in Kyoto. "We want teachers to be able to see where our accounts agree, where they differ, and why."`,
      `A South Korean member, a historian at a university in Seoul, said the group would publish [side-by-side commentaries for teachers](https://example.org/history/joint-textbook-panel) rather than recommendations to education ministries. "Textbooks are approved by governments, and governments change," she said. "Teachers stay in the classroom."`,
      `Relations between Tokyo and Seoul have improved in recent years, although disputes over compensation for wartime labour remain unresolved. The panel plans to hold its first sessions in Seoul and Fukuoka.`,
    ),
  },
  {
    slug: 'finnish-town-weighs-ammunition-plant-plans',
    title: 'Finnish town weighs jobs against risk as ammunition plant plans take shape',
    standfirst:
      'A proposed artillery shell plant would bring hundreds of jobs to Kajaani, but residents nearby want a wider safety zone and a say in the plans.',
    excerpt: 'European demand for artillery shells is reshaping a small city in eastern Finland.',
    authorSlugs: ['tomas-virkunen', 'ines-calder'],
    publishedAt: '2026-09-09T07:00:00.000Z',
    regions: ['europe'],
    themes: ['militarization-and-wmd', 'global-economy'],
    syndication: {
      sourceSlug: 'northsound-morning-post',
      originalUrl: 'https://northsound-post.example/2026/09/08/kajaani-ammunition-plant',
      originalAuthor: 'Marja Helkiö-Strand',
      originalPublishedAt: '2026-09-08T05:30:00.000Z',
      ...northsound,
      searchPolicy: 'canonical-original',
    },
    bodyMarkdown: body(
      `KAJAANI, Finland, Sept 8 (Northsound Morning Post) - Plans for an artillery shell filling plant on the outskirts of Kajaani moved a step closer when the city council approved a zoning change on Monday evening, despite objections from residents who say the proposed safety zone is too small.`,
      `The plant, which a consortium of Nordic defence firms wants to build with support from a European Union programme to expand ammunition production, would fill and assemble up to 150,000 large-calibre shells a year and employ about 350 people once running. Construction could begin next spring if environmental permits are granted.`,
      `"This region has lost paper mills and mines. Three hundred permanent jobs is not something we can turn down lightly," the chair of the city council said after the vote. Opposition councillors argued that the decision had been rushed and that the city had not published a full risk assessment.`,
      `Residents of two villages within three kilometres of the site have formed an association to press for a wider exclusion zone and compensation for falling property values. "Nobody here is against Finland's defence," said a retired teacher who chairs the association. "We are asking what happens if something goes wrong on a winter night."`,
      `European governments have sharply increased orders for artillery ammunition in recent years, and production capacity still lags demand. A [regional planning document](https://example.org/kainuu/zoning-2026) shows the site was previously earmarked for a biofuel refinery that was never built.`,
    ),
  },
  {
    slug: 'us-county-election-offices-staff-shortages-midterms',
    title: 'US county election offices race to replace departing staff before midterms',
    standfirst:
      'A survey of local election administrators finds that nearly a third of offices have lost their most experienced official since the last presidential election.',
    excerpt:
      'Turnover, harassment and tight budgets are testing the officials who run American elections.',
    authorSlugs: ['rafael-quintero-bly', 'harun-tessaly'],
    publishedAt: '2026-09-05T18:30:00.000Z',
    regions: ['usa'],
    themes: ['politics-and-elections'],
    syndication: null,
    bodyMarkdown: body(
      `With two months to go before the November 3 midterm elections, county election offices across the United States are training new staff at an unusual pace, according to a survey of local administrators that found nearly a third of offices have lost their most senior election official since 2024.`,
      `The survey, carried out by a nonpartisan research group that works with election administrators, drew responses from more than 900 offices in 46 states. Respondents cited retirements, pay that has not kept up with workload, and threats or harassment as the main reasons colleagues had left. The [survey's summary tables](https://example.org/elections/administrator-survey-2026) break down the results by county size.`,
      `"Most of what we do is invisible until something goes wrong," said a county clerk in a rural western county who took the job eighteen months ago after her predecessor retired. "I have read every manual twice. What I don't have is the memory of having done this before."`,
      `State election directors have responded with mentoring programmes that pair new clerks with experienced counterparts in neighbouring counties, and several states have paid for extra security at election offices. Advocates say small counties, where the clerk may be one of only two or three staff, remain the most exposed.`,
      `Researchers stressed that turnover does not mean elections will be run badly. "New officials tend to follow procedures carefully, precisely because they are new," said the group's research director. "The risk is in the unusual situations, like a recount or a court order on election night, that only experience prepares you for."`,
    ),
  },
  {
    slug: 'surveillance-network-reports-drug-resistant-neonatal-infections',
    title: 'Surveillance network reports rise in drug-resistant infections in newborn wards',
    standfirst:
      'Data from hospitals in twenty-one countries show bacteria resistant to last-line antibiotics turning up more often in neonatal units, particularly in South Asia.',
    excerpt:
      'Doctors say faster diagnostics and basic infection control could prevent many deaths linked to resistant bacteria.',
    authorSlugs: ['mei-lin-osterberg'],
    publishedAt: '2026-09-02T09:00:00.000Z',
    regions: ['global', 'south-asia'],
    themes: ['science-and-medicine', 'united-nations'],
    syndication: null,
    bodyMarkdown: body(
      `A hospital surveillance network supported by the World Health Organization reported on Tuesday that bacteria resistant to carbapenems, a class of last-line antibiotics, were found in a growing share of infections among newborn babies in the hospitals it monitors, with the highest rates in South Asian neonatal units.`,
      `The network pools laboratory results from 140 hospitals in 21 countries. Among newborns with confirmed bloodstream infections, the share involving carbapenem-resistant bacteria rose from about one in five in 2022 to nearly one in three in 2025, according to the report, which is [published with its underlying data](https://example.org/amr/neonatal-surveillance-2026).`,
      `## Where the gaps are`,
      `Doctors involved in the network said most of the deaths it recorded could have been prevented with measures that are already well understood:\n- reliable handwashing and clean water in neonatal wards;\n- faster blood-culture testing, so that the right antibiotic is chosen sooner;\n- fewer babies per nurse in overcrowded units.`,
      `"Resistance is not only a drug problem, it is a staffing and plumbing problem," said a neonatologist at a teaching hospital in Lahore who contributes data to the network. "New antibiotics will help, but we will lose them quickly if we keep the conditions that breed resistance."`,
      `A WHO technical officer said the findings would inform updated guidance on infection prevention in neonatal care, due to be published next year.`,
    ),
  },
];
