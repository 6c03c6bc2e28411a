// Names no data package carries, for English text. Each table is small on purpose: countries,
// capitals, cities, demonyms and states come from the data packages (package-data.ts).
import type { CodeShare, PlaceKind } from './types.js';

/** Seats of power and institutions named for their government ("the Kremlin said"). */
export const seatsOfPower: Record<string, string> = {
  'Kremlin': 'RU', 'Duma': 'RU', 'Lubyanka': 'RU',
  'White House': 'US', 'Pentagon': 'US', 'Capitol Hill': 'US', 'Foggy Bottom': 'US', 'Oval Office': 'US',
  'Wall Street': 'US', 'Federal Reserve': 'US', 'Fed': 'US', 'State Department': 'US', 'Congress': 'US',
  'Downing Street': 'GB', 'Whitehall': 'GB', 'Westminster': 'GB', 'Buckingham Palace': 'GB', 'Scotland Yard': 'GB',
  'Bank of England': 'GB',
  'Elysee': 'FR', 'Elysee Palace': 'FR', 'Quai d\'Orsay': 'FR', 'Matignon': 'FR',
  'Bundestag': 'DE', 'Bundesbank': 'DE', 'Chancellery': 'DE', 'Bundesrat': 'DE',
  'Zhongnanhai': 'CN', 'Great Hall of the People': 'CN',
  'Knesset': 'IL', 'Blue House': 'KR', 'Kasumigaseki': 'JP', 'Diet': 'JP',
  'Quirinale': 'IT', 'Palazzo Chigi': 'IT', 'Moncloa': 'ES', 'Planalto': 'BR', 'Casa Rosada': 'AR',
  'Los Pinos': 'MX', 'Rideau Hall': 'CA', 'Bankova': 'UA', 'Verkhovna Rada': 'UA', 'Majlis': 'IR',
};

/**
 * Heads of state and government (and, for the Soviet era, party leaders) by surname or full name,
 * with the years the office was held: a name only says "this country" while its holder is known for it.
 * True as of 2025; extend with new office holders, do not remove old ones (archives are tagged too).
 */
