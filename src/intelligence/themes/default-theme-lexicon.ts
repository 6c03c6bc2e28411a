/**
 * Starting vocabulary for each default theme (src/domain/default-taxonomies.ts), keyed by term
 * slug, so a new site gets sensible suggestions before editors have tagged anything. Phrases are
 * written as an editor would; they are stemmed at match time, so "missile" also finds
 * "missiles". A weight of 2 marks a phrase that on its own nearly settles the theme; 1 is a
 * clue; 0.5 a hint that counts only with others. Sites with their own themes add a lexicon in
 * the same shape, or simply tag articles and let the learned model take over.
 */
export type ThemeLexicon = Readonly<Record<string, Readonly<Record<string, number>>>>;

export const defaultThemeLexicon: ThemeLexicon = {
  'militarization-and-wmd': {
    'nuclear weapon': 2, 'nuclear warhead': 2, warhead: 2, 'arms control': 2, 'arms race': 2, 'missile defence': 2, 'missile defense': 2,
    'missile shield': 2, 'ballistic missile': 2, 'strategic arms': 2, 'arms reduction': 2, 'non-proliferation': 2, nonproliferation: 2,
    'weapons of mass destruction': 2, 'chemical weapon': 2, 'biological weapon': 2, 'nuclear test': 2, 'enriched uranium': 1, ICBM: 2,
    missile: 1, nuclear: 1, military: 1, 'armed forces': 1, army: 1, navy: 1, 'air force': 1, troops: 1, weapons: 1, arms: 1,
    'defence spending': 1, 'defense spending': 1, 'military base': 1, radar: 1, NATO: 1, 'offensive armaments': 2, disarmament: 2,
    'arms sales': 1, 'arms deal': 1, pentagon: 1, 'defence ministry': 1, 'defense ministry': 1, 'defence minister': 1, 'defense secretary': 1,
    bomber: 1, 'aircraft carrier': 1, submarine: 1, drone: 0.5, rocket: 0.5, militarization: 2, militarisation: 2,
  },
  'global-economy': {
    economy: 1, economic: 1, GDP: 2, 'gross domestic product': 2, inflation: 1, recession: 2, 'interest rate': 1, 'central bank': 1,
    'trade deficit': 2, 'trade surplus': 2, tariff: 1, exports: 1, 'import duties': 1, IMF: 1, 'world bank': 1, WTO: 1, currency: 1, dollar: 0.5,
    'stock market': 1, shares: 0.5, investors: 0.5, debt: 1, 'budget deficit': 1, growth: 0.5, 'financial crisis': 2, bank: 0.5,
    'exchange rate': 1, 'free trade': 1, 'trade war': 2, globalization: 1, globalisation: 1, sanctions: 0.5, unemployment: 1, bonds: 0.5,
  },
  environment: {
    environment: 1, environmental: 1, pollution: 2, biodiversity: 2, deforestation: 2, wildlife: 1, species: 1, conservation: 1,
    ecosystem: 1, 'toxic waste': 2, contamination: 1, 'oil spill': 2, forest: 0.5, ocean: 0.5, plastic: 0.5, 'air quality': 1, smog: 1,
  },
  climate: {
    'climate change': 2, 'global warming': 2, 'greenhouse gas': 2, emissions: 1, 'carbon dioxide': 1, 'kyoto protocol': 2,
    'paris agreement': 2, IPCC: 2, 'sea level': 1, drought: 0.5, 'carbon tax': 1, 'net zero': 1, climate: 1, 'extreme weather': 1,
  },
  'oil-and-energy': {
    oil: 1, crude: 1, 'crude oil': 2, OPEC: 2, petroleum: 1, 'natural gas': 2, gas: 0.5, pipeline: 1, barrel: 1, refinery: 1,
    energy: 1, 'nuclear power': 1, electricity: 1, coal: 1, 'oil price': 2, 'oil field': 1, gazprom: 2, LNG: 2, 'renewable energy': 1,
    'solar power': 1, 'wind power': 1, drilling: 1, 'oil company': 1, 'energy security': 2,
  },
  'law-and-justice': {
    court: 1, judge: 1, trial: 1, 'supreme court': 2, prosecutor: 1, lawsuit: 1, verdict: 1, sentenced: 1, prison: 1, convicted: 1,
    'human rights': 1, lawyer: 1, attorney: 1, indictment: 1, charged: 0.5, police: 0.5, arrest: 0.5, justice: 1, law: 0.5,
    'rule of law': 1, appeal: 0.5, 'war crimes': 1, tribunal: 1, torture: 1, legislation: 0.5, constitution: 0.5,
  },
  'politics-and-elections': {
    election: 2, vote: 1, voters: 1, ballot: 1, campaign: 1, candidate: 1, parliament: 1, 'prime minister': 1, president: 0.5,
    'political party': 1, opposition: 1, referendum: 2, polls: 1, 'president-elect': 1, coalition: 1, senate: 1, congress: 1,
    democrat: 1, republican: 1, legislature: 1, inauguration: 1, 'electoral commission': 2, turnout: 1, politics: 1, political: 0.5,
  },
  'science-and-medicine': {
    scientists: 1, research: 0.5, study: 0.5, vaccine: 2, virus: 1, disease: 1, epidemic: 2, pandemic: 2, health: 0.5, medical: 1,
    hospital: 1, patients: 1, doctors: 1, drug: 0.5, cancer: 1, 'clinical trial': 2, genetic: 1, laboratory: 1, space: 0.5,
    NASA: 1, physics: 1, biology: 1, infection: 1, outbreak: 1,
  },
  'media-and-disinformation': {
    media: 1, journalist: 1, journalists: 1, newspaper: 1, propaganda: 2, disinformation: 2, misinformation: 2, 'fake news': 2,
    censorship: 2, 'press freedom': 2, television: 0.5, broadcaster: 1, reporter: 0.5, 'social media': 1, 'information war': 2,
  },
  intelligence: {
    intelligence: 1, CIA: 2, FSB: 2, KGB: 2, MI6: 2, NSA: 2, Mossad: 2, espionage: 2, spy: 2, spying: 2, surveillance: 1,
    'intelligence agency': 2, 'secret service': 1, covert: 1, whistleblower: 1, 'intelligence services': 2, agent: 0.5,
  },
  'poverty-and-social-inequality': {
    poverty: 2, poor: 1, inequality: 2, hunger: 1, homeless: 1, wages: 0.5, welfare: 1, 'social security': 1, 'minimum wage': 1,
    slums: 1, 'living standards': 1, refugees: 0.5, 'income gap': 2, famine: 1, unemployed: 0.5,
  },
  'united-nations': {
    'united nations': 2, 'security council': 2, 'general assembly': 2, 'secretary-general': 1, UNESCO: 2, UNICEF: 2, UNHCR: 2,
    'peacekeeping': 1, 'peacekeepers': 1, 'un resolution': 2, resolution: 0.5, IAEA: 1,
  },
  history: {
    history: 1, historical: 1, historian: 2, anniversary: 1, century: 0.5, 'world war': 1, 'cold war': 1, 'soviet union': 0.5,
    archives: 1, memorial: 1, commemoration: 1, ancient: 1, empire: 0.5, revolution: 0.5, legacy: 0.5,
  },
  'food-and-agriculture': {
    food: 1, agriculture: 2, agricultural: 2, farmers: 1, farm: 1, crop: 1, crops: 1, harvest: 1, grain: 1, wheat: 1, corn: 1,
    rice: 1, 'food security': 2, 'food prices': 2, livestock: 1, fertiliser: 1, fertilizer: 1, GMO: 2, cocoa: 1, coffee: 0.5,
    sugar: 0.5, soybeans: 1, 'food aid': 2,
  },
};
