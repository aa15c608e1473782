// The adjective of a country or region and the country itself are one index term ("Syrian rebels"
// answer "who fought in Syria?"). Words that are common in another sense stay out ("polish",
// "english" — mostly the language —, "china" the material is rare enough in news to keep).

const PAIRS =
  'afghan:afghanistan albanian:albania algerian:algeria american:america argentine:argentina argentinian:argentina ' +
  'australian:australia austrian:austria bangladeshi:bangladesh belgian:belgium brazilian:brazil british:britain ' +
  'bulgarian:bulgaria canadian:canada chilean:chile chinese:china colombian:colombia croatian:croatia cuban:cuba ' +
  'danish:denmark egyptian:egypt ethiopian:ethiopia european:europe finnish:finland french:france german:germany ' +
  'greek:greece hungarian:hungary indian:india indonesian:indonesia iranian:iran iraqi:iraq irish:ireland ' +
  'israeli:israel italian:italy japanese:japan jordanian:jordan kenyan:kenya korean:korea lebanese:lebanon ' +
  'libyan:libya malaysian:malaysia mexican:mexico moroccan:morocco dutch:netherlands nigerian:nigeria ' +
  'norwegian:norway pakistani:pakistan palestinian:palestine peruvian:peru filipino:philippines portuguese:portugal ' +
  'romanian:romania russian:russia saudi:arabia scottish:scotland serbian:serbia singaporean:singapore ' +
  'somali:somalia spanish:spain sudanese:sudan swedish:sweden swiss:switzerland syrian:syria taiwanese:taiwan ' +
  'thai:thailand turkish:turkey ukrainian:ukraine venezuelan:venezuela vietnamese:vietnam welsh:wales ' +
  'zimbabwean:zimbabwe african:africa asian:asia';

/** Peoples named otherwise than by their adjective ("the Kurds", "Kurdish"; "the Turks", "Turkish"), with their plural. */
const PEOPLES = 'kurd:kurdistan kurdish:kurdistan turk:turkey scot:scotland swede:sweden briton:britain';

/** Demonym (and its plural for people: "Syrians", "Iraqis", "Kurds") → the country or region's word. */
export const DEMONYMS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ...PAIRS.split(' ').flatMap((pair) => {
      const [adjective, place] = pair.split(':') as [string, string];
      const plural = /(?:an|i|o)$/.test(adjective) ? [[`${adjective}s`, place]] : [];
      return [[adjective, place], ...plural];
    }),
    ...PEOPLES.split(' ').flatMap((pair) => {
      const [people, place] = pair.split(':') as [string, string];
      return people.endsWith('ish') ? [[people, place]] : [[people, place], [`${people}s`, place]];
    }),
  ],
);

/** Countries by name (each its last word, as news writes it, with common short forms), for "which country". */
export const COUNTRIES: ReadonlySet<string> = new Set(
  (
    'afghanistan albania algeria andorra angola antigua argentina armenia australia austria azerbaijan bahamas bahrain ' +
    'bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia herzegovina botswana brazil brunei bulgaria ' +
    'burkina burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia ' +
    'denmark djibouti dominica ecuador egypt salvador eritrea estonia eswatini ethiopia fiji finland france gabon gambia ' +
    'georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran ' +
    'iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia ' +
    'lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta ' +
    'mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia ' +
    'nauru nepal netherlands holland zealand nicaragua niger nigeria korea macedonia norway oman pakistan palau panama ' +
    'papua paraguay peru philippines poland portugal qatar romania russia rwanda samoa marino arabia senegal serbia ' +
    'seychelles sierra leone singapore slovakia slovenia solomon somalia africa spain lanka sudan suriname sweden ' +
    'switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tobago tunisia turkey turkmenistan tuvalu ' +
    'uganda ukraine emirates uae britain uk england scotland wales us usa america uruguay uzbekistan vanuatu vatican ' +
    'venezuela vietnam yemen zambia zimbabwe palestine tibet kurdistan states kingdom republic coast rica rico faso'
  ).split(' '),
);