export const leaders: Array<{ name: string; code: string; years: string }> = [
  { name: 'Vladimir Putin', code: 'RU', years: '1999-' }, { name: 'Putin', code: 'RU', years: '1999-' },
  { name: 'Dmitry Medvedev', code: 'RU', years: '2008-2012 (president), 2012-2020 (prime minister)' },
  { name: 'Medvedev', code: 'RU', years: '2008-2020' }, { name: 'Mikhail Mishustin', code: 'RU', years: '2020-' },
  { name: 'Boris Yeltsin', code: 'RU', years: '1991-1999' }, { name: 'Yeltsin', code: 'RU', years: '1991-1999' },
  { name: 'Gorbachev', code: 'RU', years: '1985-1991 (Soviet Union)' }, { name: 'Ryzhkov', code: 'RU', years: '1985-1991 (Soviet Union)' },
  { name: 'Ronald Reagan', code: 'US', years: '1981-1989' }, { name: 'Reagan', code: 'US', years: '1981-1989' },
  { name: 'George W. Bush', code: 'US', years: '2001-2009' }, { name: 'Bush', code: 'US', years: '1989-1993, 2001-2009' },
  { name: 'Trump', code: 'US', years: '2017-2021, 2025-' }, { name: 'Barack Obama', code: 'US', years: '2009-2017' },
  { name: 'Obama', code: 'US', years: '2009-2017' }, { name: 'Donald Trump', code: 'US', years: '2017-2021, 2025-' },
  { name: 'Joe Biden', code: 'US', years: '2021-2025' }, { name: 'Biden', code: 'US', years: '2021-2025' },
  { name: 'Margaret Thatcher', code: 'GB', years: '1979-1990' }, { name: 'Thatcher', code: 'GB', years: '1979-1990' },
  { name: 'Tony Blair', code: 'GB', years: '1997-2007' }, { name: 'Keir Starmer', code: 'GB', years: '2024-' },
  { name: 'Starmer', code: 'GB', years: '2024-' }, { name: 'Rishi Sunak', code: 'GB', years: '2022-2024' },
  { name: 'Helmut Kohl', code: 'DE', years: '1982-1998' }, { name: 'Kohl', code: 'DE', years: '1982-1998' },
  { name: 'Angela Merkel', code: 'DE', years: '2005-2021' }, { name: 'Merkel', code: 'DE', years: '2005-2021' },
  { name: 'Olaf Scholz', code: 'DE', years: '2021-2025' }, { name: 'Friedrich Merz', code: 'DE', years: '2025-' },
  { name: 'Mitterrand', code: 'FR', years: '1981-1995' }, { name: 'Jacques Chirac', code: 'FR', years: '1986-1988, 1995-2007' },
  { name: 'Chirac', code: 'FR', years: '1986-1988, 1995-2007' }, { name: 'Sarkozy', code: 'FR', years: '2007-2012' },
  { name: 'Emmanuel Macron', code: 'FR', years: '2017-' }, { name: 'Macron', code: 'FR', years: '2017-' },
  { name: 'Nakasone', code: 'JP', years: '1982-1987' }, { name: 'Shinzo Abe', code: 'JP', years: '2006-2007, 2012-2020' },
  { name: 'Fumio Kishida', code: 'JP', years: '2021-2024' }, { name: 'Shigeru Ishiba', code: 'JP', years: '2024-2025' },
  { name: 'Deng Xiaoping', code: 'CN', years: '1978-1989' }, { name: 'Zhao Ziyang', code: 'CN', years: '1980-1989' },
  { name: 'Hu Jintao', code: 'CN', years: '2003-2013' }, { name: 'Xi Jinping', code: 'CN', years: '2013-' },
  { name: 'Li Qiang', code: 'CN', years: '2023-' },
  { name: 'Narendra Modi', code: 'IN', years: '2014-' }, { name: 'Modi', code: 'IN', years: '2014-' },
  { name: 'Rajiv Gandhi', code: 'IN', years: '1984-1989' },
  { name: 'Erdogan', code: 'TR', years: '2003-' }, { name: 'Ozal', code: 'TR', years: '1983-1993' },
  { name: 'Zelensky', code: 'UA', years: '2019-' }, { name: 'Zelenskiy', code: 'UA', years: '2019-' },
  { name: 'Netanyahu', code: 'IL', years: '1996-1999, 2009-2021, 2022-' }, { name: 'Shamir', code: 'IL', years: '1983-1984, 1986-1992' },
  { name: 'Khamenei', code: 'IR', years: '1981-' }, { name: 'Ahmadinejad', code: 'IR', years: '2005-2013' },
  { name: 'Rafsanjani', code: 'IR', years: '1989-1997' }, { name: 'Khomeini', code: 'IR', years: '1979-1989' },
  { name: 'Mubarak', code: 'EG', years: '1981-2011' }, { name: 'Sisi', code: 'EG', years: '2014-' },
  { name: 'Saddam Hussein', code: 'IQ', years: '1979-2003' }, { name: 'Assad', code: 'SY', years: '1971-2024' },
  { name: 'Gaddafi', code: 'LY', years: '1969-2011' }, { name: 'Gadaffi', code: 'LY', years: '1969-2011' },
  { name: 'Lula', code: 'BR', years: '2003-2010, 2023-' }, { name: 'Sarney', code: 'BR', years: '1985-1990' },
  { name: 'Alfonsin', code: 'AR', years: '1983-1989' }, { name: 'Milei', code: 'AR', years: '2023-' },
  { name: 'Pinochet', code: 'CL', years: '1973-1990' }, { name: 'Fidel Castro', code: 'CU', years: '1959-2008' },
  { name: 'Mulroney', code: 'CA', years: '1984-1993' }, { name: 'Justin Trudeau', code: 'CA', years: '2015-2025' },
  { name: 'Mark Carney', code: 'CA', years: '2025-' },
  { name: 'Bob Hawke', code: 'AU', years: '1983-1991' }, { name: 'Anthony Albanese', code: 'AU', years: '2022-' },
  { name: 'Albanese', code: 'AU', years: '2022-' },
  { name: 'Lukashenko', code: 'BY', years: '1994-' }, { name: 'Nazarbayev', code: 'KZ', years: '1990-2019' },
  { name: 'Tokayev', code: 'KZ', years: '2019-' }, { name: 'Aliyev', code: 'AZ', years: '1993-' },
  { name: 'Pashinyan', code: 'AM', years: '2018-' }, { name: 'Saakashvili', code: 'GE', years: '2004-2013' },
  { name: 'Orban', code: 'HU', years: '1998-2002, 2010-' }, { name: 'Jaruzelski', code: 'PL', years: '1981-1989' },
  { name: 'Kim Jong Un', code: 'KP', years: '2011-' }, { name: 'Kim Jong-un', code: 'KP', years: '2011-' },
  { name: 'Kim Il Sung', code: 'KP', years: '1948-1994' }, { name: 'Chun Doo-hwan', code: 'KR', years: '1980-1988' },
  { name: 'Marcos', code: 'PH', years: '1965-1986, 2022-' }, { name: 'Corazon Aquino', code: 'PH', years: '1986-1992' },
  { name: 'Suharto', code: 'ID', years: '1967-1998' }, { name: 'Mahathir', code: 'MY', years: '1981-2003, 2018-2020' },
  { name: 'Lee Kuan Yew', code: 'SG', years: '1959-1990' }, { name: 'Zia ul-Haq', code: 'PK', years: '1978-1988' },
  { name: 'Mugabe', code: 'ZW', years: '1980-2017' }, { name: 'Mandela', code: 'ZA', years: '1994-1999' },
  { name: 'Ramaphosa', code: 'ZA', years: '2018-' }, { name: 'Botha', code: 'ZA', years: '1978-1989' },
  { name: 'Mobutu', code: 'CD', years: '1965-1997' }, { name: 'Museveni', code: 'UG', years: '1986-' },
  { name: 'Babangida', code: 'NG', years: '1985-1993' }, { name: 'Tinubu', code: 'NG', years: '2023-' },
];

/**
 * Former country names and their demonyms, mapped to today's countries. The first code is the
 * continuing or largest successor and takes the whole weight; the others a share.
 */
export const historicNames: Array<{ names: string[]; codes: CodeShare[] }> = [
  { names: ['Soviet Union', 'USSR', 'U.S.S.R.', 'Soviet', 'Soviets'], codes: [{ code: 'RU', share: 1 }] },
  { names: ['West Germany', 'West German', 'West Germans', 'Federal Republic of Germany', 'East Germany', 'East German', 'East Germans', 'German Democratic Republic', 'GDR', 'FRG'], codes: [{ code: 'DE', share: 1 }] },
  { names: ['Czechoslovakia', 'Czechoslovak', 'Czechoslovaks'], codes: [{ code: 'CZ', share: 1 }, { code: 'SK', share: 0.5 }] },
  { names: ['Yugoslavia', 'Yugoslav', 'Yugoslavs'], codes: [{ code: 'RS', share: 1 }, { code: 'HR', share: 0.3 }, { code: 'SI', share: 0.3 }, { code: 'BA', share: 0.3 }, { code: 'MK', share: 0.3 }, { code: 'ME', share: 0.3 }] },
  { names: ['Burma', 'Burmese'], codes: [{ code: 'MM', share: 1 }] },
  { names: ['Zaire', 'Zairean', 'Zairian', 'Zaireans'], codes: [{ code: 'CD', share: 1 }] },
  { names: ['Ceylon', 'Ceylonese'], codes: [{ code: 'LK', share: 1 }] },
  { names: ['Rhodesia', 'Rhodesian', 'Southern Rhodesia'], codes: [{ code: 'ZW', share: 1 }] },
  { names: ['Northern Rhodesia'], codes: [{ code: 'ZM', share: 1 }] },
  { names: ['Kampuchea', 'Kampuchean'], codes: [{ code: 'KH', share: 1 }] },
  { names: ['Dahomey'], codes: [{ code: 'BJ', share: 1 }] },
  { names: ['Upper Volta'], codes: [{ code: 'BF', share: 1 }] },
  { names: ['Siam', 'Siamese'], codes: [{ code: 'TH', share: 1 }] },
  { names: ['Persia'], codes: [{ code: 'IR', share: 1 }] },
  { names: ['Formosa'], codes: [{ code: 'TW', share: 1 }] },
  { names: ['Swaziland'], codes: [{ code: 'SZ', share: 1 }] },
  { names: ['Bechuanaland'], codes: [{ code: 'BW', share: 1 }] },
  { names: ['Basutoland'], codes: [{ code: 'LS', share: 1 }] },
  { names: ['Tanganyika'], codes: [{ code: 'TZ', share: 1 }] },
  { names: ['East Pakistan'], codes: [{ code: 'BD', share: 1 }] },
  { names: ['North Yemen', 'South Yemen', 'Yemen Arab Republic'], codes: [{ code: 'YE', share: 1 }] },
  { names: ['Western Samoa'], codes: [{ code: 'WS', share: 1 }] },
  { names: ['Netherlands Antilles'], codes: [{ code: 'CW', share: 1 }, { code: 'SX', share: 0.3 }, { code: 'BQ', share: 0.3 }] },
  { names: ['Macedonia'], codes: [{ code: 'MK', share: 1 }] },
  { names: ['Kirghizia'], codes: [{ code: 'KG', share: 1 }] },
  { names: ['Byelorussia', 'Belorussia'], codes: [{ code: 'BY', share: 1 }] },
  { names: ['Moldavia'], codes: [{ code: 'MD', share: 1 }] },
];

/** Everyday English country names the packages lack. */
export const extraNames: Record<string, string> = {
  'Britain': 'GB', 'U.K.': 'GB', 'England': 'GB', 'Scotland': 'GB', 'Wales': 'GB', 'Northern Ireland': 'GB',
  'America': 'US', 'United States': 'US', 'U.S.': 'US', 'Holland': 'NL', 'Korea': 'KR', 'South Korea': 'KR',
  'North Korea': 'KP', 'Mainland China': 'CN', "People's Republic of China": 'CN', 'Emirates': 'AE',
  'Ivory Coast': 'CI', 'Congo-Kinshasa': 'CD', 'West Bank': 'PS', 'Gaza Strip': 'PS', 'Holy See': 'VA',
  'Bosnia': 'BA', 'Crimea': 'UA', 'Donbas': 'UA', 'Donbass': 'UA',
};

/** Everyday English adjectives and plurals the packages lack. */
export const extraDemonyms: Record<string, string> = {
  'Scottish': 'GB', 'Welsh': 'GB', 'Briton': 'GB', 'Britons': 'GB',
  'Americans': 'US', 'Czech': 'CZ', 'Czechs': 'CZ', 'Slovak': 'SK', 'Russians': 'RU', 'Chinese': 'CN',
  'Japanese': 'JP', 'North Korean': 'KP', 'Iranian': 'IR', 'Iranians': 'IR', 'Iraqi': 'IQ', 'Iraqis': 'IQ',
  'Israelis': 'IL', 'Palestinians': 'PS', 'Saudi': 'SA', 'Saudis': 'SA', 'Kazakh': 'KZ', 'Uzbek': 'UZ',
  'Kyrgyz': 'KG', 'Tajik': 'TJ', 'Slovenian': 'SI', 'Icelandic': 'IS', 'Bosnian': 'BA',
};

/**
 * English and former names of cities that GeoNames lists only under their own or current name
 * ("Genève", "Mumbai"): older wire copy and English text use these.
 */
export const otherCityNames: Record<string, string> = {
  'Peking': 'CN', 'Bombay': 'IN', 'Calcutta': 'IN', 'Madras': 'IN', 'Saigon': 'VN', 'Rangoon': 'MM',
  'Leningrad': 'RU', 'Kiev': 'UA', 'Canton': 'CN', 'Salisbury': 'ZW', 'Leopoldville': 'CD', 'Tiflis': 'GE',
  'Kishinev': 'MD', 'Geneva': 'CH', 'Cologne': 'DE', 'Ghent': 'BE', 'Antwerp': 'BE', 'Nuremberg': 'DE',
  'Gothenburg': 'SE', 'Seville': 'ES', 'Lucerne': 'CH', 'Berne': 'CH', 'Lyons': 'FR', 'Marseilles': 'FR',
  'Cracow': 'PL', 'Astana': 'KZ', 'Hague': 'NL',
};

/**
 * Names with more than one reading. The first reading wins when the rest of the article does not
 * point at another; "Georgia" the US state wins only when the article is otherwise about the US.
 */
export const ambiguousNames: Record<string, Array<{ code: string; prior: number; kind?: PlaceKind }>> = {
  'Georgia': [{ code: 'GE', prior: 0.6 }, { code: 'US', prior: 0.4 }],
  'Congo': [{ code: 'CD', prior: 0.6 }, { code: 'CG', prior: 0.4 }],
  'Congolese': [{ code: 'CD', prior: 0.6 }, { code: 'CG', prior: 0.4 }],
  'Dominican': [{ code: 'DO', prior: 0.8 }, { code: 'DM', prior: 0.2 }],
  'Korean': [{ code: 'KR', prior: 0.8, kind: 'demonym' }, { code: 'KP', prior: 0.2, kind: 'demonym' }],
  'Koreans': [{ code: 'KR', prior: 0.8, kind: 'demonym' }, { code: 'KP', prior: 0.2, kind: 'demonym' }],
};

/**
 * Place names that are also given names, surnames or brands: they count only when they stand
 * apart from other capitalised words ("in Jordan", not "Michael Jordan" or "Washington Post").
 */
export const personLikeNames = new Set([
  'Jordan', 'Chad', 'Georgia', 'Washington', 'Israel', 'India', 'Victoria', 'Paris', 'Sydney', 'Florence',
  'Austin', 'Kuwait', 'Lincoln', 'Madison', 'Kent', 'Jersey', 'Albany', 'Chelsea', 'Regina', 'Santiago',
  'Peru', 'Cuba', 'Kenya', 'Niger', 'Mali', 'Oman',
]);

/** Phrases that contain a place name without meaning the place: matched only to be skipped. */
export const notPlaces = [
  'Indian Ocean', 'West Indies', 'East Indies', 'American Indian', 'American Indians', 'Native American',
  'Native Americans', 'Persian Gulf', 'Arabian Sea', 'South China Sea', 'East China Sea', 'Guinea pig',
  'Brussels sprouts', 'French fries', 'Turkish delight', 'Swiss cheese', 'Danish pastry', 'Dutch auction',
  'Jordan almonds', 'Chinese wall', 'Mexican wave', 'Spanish flu', 'German measles', 'Russian roulette',
  'Panama hat', 'New Guinea', 'Latin America', 'Latin American', 'Middle East', 'Far East', 'Near East',
  'Western Europe', 'Eastern Europe', 'Central Europe', 'Southeast Asia', 'South America', 'North America',
  'Central America', 'East Asia', 'West Africa', 'East Africa', 'Southern Africa', 'North Africa',
  'European Community', 'European Union', 'Inter-American',
];

/**
 * Cities of more than 100,000 people whose names are everyday English words or common names;
 * they are never read as places in running text (a dateline still resolves them).
 */
export const commonWordCities = new Set([
  'Nice', 'Mobile', 'Reading', 'Of', 'Split', 'Sale', 'Independence', 'March', 'Bath', 'Orange', 'Eagle',
  'Surprise', 'Union', 'Concord', 'Commerce', 'Temple', 'Hope', 'Enterprise', 'Providence', 'Pace', 'Delta',
  // Cities named after, or sharing a name with, a company known worldwide.
  'Toyota',
]);

/** Countries whose states or provinces are matched in running text (they are named as often as the country). */
export const countriesWithNamedSubdivisions = new Set(['US', 'CA', 'AU']);

/**
 * Words that end a company's name: a place name right before them ("Japan Fund Inc", "Bank of
 * New England Corp") names the company more than the place, and counts for less.
 */
export const organisationDesignators = new Set([
  'inc', 'corp', 'corporation', 'co', 'ltd', 'plc', 'llc', 'fund', 'group', 'holdings', 'bancorp', 'ag', 'nv', 'sa',
  'trust', 'airlines', 'airways', 'motors', 'motor', 'petroleum', 'industries', 'bancshares', 'limited', 'company',
]);

/**
 * Currency words: "Australian dollar bonds" issued in London are not a story about Australia, so a
 * place name right before one counts like one inside a company name.
 */
export const currencyWords = new Set([
  'dollar', 'dollars', 'dlr', 'dlrs', 'franc', 'francs', 'mark', 'marks', 'pound', 'pounds', 'sterling', 'yen',
  'lira', 'lire', 'peseta', 'pesetas', 'guilder', 'guilders', 'krona', 'kronor', 'krone', 'kroner', 'crown', 'crowns',
  'rupee', 'rupees', 'peso', 'pesos', 'rand', 'escudo', 'escudos', 'schilling', 'schillings', 'yuan', 'rouble', 'roubles',
  'ruble', 'rubles', 'euro', 'euros', 'real', 'reais', 'won', 'ringgit', 'baht',
]);
