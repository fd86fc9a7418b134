#!/usr/bin/env python3
"""Build the per-language country lexicons ``communique/lang/<lang>/countries.tsv``.

Sources, merged in this order (the first source to give a form decides its place):

1. hand curation: the ``FR_EXTRA`` / ``EN_EXTRA`` data sections below (press short forms,
   every gender and number of the demonyms, capitals, combining prefixes, ambiguity notes);
2. Unicode CLDR territory names, through Babel (``babel.Locale(lang).territories``);
3. ISO 3166-1 through pycountry: English names, and their French translations from the
   iso-codes gettext catalog in ``pycountry.LOCALES_DIR`` (inverted forms such as
   "Russie, Fédération de" are turned back into "Fédération de Russie").

The output is deterministic: the same pycountry / Babel versions and the same script give
byte-identical files. ``--check`` rebuilds in memory and exits 1 when a committed file differs.

    python scripts/build_country_lexicon.py            # write communique/lang/{fr,en}/countries.tsv
    python scripts/build_country_lexicon.py --check    # verify the committed files are up to date
"""
from __future__ import annotations

import argparse
import gettext
import re
import sys
import unicodedata
from collections import OrderedDict
from importlib.metadata import version
from pathlib import Path

import pycountry
from babel import Locale
from babel.core import get_cldr_version

ROOT = Path(__file__).resolve().parents[1]
LANG_DIR = ROOT / "communique" / "lang"
LANGS = ("fr", "en")

#: date of the hand curation below (not the build date, so that builds are reproducible)
CURATED_ON = "2026-11-23"

TYPES = ("name", "long_name", "demonym", "capital", "prefix_adj")

#: codes outside ISO 3166-1 that the lexicons use. Historical ones are ISO 3166-3 codes
#: (their former alpha-3); XKX is the user-assigned code the EU, IMF and others use for Kosovo.
EXTRA_CODES = {
    "XKX": "Kosovo",
    "SUN": "USSR (ISO 3166-3)",
    "YUG": "Yugoslavia (ISO 3166-3)",
    "CSK": "Czechoslovakia (ISO 3166-3)",
    "DDR": "German Democratic Republic (ISO 3166-3)",
    "VDR": "Democratic Republic of Viet-Nam (ISO 3166-3)",
    "SCG": "Serbia and Montenegro (ISO 3166-3)",
}
HISTORICAL_CODES = {"SUN", "YUG", "CSK", "DDR", "VDR", "SCG"}
#: CLDR territory codes that are not ISO 3166-1 alpha-2 but that we keep
CLDR_EXTRA = {"XK": "XKX"}

# Words that mark a full political name ("République de ...", "Kingdom of ...").
# A pycountry name containing one of them, and differing from the CLDR short name,
# is typed ``long_name``.
POLITICAL_WORDS = {
    "fr": re.compile(r"\b(?:République|Royaume|Fédération|État|États fédérés|Principauté|Sultanat|"
                     r"Commonwealth|Confédération|Union|Grand-[dD]uché|Émirat|Région|Bailliage|"
                     r"Collectivité)\b"),
    "en": re.compile(r"\b(?:Republic|Kingdom|Federation|State|Principality|Sultanate|Commonwealth|"
                     r"Confederation|Union|Duchy|Emirate|Region|Bailiwick|Collectivity)\b"),
}

# Source forms that the generic clean-up gets wrong: raw form -> replacement forms ([] drops it).
SOURCE_FIXES = {
    "fr": {
        "Myanmar (Birmanie)": ["Myanmar", "Birmanie"],
        "Cocos (Keeling), Îles": ["Îles Cocos (Keeling)", "Îles Cocos"],
        "Malouines, Îles (Falkland)": ["Îles Malouines", "Îles Falkland"],
        "Îles Vierges, États-Unis": ["Îles Vierges des États-Unis"],
        "Saint-Siège (état de la cité du Vatican)": ["Saint-Siège", "État de la Cité du Vatican"],
        # ISO's "province of China" wording is not how any French text names Taiwan
        "Taïwan, province de Chine": [],
    },
    "en": {
        "Myanmar (Burma)": ["Myanmar", "Burma"],
        "Congo - Kinshasa": ["Congo-Kinshasa"],
        "Congo - Brazzaville": ["Congo-Brazzaville"],
        "Cocos (Keeling) Islands": ["Cocos (Keeling) Islands", "Cocos Islands"],
        "Falkland Islands (Malvinas)": ["Falkland Islands", "Malvinas"],
        "Holy See (Vatican City State)": ["Holy See", "Vatican City State"],
        "Congo, The Democratic Republic of the": ["Democratic Republic of the Congo"],
        "Virgin Islands, British": ["British Virgin Islands"],
        "Virgin Islands, U.S.": ["U.S. Virgin Islands"],
        "Taiwan, Province of China": [],
    },
}

# ---------------------------------------------------------------------------------------------
# Hand-curated data (the "*_EXTRA" sections).
#
# One line per code:  CODE | names | long names | demonyms | capitals | combining prefixes
# (long names include the press's unambiguous capitalised periphrases: "le Grand-Duché", "the Middle Kingdom")
# Items are separated by ";". An item may end with a note in braces, e.g. "Corée{ambiguous:KOR|PRK}";
# several flags are joined with ";" inside the braces. Notes: ambiguous:A|B (upper case = codes of
# this file, lower case = a non-country sense: word, person, city, region, continent, ...),
# language (the form is also the name of a language), historical (a former name or state).
# usual=CODE (with ambiguous): the country the bare form names in the press ("Korea", "Corée": South Korea); the
# others' names that contain the form ("North Korea") are qualified to set them apart, and do not settle it.
# after=WORD: the form names the place only right after that word ("la Réunion"; "la première Réunion de
# Haut Niveau" is a meeting).
#
# French demonyms: give the masculine singular; the script inflects it (russe -> russes;
# français -> française, françaises; vietnamien -> vietnamienne, vietnamiens, vietnamiennes;
# kazakh -> kazakhe, kazakhs, kazakhes). Irregular ones list every form with "/": the first
# form is the masculine singular, the only one a "language" note is put on.
# English demonyms: the script adds the plural with -s, except for forms ending in -ese, -ish,
# -ss or marked invariable with a trailing "=" (Chinese, Swiss, French=); "/" lists forms as is.
# ---------------------------------------------------------------------------------------------

FR_EXTRA = r"""
ABW | Aruba | | arubais | Oranjestad |
AFG | Afghanistan | République islamique d'Afghanistan; Émirat islamique d'Afghanistan | afghan | Kaboul | afghano-
AGO | Angola | République d'Angola | angolais | Luanda |
AIA | Anguilla | | anguillais | The Valley |
ALA | Åland; Îles Åland | | ålandais | Mariehamn |
ALB | Albanie | République d'Albanie | albanais{language} | Tirana | albano-
AND | Andorre | Principauté d'Andorre | andorran | Andorre-la-Vieille |
ARE | Émirats arabes unis; Émirats Arabes Unis; Émirats; EAU{ambiguous:ARE|word}; E.A.U. | Fédération des Émirats arabes unis | émirien; émirati | Abou Dhabi; Abu Dhabi | émirato-
ARG | Argentine | République argentine | argentin | Buenos Aires | argentino-
ARM | Arménie | République d'Arménie | arménien{language} | Erevan; Yerevan | arméno-
ASM | Samoa américaines | | | Pago Pago |
ATA | Antarctique; Antarctide | | | |
ATF | Terres australes et antarctiques françaises; TAAF | | | Port-aux-Français |
ATG | Antigua-et-Barbuda | | antiguais; antiguais-et-barbudien | Saint John's |
AUS | Australie | Commonwealth d'Australie | australien | Canberra | australo-
AUT | Autriche | République d'Autriche | autrichien | Vienne{ambiguous:AUT|city} | austro-
AZE | Azerbaïdjan; Azerbaidjan | République d'Azerbaïdjan; République azerbaïdjanaise | azerbaïdjanais{language}; azerbaidjanais; azéri{language}; azeri | Bakou; Baku | azerbaïdjano-; azéro-
BDI | Burundi | République du Burundi | burundais | Gitega; Bujumbura |
BEL | Belgique | Royaume de Belgique | belge | Bruxelles | belgo-
BEN | Bénin; Benin; Dahomey{historical} | République du Bénin | béninois; dahoméen{historical} | Porto-Novo; Cotonou |
BES | Bonaire, Saint-Eustache et Saba; Pays-Bas caribéens | | | Kralendijk |
BFA | Burkina Faso; Burkina; Haute-Volta{historical} | Pays des hommes intègres | burkinabè/burkinabé/burkinabée/burkinabés/burkinabées; voltaïque{historical} | Ouagadougou; Ouaga |
BGD | Bangladesh | République populaire du Bangladesh | bangladais; bangladeshi | Dacca; Dhaka |
BGR | Bulgarie | République de Bulgarie | bulgare{language} | Sofia | bulgaro-
BHR | Bahreïn; Bahrein | Royaume de Bahreïn | bahreïnien; bahreïni | Manama |
BHS | Bahamas | Commonwealth des Bahamas | bahaméen; bahamien | Nassau{ambiguous:BHS|city} |
BIH | Bosnie-Herzégovine; Bosnie | République de Bosnie-Herzégovine | bosnien{language}; bosniaque; bosnien-herzégovinien | Sarajevo |
BLM | Saint-Barthélemy; Saint-Barth | Collectivité de Saint-Barthélemy | barthélemois | Gustavia |
BLR | Biélorussie; Bélarus; Belarus; Bielorussie | République de Biélorussie; République du Bélarus | biélorusse{language}; bielorusse; bélarusse; bélarussien | Minsk | biélorusso-
BLZ | Belize | | bélizien | Belmopan |
BMU | Bermudes | | bermudien | Hamilton{ambiguous:BMU|city} |
BOL | Bolivie | État plurinational de Bolivie; République de Bolivie | bolivien | Sucre; La Paz |
BRA | Brésil | République fédérative du Brésil | brésilien | Brasilia; Brasília |
BRB | Barbade | | barbadien | Bridgetown |
BRN | Brunei; Brunéi; Brunei Darussalam; Brunéi Darussalam | État de Brunei Darussalam | brunéien | Bandar Seri Begawan |
BTN | Bhoutan | Royaume du Bhoutan | bhoutanais | Thimphou; Thimphu |
BVT | Île Bouvet | | | |
BWA | Botswana | République du Botswana | botswanais | Gaborone |
CAF | République centrafricaine; Centrafrique; RCA | | centrafricain | Bangui |
CAN | Canada | | canadien | Ottawa | canado-
CCK | Îles Cocos | | | West Island |
CHE | Suisse | Confédération suisse; Confédération helvétique | suisse; helvétique | Berne | helvético-; suisso-
CHL | Chili | République du Chili | chilien | Santiago; Santiago du Chili | chiléno-
CHN | Chine; Chine populaire; RPC | République populaire de Chine; Empire du Milieu | chinois{ambiguous:CHN|TWN;language} | Pékin; Beijing | sino-
CIV | Côte d'Ivoire; Cote d'Ivoire | République de Côte d'Ivoire | ivoirien | Yamoussoukro; Abidjan | ivoiro-
CMR | Cameroun | République du Cameroun | camerounais | Yaoundé; Yaounde |
COD | République démocratique du Congo; RDC; RD Congo; Congo-Kinshasa; Zaïre{historical} | | rd congolais; congolais{ambiguous:COD|COG}; zaïrois{historical} | Kinshasa |
COG | République du Congo; Congo{ambiguous:COG|COD}; Congo-Brazzaville | | congolais{ambiguous:COD|COG} | Brazzaville |
COK | Îles Cook | | | Avarua |
COL | Colombie | République de Colombie | colombien | Bogota; Bogotá | colombo-
COM | Comores | Union des Comores | comorien | Moroni |
CPV | Cap-Vert; Cabo Verde | République de Cabo Verde | cap-verdien; capverdien | Praia |
CRI | Costa Rica | République du Costa Rica | costaricien; costaricain; costa-ricien | San José{ambiguous:CRI|city} |
CUB | Cuba | République de Cuba | cubain | La Havane | cubano-
CUW | Curaçao | | | Willemstad |
CXR | Île Christmas | | | Flying Fish Cove |
CYM | Îles Caïmans; Îles Caïman | | caïmanais | George Town |
CYP | Chypre | République de Chypre | chypriote; cypriote | Nicosie | chypro-
CZE | Tchéquie; République tchèque | | tchèque{language} | Prague | tchéco-
DEU | Allemagne; RFA; Allemagne de l'Ouest{historical} | République fédérale d'Allemagne | allemand{language}; ouest-allemand{historical} | Berlin | germano-
DJI | Djibouti | République de Djibouti | djiboutien | Djibouti |
DMA | Dominique{ambiguous:DMA|person} | Commonwealth de la Dominique | dominiquais | Roseau |
DNK | Danemark | Royaume du Danemark | danois{language} | Copenhague | dano-
DOM | République dominicaine | | dominicain{ambiguous:DOM|DMA} | Saint-Domingue |
DZA | Algérie | République algérienne démocratique et populaire | algérien | Alger | algéro-
ECU | Équateur | République de l'Équateur | équatorien | Quito |
EGY | Égypte | République arabe d'Égypte | égyptien | Le Caire | égypto-
ERI | Érythrée | État d'Érythrée | érythréen | Asmara | érythréo-
ESH | Sahara occidental | République arabe sahraouie démocratique; RASD | sahraoui | |
ESP | Espagne | Royaume d'Espagne | espagnol{language} | Madrid | hispano-{ambiguous:ESP|hispanic}
EST | Estonie | République d'Estonie | estonien{language} | Tallinn | estono-
ETH | Éthiopie | République fédérale démocratique d'Éthiopie | éthiopien | Addis-Abeba; Addis Abeba | éthio-; éthiopo-
FIN | Finlande | République de Finlande | finlandais; finnois{language} | Helsinki | finno-{ambiguous:FIN|word}
FJI | Fidji; Îles Fidji | République des Fidji | fidjien | Suva |
FLK | Îles Malouines; Malouines; Îles Falkland; Falkland | | falklandais | Stanley{ambiguous:FLK|person} |
FRA | France | République française; Hexagone | français{language} | Paris | franco-
FRO | Îles Féroé; Féroé | | féroïen{language} | Tórshavn; Torshavn |
FSM | Micronésie; États fédérés de Micronésie | | micronésien | Palikir |
GAB | Gabon | République gabonaise | gabonais | Libreville |
GBR | Royaume-Uni; Royaume Uni; Grande-Bretagne; Angleterre{ambiguous:GBR|region} | Royaume-Uni de Grande-Bretagne et d'Irlande du Nord | britannique; anglais{language;ambiguous:GBR|region} | Londres | anglo-; britanno-
GEO | Géorgie | | géorgien{language} | Tbilissi; Tbilisi |
GGY | Guernesey | Bailliage de Guernesey | guernesiais | Saint-Pierre-Port |
GHA | Ghana | République du Ghana | ghanéen | Accra |
GIB | Gibraltar | | gibraltarien | Gibraltar |
GIN | Guinée; Guinée-Conakry | République de Guinée | guinéen{ambiguous:GIN|GNB|GNQ} | Conakry |
GLP | Guadeloupe | | guadeloupéen | Basse-Terre |
GMB | Gambie | République de Gambie | gambien | Banjul |
GNB | Guinée-Bissau | République de Guinée-Bissau | bissau-guinéen | Bissau |
GNQ | Guinée équatoriale | République de Guinée équatoriale | équato-guinéen | Malabo |
GRC | Grèce | République hellénique; République grecque | grec/grecque/grecs/grecques{language}; hellène; hellénique | Athènes | gréco-
GRD | Grenade{ambiguous:GRD|city|word} | | grenadien | Saint-Georges |
GRL | Groenland; Groënland | | groenlandais{language} | Nuuk |
GTM | Guatemala | République du Guatemala | guatémaltèque | Guatemala; Guatemala City; Ciudad de Guatemala |
GUF | Guyane; Guyane française | | guyanais{ambiguous:GUF|GUY} | Cayenne |
GUM | Guam | | guamien | Hagåtña; Agana |
GUY | Guyana | République coopérative du Guyana | guyanien | Georgetown |
HKG | Hong Kong; Hong-Kong | Région administrative spéciale de Hong Kong | hongkongais | |
HMD | Îles Heard-et-MacDonald | | | |
HND | Honduras | République du Honduras | hondurien | Tegucigalpa |
HRV | Croatie | République de Croatie | croate{language} | Zagreb | croato-
HTI | Haïti; Haiti | République d'Haïti | haïtien | Port-au-Prince |
HUN | Hongrie | | hongrois{language} | Budapest | hungaro-; hongro-
IDN | Indonésie | République d'Indonésie | indonésien{language} | Jakarta; Djakarta | indonéso-
IMN | Île de Man | | mannois | Douglas{ambiguous:IMN|person} |
IND | Inde | République de l'Inde; République d'Inde | indien{ambiguous:IND|native_american} | New Delhi | indo-{ambiguous:IND|word}
IOT | Territoire britannique de l'océan Indien; Archipel des Chagos; Chagos | | | Diego Garcia |
IRL | Irlande | République d'Irlande | irlandais{language} | Dublin | irlando-
IRN | Iran; Perse{historical} | République islamique d'Iran | iranien; persan{language;historical} | Téhéran | irano-
IRQ | Irak; Iraq | République d'Irak; République d'Iraq | irakien; iraquien | Bagdad | irako-
ISL | Islande | République d'Islande | islandais{language} | Reykjavik; Reykjavík |
ISR | Israël; Israel; État hébreu | État d'Israël | israélien | Jérusalem{ambiguous:ISR|PSE} | israélo-
ITA | Italie | République italienne | italien{language} | Rome | italo-
JAM | Jamaïque | | jamaïcain | Kingston{ambiguous:JAM|NFK} |
JEY | Jersey | Bailliage de Jersey | jersiais | Saint-Hélier |
JOR | Jordanie | Royaume hachémite de Jordanie | jordanien | Amman | jordano-
JPN | Japon | Pays du Soleil-Levant; Pays du Soleil levant | japonais{language}; nippon/nippone/nipponne/nippons/nippones/nipponnes | Tokyo; Tokio | nippo-; japono-
KAZ | Kazakhstan | République du Kazakhstan | kazakh{language}; kazakhstanais | Astana; Nour-Soultan{historical}; Nur-Sultan{historical} | kazakho-; kazakhstano-
KEN | Kenya | République du Kenya | kényan; kenyan | Nairobi | kényano-
KGZ | Kirghizistan; Kirghizstan; Kirghizie | République kirghize | kirghiz/kirghize/kirghizes{language}; kirghizstanais | Bichkek; Bishkek | kirghizo-
KHM | Cambodge; Kampuchéa{historical} | Royaume du Cambodge | cambodgien; khmer/khmère/khmers/khmères{language} | Phnom Penh; Phnom-Penh | khméro-
KIR | Kiribati | République des Kiribati | kiribatien | Tarawa; Tarawa-Sud |
KNA | Saint-Christophe-et-Niévès; Saint-Kitts-et-Nevis | Fédération de Saint-Christophe-et-Niévès | kittitien; christophien | Basseterre |
KOR | Corée du Sud; Corée{ambiguous:KOR|PRK;usual=KOR} | République de Corée; Pays du Matin calme | sud-coréen; coréen{ambiguous:KOR|PRK;language;usual=KOR} | Séoul; Seoul | coréano-{ambiguous:KOR|PRK}
KWT | Koweït; Koweit | État du Koweït | koweïtien; koweitien | Koweït; Koweït City; Koweit City |
LAO | Laos | République démocratique populaire lao | laotien; lao/{language} | Vientiane | lao-
LBN | Liban | République libanaise; Pays du Cèdre | libanais | Beyrouth | libano-
LBR | Liberia; Libéria | République du Liberia; République du Libéria | libérien | Monrovia |
LBY | Libye | État de Libye | libyen | Tripoli{ambiguous:LBY|city} | libyo-
LCA | Sainte-Lucie | | saint-lucien | Castries |
LIE | Liechtenstein | Principauté du Liechtenstein | liechtensteinois | Vaduz |
LKA | Sri Lanka; Ceylan{historical} | République démocratique socialiste de Sri Lanka | sri-lankais; srilankais | Sri Jayawardenapura Kotte; Kotte; Colombo{ambiguous:LKA|person} |
LSO | Lesotho | Royaume du Lesotho | lésothien | Maseru |
LTU | Lituanie | République de Lituanie | lituanien{language} | Vilnius | lituano-
LUX | Luxembourg | Grand-Duché de Luxembourg; Grand-Duché | luxembourgeois{language} | Luxembourg |
LVA | Lettonie | République de Lettonie | letton/lettone/lettonne/lettons/lettones/lettonnes{language} | Riga | letto-
MAC | Macao; Macau | Région administrative spéciale de Macao | macanais | |
MAF | Saint-Martin{ambiguous:MAF|SXM} | Collectivité de Saint-Martin | saint-martinois | Marigot |
MAR | Maroc | Royaume du Maroc; Royaume chérifien | marocain | Rabat | maroco-
MCO | Monaco | Principauté de Monaco | monégasque | Monaco |
MDA | Moldavie; Moldova | République de Moldavie; République de Moldova | moldave{language} | Chisinau; Chişinău; Chișinău; Kichinev | moldavo-
MDG | Madagascar | République de Madagascar; Grande Île; Grande-Île | malgache{language} | Antananarivo; Tananarive |
MDV | Maldives | République des Maldives | maldivien | Malé; Male |
MEX | Mexique | États-Unis mexicains; États-Unis du Mexique | mexicain | Mexico | mexicano-
MHL | Îles Marshall | République des Îles Marshall | marshallais | Majuro |
MKD | Macédoine du Nord; Macédoine{historical;ambiguous:MKD|region}; ARYM{historical} | République de Macédoine du Nord; Ancienne République yougoslave de Macédoine{historical} | macédonien{language}; nord-macédonien | Skopje |
MLI | Mali | République du Mali | malien | Bamako |
MLT | Malte | République de Malte | maltais{language} | La Valette |
MMR | Birmanie; Myanmar | République de l'Union du Myanmar | birman{language} | Naypyidaw; Naypyitaw; Nay Pyi Taw; Rangoun{historical} | birmano-
MNE | Monténégro | | monténégrin | Podgorica |
MNG | Mongolie | | mongol{language} | Oulan-Bator; Oulan Bator; Oulan-Bator; Ulaanbaatar | mongolo-
MNP | Îles Mariannes du Nord | | | Saipan |
MOZ | Mozambique | République du Mozambique | mozambicain | Maputo |
MRT | Mauritanie | République islamique de Mauritanie | mauritanien | Nouakchott | mauritano-
MSR | Montserrat | | montserratien | Brades; Plymouth{ambiguous:MSR|city} |
MTQ | Martinique | | martiniquais | Fort-de-France |
MUS | Maurice{ambiguous:MUS|person}; Île Maurice | République de Maurice | mauricien | Port-Louis |
MWI | Malawi | République du Malawi | malawite; malawien | Lilongwe |
MYS | Malaisie; Malaysia | | malaisien; malaysien | Kuala Lumpur; Putrajaya |
MYT | Mayotte | | mahorais | Mamoudzou |
NAM | Namibie | République de Namibie | namibien | Windhoek |
NCL | Nouvelle-Calédonie | | néo-calédonien; calédonien | Nouméa |
NER | Niger{ambiguous:NER|river} | République du Niger | nigérien | Niamey | nigéro-
NFK | Île Norfolk | | | Kingston{ambiguous:JAM|NFK} |
NGA | Nigeria; Nigéria | République fédérale du Nigeria; République fédérale du Nigéria | nigérian | Abuja | nigériano-
NIC | Nicaragua | République du Nicaragua | nicaraguayen | Managua |
NIU | Niue; Nioué | | niuéen | Alofi |
NLD | Pays-Bas; Hollande{ambiguous:NLD|region} | Royaume des Pays-Bas | néerlandais{language}; hollandais | Amsterdam; La Haye | néerlando-; hollando-
NOR | Norvège | Royaume de Norvège | norvégien{language} | Oslo | norvégo-
NPL | Népal | République fédérale démocratique du Népal | népalais{language} | Katmandou; Kathmandu |
NRU | Nauru | République de Nauru | nauruan | Yaren |
NZL | Nouvelle-Zélande | | néo-zélandais | Wellington{ambiguous:NZL|person} | néo-zélando-
OMN | Oman; Sultanat d'Oman | | omanais | Mascate; Muscat | omano-
PAK | Pakistan | République islamique du Pakistan | pakistanais | Islamabad | pakistano-
PAN | Panama | République du Panama | panaméen | Panama; Panama City |
PCN | Îles Pitcairn; Pitcairn | | pitcairnais | Adamstown |
PER | Pérou | République du Pérou | péruvien | Lima |
PHL | Philippines | République des Philippines | philippin{language} | Manille | philippino-
PLW | Palaos; Palau | République des Palaos | palaosien | Ngerulmud; Melekeok{historical} |
PNG | Papouasie-Nouvelle-Guinée | État indépendant de Papouasie-Nouvelle-Guinée | papouan-néo-guinéen; papou-néo-guinéen; néo-guinéen | Port Moresby |
POL | Pologne | République de Pologne | polonais{language} | Varsovie | polono-
PRI | Porto Rico; Puerto Rico | Commonwealth de Porto Rico | portoricain | San Juan |
PRK | Corée du Nord; Corée{ambiguous:KOR|PRK;usual=KOR}; RPDC | République populaire démocratique de Corée | nord-coréen; coréen{ambiguous:KOR|PRK;language;usual=KOR} | Pyongyang | coréano-{ambiguous:KOR|PRK}
PRT | Portugal | République portugaise | portugais{language} | Lisbonne | luso-
PRY | Paraguay | République du Paraguay | paraguayen | Asuncion; Asunción |
PSE | Palestine; Territoires palestiniens; État de Palestine | | palestinien | Ramallah; Jérusalem-Est | palestino-
PYF | Polynésie française | | polynésien | Papeete |
QAT | Qatar | État du Qatar | qatari; qatarien | Doha | qataro-
REU | La Réunion; Réunion{after=la}; Île de la Réunion | | réunionnais | Saint-Denis{ambiguous:REU|city} |
ROU | Roumanie | | roumain{language} | Bucarest | roumano-
RUS | Russie | Fédération de Russie | russe{language} | Moscou | russo-
RWA | Rwanda | République du Rwanda | rwandais | Kigali | rwando-
SAU | Arabie saoudite; Arabie Saoudite | Royaume d'Arabie saoudite | saoudien; saoudite | Riyad; Riyadh; Riad; Ryad | saoudo-
SDN | Soudan | République du Soudan | soudanais | Khartoum | soudano-
SEN | Sénégal | République du Sénégal | sénégalais | Dakar | sénégalo-
SGP | Singapour | République de Singapour | singapourien | Singapour |
SGS | Géorgie du Sud-et-les îles Sandwich du Sud | | | King Edward Point |
SHN | Sainte-Hélène | | | Jamestown |
SJM | Svalbard et Jan Mayen; Svalbard | | | Longyearbyen |
SLB | Îles Salomon; Salomon | | salomonais | Honiara |
SLE | Sierra Leone | République de Sierra Leone | sierra-léonais; sierraléonais | Freetown |
SLV | Salvador{ambiguous:SLV|person}; El Salvador | République du Salvador; République d'El Salvador | salvadorien | San Salvador |
SMR | Saint-Marin | République de Saint-Marin | saint-marinais; sammarinais | Saint-Marin |
SOM | Somalie | République fédérale de Somalie | somalien; somali{language} | Mogadiscio; Mogadishu | somalo-
SPM | Saint-Pierre-et-Miquelon | | saint-pierrais | Saint-Pierre{ambiguous:SPM|city} |
SRB | Serbie | République de Serbie | serbe{language} | Belgrade | serbo-
SSD | Soudan du Sud; Sud-Soudan | République du Soudan du Sud | sud-soudanais | Djouba; Juba |
STP | Sao Tomé-et-Principe; São Tomé-et-Príncipe | République démocratique de Sao Tomé-et-Principe | santoméen | Sao Tomé; São Tomé |
SUR | Suriname; Surinam | République du Suriname | surinamais | Paramaribo |
SVK | Slovaquie | République slovaque | slovaque{language} | Bratislava | slovaco-
SVN | Slovénie | République de Slovénie | slovène{language} | Ljubljana | slovéno-
SWE | Suède | Royaume de Suède | suédois{language} | Stockholm | suédo-
SWZ | Eswatini; Swaziland{historical} | Royaume d'Eswatini | swazi; eswatinien | Mbabane; Lobamba |
SXM | Sint Maarten | | | Philipsburg |
SYC | Seychelles | République des Seychelles | seychellois | Victoria{ambiguous:SYC|person} |
SYR | Syrie | République arabe syrienne | syrien | Damas | syro-
TCA | Îles Turques-et-Caïques | | | Cockburn Town |
TCD | Tchad | République du Tchad | tchadien | N'Djamena; Ndjamena; N'Djaména | tchado-
TGO | Togo | République togolaise | togolais | Lomé |
THA | Thaïlande; Thailande; Siam{historical} | Royaume de Thaïlande | thaïlandais; thaï{language} | Bangkok |
TJK | Tadjikistan | République du Tadjikistan | tadjik{language} | Douchanbé; Dushanbe | tadjiko-
TKL | Tokelau | | tokélaouan | |
TKM | Turkménistan | | turkmène{language} | Achgabat; Achkhabad; Ashgabat | turkméno-
TLS | Timor oriental; Timor-Oriental; Timor-Leste | République démocratique du Timor oriental; République démocratique du Timor-Leste | est-timorais; timorais | Dili |
TON | Tonga | Royaume des Tonga | tongien | Nuku'alofa |
TTO | Trinité-et-Tobago | République de Trinité-et-Tobago | trinidadien | Port-d'Espagne; Port of Spain |
TUN | Tunisie | République tunisienne | tunisien | Tunis | tuniso-
TUR | Turquie; Türkiye; Turkiye | République de Turquie; République de Türkiye | turc/turque/turcs/turques{language} | Ankara | turco-
TUV | Tuvalu | | tuvaluan | Funafuti |
TWN | Taïwan; Taiwan; Formose{historical} | République de Chine{ambiguous:TWN|CHN} | taïwanais; taiwanais | Taipei; Taïpei; Taïpeh |
TZA | Tanzanie | République unie de Tanzanie | tanzanien | Dodoma; Dar es Salaam |
UGA | Ouganda | République de l'Ouganda | ougandais | Kampala |
UKR | Ukraine | | ukrainien{language} | Kiev; Kyiv; Kyïv | ukraino-
UMI | Îles mineures éloignées des États-Unis | | | |
URY | Uruguay | République orientale de l'Uruguay | uruguayen | Montevideo; Montévidéo |
USA | États-Unis; USA; Amérique{ambiguous:USA|continent} | États-Unis d'Amérique | américain{ambiguous:USA|continent}; états-unien; étatsunien | Washington | américano-
UZB | Ouzbékistan | République d'Ouzbékistan | ouzbek/ouzbèke/ouzbeke/ouzbeks/ouzbèkes/ouzbekes{language} | Tachkent; Tashkent | ouzbéko-
VAT | Vatican; Saint-Siège; Cité du Vatican; État de la Cité du Vatican | | vatican | Cité du Vatican; Vatican |
VCT | Saint-Vincent-et-les-Grenadines | | vincentais | Kingstown |
VEN | Venezuela; Vénézuela | République bolivarienne du Venezuela | vénézuélien; venezuelien | Caracas | vénézuélo-
VGB | Îles Vierges britanniques | | | Road Town |
VIR | Îles Vierges des États-Unis; Îles Vierges américaines | | | Charlotte-Amalie |
VNM | Vietnam; Viêt Nam; Viet Nam; Viêtnam; Viêt-Nam | République socialiste du Vietnam; République socialiste du Viêt Nam; République socialiste du Viet Nam | vietnamien{language}; viêtnamien | Hanoï; Hanoi | vietnamo-; viêtnamo-
VUT | Vanuatu | République de Vanuatu | vanuatais; vanuatuan | Port-Vila |
WLF | Wallis-et-Futuna; Wallis et Futuna | | wallisien | Mata-Utu |
WSM | Samoa | État indépendant du Samoa | samoan{language} | Apia |
YEM | Yémen; Yemen | République du Yémen | yéménite | Sanaa; Sana'a | yéméno-
ZAF | Afrique du Sud | République d'Afrique du Sud | sud-africain | Pretoria; Le Cap; Bloemfontein |
ZMB | Zambie | République de Zambie | zambien | Lusaka |
ZWE | Zimbabwe; Rhodésie{historical} | République du Zimbabwe | zimbabwéen; rhodésien{historical} | Harare |
XKX | Kosovo | République du Kosovo | kosovar | Pristina; Priština; Prishtina |
SUN | Union soviétique; URSS; ex-Union soviétique; ex-URSS | Union des républiques socialistes soviétiques | soviétique | | soviéto-
YUG | Yougoslavie; ex-Yougoslavie | République fédérative socialiste de Yougoslavie; République fédérale de Yougoslavie | yougoslave | |
CSK | Tchécoslovaquie | République socialiste tchécoslovaque | tchécoslovaque | |
DDR | RDA; Allemagne de l'Est | République démocratique allemande | est-allemand | Berlin-Est |
VDR | Nord-Vietnam; Nord-Viêt Nam | République démocratique du Viêt Nam; République démocratique du Vietnam | nord-vietnamien | |
SCG | Serbie-et-Monténégro | Communauté d'États Serbie-et-Monténégro | | |
"""

EN_EXTRA = r"""
ABW | Aruba | | Aruban | Oranjestad |
AFG | Afghanistan | Islamic Republic of Afghanistan; Islamic Emirate of Afghanistan | Afghan | Kabul |
AGO | Angola | Republic of Angola | Angolan | Luanda |
AIA | Anguilla | | Anguillan | The Valley |
ALA | Åland Islands; Åland | | Ålander | Mariehamn |
ALB | Albania | Republic of Albania | Albanian{language} | Tirana |
AND | Andorra | Principality of Andorra | Andorran | Andorra la Vella |
ARE | United Arab Emirates; UAE; U.A.E.; Emirates{ambiguous:ARE|company} | | Emirati; Emirian | Abu Dhabi |
ARG | Argentina | Argentine Republic | Argentine; Argentinian; Argentinean | Buenos Aires |
ARM | Armenia | Republic of Armenia | Armenian{language} | Yerevan |
ASM | American Samoa | | American Samoan | Pago Pago |
ATA | Antarctica | | | |
ATF | French Southern Territories; French Southern and Antarctic Lands | | | Port-aux-Français |
ATG | Antigua and Barbuda | | Antiguan; Barbudan | St. John's; Saint John's |
AUS | Australia | Commonwealth of Australia | Australian; Aussie | Canberra |
AUT | Austria | Republic of Austria | Austrian | Vienna | Austro-
AZE | Azerbaijan | Republic of Azerbaijan | Azerbaijani{language}; Azeri | Baku |
BDI | Burundi | Republic of Burundi | Burundian | Gitega; Bujumbura |
BEL | Belgium | Kingdom of Belgium | Belgian | Brussels |
BEN | Benin; Dahomey{historical} | Republic of Benin | Beninese | Porto-Novo; Cotonou |
BES | Bonaire, Sint Eustatius and Saba; Caribbean Netherlands | | | Kralendijk |
BFA | Burkina Faso; Burkina; Upper Volta{historical} | | Burkinabe=; Burkinabè= | Ouagadougou |
BGD | Bangladesh | People's Republic of Bangladesh | Bangladeshi | Dhaka; Dacca |
BGR | Bulgaria | Republic of Bulgaria | Bulgarian{language} | Sofia{ambiguous:BGR|person} |
BHR | Bahrain | Kingdom of Bahrain | Bahraini | Manama |
BHS | Bahamas; The Bahamas | Commonwealth of The Bahamas | Bahamian | Nassau{ambiguous:BHS|city} |
BIH | Bosnia and Herzegovina; Bosnia-Herzegovina; Bosnia | | Bosnian{language}; Herzegovinian | Sarajevo |
BLM | Saint Barthélemy; St. Barts; Saint Barts | Collectivity of Saint Barthélemy | | Gustavia |
BLR | Belarus; Belorussia; Byelorussia{historical} | Republic of Belarus | Belarusian{language}; Belarussian; Byelorussian | Minsk |
BLZ | Belize | | Belizean | Belmopan |
BMU | Bermuda | | Bermudian | Hamilton{ambiguous:BMU|city} |
BOL | Bolivia | Plurinational State of Bolivia | Bolivian | Sucre; La Paz |
BRA | Brazil | Federative Republic of Brazil | Brazilian | Brasília; Brasilia |
BRB | Barbados | | Barbadian; Bajan | Bridgetown |
BRN | Brunei; Brunei Darussalam | Nation of Brunei | Bruneian | Bandar Seri Begawan |
BTN | Bhutan | Kingdom of Bhutan | Bhutanese | Thimphu |
BVT | Bouvet Island | | | |
BWA | Botswana | Republic of Botswana | Motswana/Batswana; Botswanan | Gaborone |
CAF | Central African Republic; CAR | | Central African | Bangui |
CAN | Canada | | Canadian | Ottawa |
CCK | Cocos (Keeling) Islands; Cocos Islands | | | West Island |
CHE | Switzerland | Swiss Confederation | Swiss | Bern; Berne |
CHL | Chile | Republic of Chile | Chilean | Santiago |
CHN | China; mainland China; PRC | People's Republic of China; Middle Kingdom | Chinese{ambiguous:CHN|TWN;language} | Beijing; Peking{historical} | Sino-
CIV | Côte d'Ivoire; Cote d'Ivoire; Ivory Coast | Republic of Côte d'Ivoire | Ivorian; Ivoirian | Yamoussoukro; Abidjan |
CMR | Cameroon | Republic of Cameroon | Cameroonian | Yaoundé; Yaounde |
COD | Democratic Republic of the Congo; Democratic Republic of Congo; DR Congo; DRC; Congo-Kinshasa; Zaire{historical} | | Congolese{ambiguous:COD|COG}; Zairean{historical} | Kinshasa |
COG | Republic of the Congo; Republic of Congo; Congo{ambiguous:COG|COD}; Congo-Brazzaville | | Congolese{ambiguous:COD|COG} | Brazzaville |
COK | Cook Islands | | Cook Islander | Avarua |
COL | Colombia | Republic of Colombia | Colombian | Bogotá; Bogota |
COM | Comoros | Union of the Comoros | Comorian; Comoran | Moroni |
CPV | Cabo Verde; Cape Verde | Republic of Cabo Verde | Cabo Verdean; Cape Verdean | Praia |
CRI | Costa Rica | Republic of Costa Rica | Costa Rican | San José; San Jose |
CUB | Cuba | Republic of Cuba | Cuban | Havana |
CUW | Curaçao; Curacao | | Curaçaoan | Willemstad |
CXR | Christmas Island | | Christmas Islander | Flying Fish Cove |
CYM | Cayman Islands | | Caymanian | George Town |
CYP | Cyprus | Republic of Cyprus | Cypriot | Nicosia |
CZE | Czechia; Czech Republic | | Czech{language} | Prague | Czecho-
DEU | Germany; West Germany{historical} | Federal Republic of Germany | German{language} | Berlin | Germano-
DJI | Djibouti | Republic of Djibouti | Djiboutian | Djibouti |
DMA | Dominica | Commonwealth of Dominica | Dominican{ambiguous:DOM|DMA} | Roseau |
DNK | Denmark | Kingdom of Denmark | Danish{language}; Dane/Danes | Copenhagen | Dano-
DOM | Dominican Republic | | Dominican{ambiguous:DOM|DMA} | Santo Domingo |
DZA | Algeria | People's Democratic Republic of Algeria | Algerian | Algiers |
ECU | Ecuador | Republic of Ecuador | Ecuadorian; Ecuadorean | Quito |
EGY | Egypt | Arab Republic of Egypt | Egyptian | Cairo |
ERI | Eritrea | State of Eritrea | Eritrean | Asmara |
ESH | Western Sahara | Sahrawi Arab Democratic Republic | Sahrawi; Sahraoui | |
ESP | Spain | Kingdom of Spain | Spanish{language}; Spaniard | Madrid | Hispano-{ambiguous:ESP|hispanic}
EST | Estonia | Republic of Estonia | Estonian{language} | Tallinn |
ETH | Ethiopia | Federal Democratic Republic of Ethiopia | Ethiopian | Addis Ababa |
FIN | Finland | Republic of Finland | Finnish{language}; Finn | Helsinki | Finno-{ambiguous:FIN|word}
FJI | Fiji | Republic of Fiji | Fijian | Suva |
FLK | Falkland Islands; Falklands; Malvinas | | Falkland Islander | Stanley{ambiguous:FLK|person} |
FRA | France | French Republic | French={language}; Frenchman/Frenchmen/Frenchwoman/Frenchwomen | Paris | Franco-
FRO | Faroe Islands; Faroes | | Faroese{language} | Tórshavn; Torshavn |
FSM | Micronesia; Federated States of Micronesia | | Micronesian | Palikir |
GAB | Gabon | Gabonese Republic | Gabonese | Libreville |
GBR | United Kingdom; UK; U.K.; Britain; Great Britain; England{ambiguous:GBR|region} | United Kingdom of Great Britain and Northern Ireland | British; Briton; Brit; English{language;ambiguous:GBR|region}; Englishman/Englishmen/Englishwoman/Englishwomen{ambiguous:GBR|region} | London | Anglo-
GEO | Georgia{ambiguous:GEO|us_state} | | Georgian{ambiguous:GEO|us_state;language} | Tbilisi |
GGY | Guernsey | Bailiwick of Guernsey | | St Peter Port; Saint Peter Port |
GHA | Ghana | Republic of Ghana | Ghanaian | Accra |
GIB | Gibraltar | | Gibraltarian | Gibraltar |
GIN | Guinea; Guinea-Conakry | Republic of Guinea | Guinean{ambiguous:GIN|GNB|GNQ} | Conakry |
GLP | Guadeloupe | | Guadeloupean | Basse-Terre |
GMB | Gambia; The Gambia | Republic of The Gambia | Gambian | Banjul |
GNB | Guinea-Bissau | Republic of Guinea-Bissau | Bissau-Guinean | Bissau |
GNQ | Equatorial Guinea | Republic of Equatorial Guinea | Equatorial Guinean; Equatoguinean | Malabo |
GRC | Greece | Hellenic Republic | Greek{language}; Hellenic= | Athens | Greco-; Graeco-
GRD | Grenada | | Grenadian | St. George's; Saint George's |
GRL | Greenland | | Greenlandic=; Greenlander | Nuuk |
GTM | Guatemala | Republic of Guatemala | Guatemalan | Guatemala City |
GUF | French Guiana | | French Guianese | Cayenne |
GUM | Guam | | Guamanian | Hagåtña; Hagatna |
GUY | Guyana | Co-operative Republic of Guyana | Guyanese | Georgetown |
HKG | Hong Kong | Hong Kong Special Administrative Region | Hongkonger; Hong Konger; Hong Kongese | |
HMD | Heard Island and McDonald Islands | | | |
HND | Honduras | Republic of Honduras | Honduran | Tegucigalpa |
HRV | Croatia | Republic of Croatia | Croatian{language}; Croat | Zagreb |
HTI | Haiti | Republic of Haiti | Haitian | Port-au-Prince |
HUN | Hungary | | Hungarian{language} | Budapest |
IDN | Indonesia | Republic of Indonesia | Indonesian{language} | Jakarta |
IMN | Isle of Man | | Manx= | Douglas{ambiguous:IMN|person} |
IND | India | Republic of India | Indian{ambiguous:IND|native_american} | New Delhi | Indo-{ambiguous:IND|word}
IOT | British Indian Ocean Territory; Chagos Islands; Chagos Archipelago | | | Diego Garcia |
IRL | Ireland; Republic of Ireland | Emerald Isle | Irish={language}; Irishman/Irishmen/Irishwoman/Irishwomen | Dublin |
IRN | Iran; Persia{historical} | Islamic Republic of Iran | Iranian; Persian{language;historical} | Tehran; Teheran | Irano-
IRQ | Iraq | Republic of Iraq | Iraqi | Baghdad |
ISL | Iceland | Republic of Iceland | Icelandic={language}; Icelander | Reykjavik; Reykjavík |
ISR | Israel | State of Israel | Israeli | Jerusalem{ambiguous:ISR|PSE} |
ITA | Italy | Italian Republic | Italian{language} | Rome | Italo-
JAM | Jamaica | | Jamaican | Kingston{ambiguous:JAM|NFK} |
JEY | Jersey | Bailiwick of Jersey | | St Helier; Saint Helier |
JOR | Jordan{ambiguous:JOR|person} | Hashemite Kingdom of Jordan | Jordanian | Amman |
JPN | Japan | Land of the Rising Sun | Japanese{language} | Tokyo | Nippo-; Japano-
KAZ | Kazakhstan | Republic of Kazakhstan | Kazakh{language}; Kazakhstani | Astana; Nur-Sultan{historical} |
KEN | Kenya | Republic of Kenya | Kenyan | Nairobi |
KGZ | Kyrgyzstan; Kirghizia | Kyrgyz Republic | Kyrgyz={language}; Kyrgyzstani; Kirghiz= | Bishkek |
KHM | Cambodia; Kampuchea{historical} | Kingdom of Cambodia | Cambodian; Khmer{language} | Phnom Penh |
KIR | Kiribati | Republic of Kiribati | I-Kiribati= | Tarawa; South Tarawa |
KNA | Saint Kitts and Nevis; St Kitts and Nevis; St. Kitts and Nevis | Federation of Saint Kitts and Nevis | Kittitian; Nevisian | Basseterre |
KOR | South Korea; Korea{ambiguous:KOR|PRK;usual=KOR}; ROK | Republic of Korea; Land of the Morning Calm | South Korean; Korean{ambiguous:KOR|PRK;language;usual=KOR} | Seoul |
KWT | Kuwait | State of Kuwait | Kuwaiti | Kuwait City |
LAO | Laos; Lao PDR | Lao People's Democratic Republic | Laotian; Lao={language} | Vientiane |
LBN | Lebanon | Lebanese Republic | Lebanese | Beirut |
LBR | Liberia | Republic of Liberia | Liberian | Monrovia |
LBY | Libya | State of Libya | Libyan | Tripoli{ambiguous:LBY|city} |
LCA | Saint Lucia; St Lucia; St. Lucia | | Saint Lucian; St Lucian | Castries |
LIE | Liechtenstein | Principality of Liechtenstein | Liechtensteiner | Vaduz |
LKA | Sri Lanka; Ceylon{historical} | Democratic Socialist Republic of Sri Lanka | Sri Lankan | Sri Jayawardenepura Kotte; Kotte; Colombo{ambiguous:LKA|person} |
LSO | Lesotho | Kingdom of Lesotho | Mosotho/Basotho; Lesothan | Maseru |
LTU | Lithuania | Republic of Lithuania | Lithuanian{language} | Vilnius |
LUX | Luxembourg | Grand Duchy of Luxembourg; Grand Duchy | Luxembourgish={language}; Luxembourger | Luxembourg |
LVA | Latvia | Republic of Latvia | Latvian{language} | Riga |
MAC | Macao; Macau | Macao Special Administrative Region | Macanese | |
MAF | Saint Martin{ambiguous:MAF|SXM}; Saint-Martin{ambiguous:MAF|SXM} | Collectivity of Saint Martin | | Marigot |
MAR | Morocco | Kingdom of Morocco | Moroccan | Rabat |
MCO | Monaco | Principality of Monaco | Monégasque; Monegasque | Monaco |
MDA | Moldova; Moldavia{historical} | Republic of Moldova | Moldovan | Chișinău; Chisinau; Kishinev |
MDG | Madagascar | Republic of Madagascar | Malagasy={language} | Antananarivo |
MDV | Maldives | Republic of Maldives | Maldivian | Malé; Male{ambiguous:MDV|word} |
MEX | Mexico | United Mexican States | Mexican | Mexico City |
MHL | Marshall Islands | Republic of the Marshall Islands | Marshallese | Majuro |
MKD | North Macedonia; Macedonia{historical;ambiguous:MKD|region}; FYROM{historical} | Republic of North Macedonia; Former Yugoslav Republic of Macedonia{historical} | Macedonian{language}; North Macedonian | Skopje |
MLI | Mali | Republic of Mali | Malian | Bamako |
MLT | Malta | Republic of Malta | Maltese{language} | Valletta |
MMR | Myanmar; Burma | Republic of the Union of Myanmar | Burmese{language} | Naypyidaw; Nay Pyi Taw; Naypyitaw; Rangoon{historical} |
MNE | Montenegro | | Montenegrin | Podgorica |
MNG | Mongolia | | Mongolian{language}; Mongol | Ulaanbaatar; Ulan Bator |
MNP | Northern Mariana Islands | Commonwealth of the Northern Mariana Islands | | Saipan |
MOZ | Mozambique | Republic of Mozambique | Mozambican | Maputo |
MRT | Mauritania | Islamic Republic of Mauritania | Mauritanian | Nouakchott |
MSR | Montserrat | | Montserratian | Brades; Plymouth{ambiguous:MSR|city} |
MTQ | Martinique | | Martinican; Martiniquais= | Fort-de-France |
MUS | Mauritius | Republic of Mauritius | Mauritian | Port Louis |
MWI | Malawi | Republic of Malawi | Malawian | Lilongwe |
MYS | Malaysia | | Malaysian | Kuala Lumpur; Putrajaya |
MYT | Mayotte | | Mahoran | Mamoudzou |
NAM | Namibia | Republic of Namibia | Namibian | Windhoek |
NCL | New Caledonia | | New Caledonian | Nouméa; Noumea |
NER | Niger{ambiguous:NER|river} | Republic of the Niger; Republic of Niger | Nigerien | Niamey |
NFK | Norfolk Island | | Norfolk Islander | Kingston{ambiguous:JAM|NFK} |
NGA | Nigeria | Federal Republic of Nigeria | Nigerian | Abuja |
NIC | Nicaragua | Republic of Nicaragua | Nicaraguan | Managua |
NIU | Niue | | Niuean | Alofi |
NLD | Netherlands; The Netherlands; Holland{ambiguous:NLD|region} | Kingdom of the Netherlands | Dutch={language}; Dutchman/Dutchmen/Dutchwoman/Dutchwomen; Netherlander | Amsterdam; The Hague |
NOR | Norway | Kingdom of Norway | Norwegian{language} | Oslo |
NPL | Nepal | Federal Democratic Republic of Nepal | Nepali{language}; Nepalese | Kathmandu |
NRU | Nauru | Republic of Nauru | Nauruan | Yaren |
NZL | New Zealand | | New Zealander; Kiwi{ambiguous:NZL|word} | Wellington{ambiguous:NZL|person} |
OMN | Oman | Sultanate of Oman | Omani | Muscat |
PAK | Pakistan | Islamic Republic of Pakistan | Pakistani | Islamabad |
PAN | Panama | Republic of Panama | Panamanian | Panama City |
PCN | Pitcairn Islands; Pitcairn | | Pitcairn Islander | Adamstown |
PER | Peru | Republic of Peru | Peruvian | Lima |
PHL | Philippines; The Philippines | Republic of the Philippines | Filipino{language}; Filipina; Philippine= | Manila |
PLW | Palau | Republic of Palau | Palauan | Ngerulmud; Melekeok{historical} |
PNG | Papua New Guinea; PNG | Independent State of Papua New Guinea | Papua New Guinean; Papuan | Port Moresby |
POL | Poland | Republic of Poland | Polish={language}; Pole/Poles{ambiguous:POL|word} | Warsaw |
PRI | Puerto Rico | Commonwealth of Puerto Rico | Puerto Rican | San Juan |
PRK | North Korea; Korea{ambiguous:KOR|PRK;usual=KOR}; DPRK | Democratic People's Republic of Korea; Hermit Kingdom | North Korean; Korean{ambiguous:KOR|PRK;language;usual=KOR} | Pyongyang |
PRT | Portugal | Portuguese Republic | Portuguese{language} | Lisbon | Luso-
PRY | Paraguay | Republic of Paraguay | Paraguayan | Asunción; Asuncion |
PSE | Palestine; State of Palestine; Palestinian Territories; Occupied Palestinian Territory | | Palestinian | Ramallah; East Jerusalem |
PYF | French Polynesia | | French Polynesian | Papeete |
QAT | Qatar | State of Qatar | Qatari | Doha |
REU | Réunion; Reunion; La Réunion | | Réunionese; Reunionese | Saint-Denis{ambiguous:REU|city} |
ROU | Romania | | Romanian{language} | Bucharest |
RUS | Russia | Russian Federation | Russian{language} | Moscow | Russo-
RWA | Rwanda | Republic of Rwanda | Rwandan; Rwandese | Kigali |
SAU | Saudi Arabia | Kingdom of Saudi Arabia | Saudi; Saudi Arabian | Riyadh |
SDN | Sudan; The Sudan | Republic of the Sudan | Sudanese | Khartoum |
SEN | Senegal | Republic of Senegal | Senegalese | Dakar |
SGP | Singapore | Republic of Singapore; Lion City | Singaporean | Singapore |
SGS | South Georgia and the South Sandwich Islands | | | King Edward Point |
SHN | Saint Helena; St Helena | | Saint Helenian | Jamestown |
SJM | Svalbard and Jan Mayen; Svalbard | | | Longyearbyen |
SLB | Solomon Islands | | Solomon Islander | Honiara |
SLE | Sierra Leone | Republic of Sierra Leone | Sierra Leonean | Freetown |
SLV | El Salvador | Republic of El Salvador | Salvadoran; Salvadorian | San Salvador |
SMR | San Marino | Republic of San Marino | Sammarinese; San Marinese | San Marino; City of San Marino |
SOM | Somalia | Federal Republic of Somalia | Somali{language}; Somalian | Mogadishu |
SPM | Saint Pierre and Miquelon | | Saint-Pierrais= | Saint-Pierre{ambiguous:SPM|city} |
SRB | Serbia | Republic of Serbia | Serbian{language}; Serb | Belgrade | Serbo-
SSD | South Sudan | Republic of South Sudan | South Sudanese | Juba |
STP | Sao Tome and Principe; São Tomé and Príncipe | Democratic Republic of São Tomé and Príncipe | Santomean; São Toméan | São Tomé; Sao Tome |
SUR | Suriname; Surinam | Republic of Suriname | Surinamese; Surinamer | Paramaribo |
SVK | Slovakia | Slovak Republic | Slovak{language}; Slovakian | Bratislava |
SVN | Slovenia | Republic of Slovenia | Slovenian{language}; Slovene | Ljubljana |
SWE | Sweden | Kingdom of Sweden | Swedish={language}; Swede | Stockholm |
SWZ | Eswatini; Swaziland{historical} | Kingdom of Eswatini | Swazi | Mbabane; Lobamba |
SXM | Sint Maarten | | Sint Maartener | Philipsburg |
SYC | Seychelles | Republic of Seychelles | Seychellois= | Victoria{ambiguous:SYC|person} |
SYR | Syria | Syrian Arab Republic | Syrian | Damascus |
TCA | Turks and Caicos Islands | | Turks and Caicos Islander | Cockburn Town |
TCD | Chad{ambiguous:TCD|person} | Republic of Chad | Chadian | N'Djamena; Ndjamena |
TGO | Togo | Togolese Republic | Togolese | Lomé; Lome |
THA | Thailand; Siam{historical} | Kingdom of Thailand | Thai{language} | Bangkok |
TJK | Tajikistan | Republic of Tajikistan | Tajik{language}; Tajikistani | Dushanbe |
TKL | Tokelau | | Tokelauan | |
TKM | Turkmenistan | | Turkmen={language}; Turkmenistani | Ashgabat |
TLS | Timor-Leste; East Timor | Democratic Republic of Timor-Leste | Timorese; East Timorese | Dili |
TON | Tonga | Kingdom of Tonga | Tongan | Nuku'alofa |
TTO | Trinidad and Tobago | Republic of Trinidad and Tobago | Trinidadian; Tobagonian | Port of Spain |
TUN | Tunisia | Republic of Tunisia | Tunisian | Tunis |
TUR | Türkiye; Turkey{ambiguous:TUR|word}; Turkiye | Republic of Türkiye; Republic of Turkey | Turkish={language}; Turk | Ankara | Turco-
TUV | Tuvalu | | Tuvaluan | Funafuti |
TWN | Taiwan | Republic of China{ambiguous:TWN|CHN} | Taiwanese | Taipei |
TZA | Tanzania | United Republic of Tanzania | Tanzanian | Dodoma; Dar es Salaam |
UGA | Uganda | Republic of Uganda | Ugandan | Kampala |
UKR | Ukraine | | Ukrainian{language} | Kyiv; Kiev |
UMI | United States Minor Outlying Islands | | | |
URY | Uruguay | Oriental Republic of Uruguay | Uruguayan | Montevideo |
USA | United States; US{ambiguous:USA|word}; U.S.; USA; U.S.A.; America{ambiguous:USA|continent} | United States of America | American{ambiguous:USA|continent} | Washington; Washington, D.C.; Washington DC |
UZB | Uzbekistan | Republic of Uzbekistan | Uzbek{language}; Uzbekistani | Tashkent |
VAT | Vatican; Holy See; Vatican City | Vatican City State | | Vatican City |
VCT | Saint Vincent and the Grenadines; St Vincent and the Grenadines | | Vincentian | Kingstown |
VEN | Venezuela | Bolivarian Republic of Venezuela | Venezuelan | Caracas |
VGB | British Virgin Islands | | British Virgin Islander | Road Town |
VIR | United States Virgin Islands; US Virgin Islands; U.S. Virgin Islands | | U.S. Virgin Islander | Charlotte Amalie |
VNM | Vietnam; Viet Nam | Socialist Republic of Vietnam; Socialist Republic of Viet Nam | Vietnamese{language} | Hanoi |
VUT | Vanuatu | Republic of Vanuatu | Ni-Vanuatu=; Vanuatuan | Port Vila |
WLF | Wallis and Futuna | | Wallisian; Futunan | Mata-Utu |
WSM | Samoa | Independent State of Samoa | Samoan{language} | Apia |
YEM | Yemen | Republic of Yemen | Yemeni | Sanaa; Sana'a |
ZAF | South Africa | Republic of South Africa; Rainbow Nation | South African | Pretoria; Cape Town; Bloemfontein |
ZMB | Zambia | Republic of Zambia | Zambian | Lusaka |
ZWE | Zimbabwe; Rhodesia{historical} | Republic of Zimbabwe | Zimbabwean; Rhodesian{historical} | Harare |
XKX | Kosovo | Republic of Kosovo | Kosovar; Kosovan | Pristina; Prishtina |
SUN | Soviet Union; USSR; former Soviet Union | Union of Soviet Socialist Republics | Soviet | |
YUG | Yugoslavia; former Yugoslavia | Socialist Federal Republic of Yugoslavia; Federal Republic of Yugoslavia | Yugoslav; Yugoslavian | |
CSK | Czechoslovakia | Czechoslovak Socialist Republic | Czechoslovak; Czechoslovakian | |
DDR | East Germany; GDR | German Democratic Republic | East German | East Berlin |
VDR | North Vietnam | Democratic Republic of Vietnam | North Vietnamese | |
SCG | Serbia and Montenegro | State Union of Serbia and Montenegro | | |
"""

EXTRA = {"fr": FR_EXTRA, "en": EN_EXTRA}

# ---------------------------------------------------------------------------------------------
# Parsing of the curated sections
# ---------------------------------------------------------------------------------------------

_FIELDS = ("name", "long_name", "demonym", "capital", "prefix_adj")


def _split_outside_braces(text: str, sep: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def _item(raw: str) -> tuple[str, list[str]]:
    """'coréen{ambiguous:KOR|PRK;language}' -> ('coréen', ['ambiguous:KOR|PRK', 'language'])"""
    raw = raw.strip()
    m = re.fullmatch(r"(.*?)\{(.*)\}", raw)
    if not m:
        return raw, []
    return m.group(1).strip(), [f.strip() for f in m.group(2).split(";") if f.strip()]


def parse_extra(text: str) -> "OrderedDict[str, dict[str, list[tuple[str, list[str]]]]]":
    out: OrderedDict[str, dict[str, list[tuple[str, list[str]]]]] = OrderedDict()
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cols = [c.strip() for c in _split_outside_braces(line, "|")]
        if len(cols) != 1 + len(_FIELDS):
            raise ValueError(f"extra line {lineno}: expected {1 + len(_FIELDS)} fields: {line!r}")
        code, rest = cols[0], cols[1:]
        if code in out:
            raise ValueError(f"extra line {lineno}: duplicate code {code}")
        out[code] = {
            field: [_item(x) for x in _split_outside_braces(col, ";") if x.strip()]
            for field, col in zip(_FIELDS, rest)
        }
    return out


# ---------------------------------------------------------------------------------------------
# Inflection of demonyms
# ---------------------------------------------------------------------------------------------


def inflect_fr(masc: str) -> list[str]:
    """All gender/number forms of a regular French demonym, masculine singular first."""
    if "/" in masc:
        return [f.strip() for f in masc.split("/") if f.strip()]
    if masc.endswith("e") and not masc.endswith("é"):
        return [masc, masc + "s"]  # russe, russes (feminine identical)
    if masc[-1] in "sxz":
        return [masc, masc + "e", masc + "es"]  # français(e)(s): masc. plural identical
    if masc.endswith("en"):
        return [masc, masc + "ne", masc + "s", masc + "nes"]  # vietnamien(ne)(s)
    return [masc, masc + "e", masc + "s", masc + "es"]  # américain(e)(s), kazakh(e)(s), azéri(e)(s)


def inflect_en(word: str) -> list[str]:
    """English demonym: the adjective/singular noun and its plural noun."""
    if "/" in word:
        return [f.strip() for f in word.split("/") if f.strip()]
    if word.endswith("="):
        return [word[:-1]]
    if word.endswith(("ese", "ish", "ss")):
        return [word]  # Chinese, British, Swiss
    return [word, word + "s"]


INFLECT = {"fr": inflect_fr, "en": inflect_en}

# ---------------------------------------------------------------------------------------------
# Source forms
# ---------------------------------------------------------------------------------------------


def normalise(form: str) -> str:
    form = unicodedata.normalize("NFC", form)
    form = form.replace("\u2019", "'").replace("\u02bc", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", form).strip()


_TRAILING_PREP = re.compile(r"(?:\b(?:de la|de l'|de|du|des|of|of the)|\bd')$")


def uninvert(form: str) -> str:
    """'Russie, Fédération de' -> 'Fédération de Russie'; 'Syrienne, République arabe' ->
    'République arabe syrienne'; 'Salomon, Îles' -> 'Îles Salomon'. Forms whose comma is part of
    the name ('Bonaire, Saint-Eustache et Saba') are returned unchanged."""
    if form.count(",") != 1:
        return form
    head, tail = (p.strip() for p in form.split(","))
    if not tail:
        return form
    tail = tail[0].upper() + tail[1:]
    if _TRAILING_PREP.search(tail):
        return f"{tail}{head}" if tail.endswith("'") else f"{tail} {head}"
    if tail.startswith(("Île", "Îles")):
        return f"{tail} {head}"
    if tail.startswith(("République", "Republic")):
        # the head is an adjective here: "Lao", "Syrienne"
        return f"{tail} {head.lower()}"
    return form


def strip_leading_article(form: str) -> str:
    for art in ("L'", "the "):
        if form.startswith(art) and len(form) > len(art):
            rest = form[len(art):]
            return rest[0].upper() + rest[1:]
    return form


def is_political(form: str, lang: str) -> bool:
    return bool(POLITICAL_WORDS[lang].search(form))


def fix_source(form: str, lang: str) -> list[str]:
    form = normalise(form)
    if form in SOURCE_FIXES[lang]:
        return [normalise(f) for f in SOURCE_FIXES[lang][form]]
    form = form.replace(" - ", "-")
    return [strip_leading_article(uninvert(form))]


def source_forms(lang: str) -> "OrderedDict[str, list[tuple[str, str]]]":
    """code -> [(type, form), ...] from CLDR (Babel) then pycountry."""
    out: OrderedDict[str, list[tuple[str, str]]] = OrderedDict()
    cldr = Locale(lang).territories
    tr = (gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
          if lang != "en" else (lambda s: s))
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        rows: list[tuple[str, str]] = []
        cldr_names = fix_source(cldr[c.alpha_2], lang) if c.alpha_2 in cldr else []
        rows += [("name", f) for f in cldr_names]
        for attr in ("name", "common_name", "official_name"):
            raw = getattr(c, attr, None)
            if not raw:
                continue
            for f in fix_source(tr(raw), lang):
                if attr == "official_name" or (is_political(f, lang) and f not in cldr_names):
                    rows.append(("long_name", f))
                else:
                    rows.append(("name", f))
        out[c.alpha_3] = rows
    for cldr_code, code in CLDR_EXTRA.items():
        if cldr_code in cldr:
            out[code] = [("name", f) for f in fix_source(cldr[cldr_code], lang)]
    return out


# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------


def _strip_initial_accent(form: str) -> str | None:
    """'Égypte' -> 'Egypte' (French press often drops accents on capitals)."""
    first = form[0]
    base = unicodedata.normalize("NFD", first)[0]
    if base != first and base.isupper():
        return base + form[1:]
    return None


def _add(rows: "OrderedDict[tuple[str, str, str], list[str]]", key, notes: list[str]) -> None:
    if key not in rows:
        rows[key] = []
    for n in notes:
        if n not in rows[key]:
            rows[key].append(n)


def build_rows(lang: str) -> list[tuple[str, str, str, str]]:
    extra = parse_extra(EXTRA[lang])
    sources = source_forms(lang)
    valid = {c.alpha_3 for c in pycountry.countries} | set(EXTRA_CODES)
    unknown = set(extra) - valid
    if unknown:
        raise ValueError(f"{lang}: unknown codes in extra data: {sorted(unknown)}")
    inflect = INFLECT[lang]

    codes = sorted(set(sources) | set(extra))
    out: list[tuple[str, str, str, str]] = []
    for code in codes:
        rows: OrderedDict[tuple[str, str, str], list[str]] = OrderedDict()
        ex = extra.get(code, {})
        # curated forms first: they fix the order (first name = preferred display name)
        for field in _FIELDS:
            for form, notes in ex.get(field, []):
                form = normalise(form)
                if field == "demonym":
                    forms = inflect(form)
                    for i, f in enumerate(forms):
                        fnotes = [n for n in notes if n != "language" or i == 0]
                        _add(rows, (code, field, normalise(f)), fnotes)
                else:
                    _add(rows, (code, field, form), notes)
        for typ, form in sources.get(code, []):
            _add(rows, (code, typ, form), [])
        # accent-less capital initial (É -> E, Î -> I, Å -> A) for names, long names, capitals
        for (c, typ, form), notes in list(rows.items()):
            if typ in ("name", "long_name", "capital"):
                plain = _strip_initial_accent(form)
                if plain:
                    _add(rows, (c, typ, plain), notes)
        # a form that is a short name is not also listed as a long name
        names = {f for (_, t, f) in rows if t == "name"}
        for key in [k for k in rows if k[1] == "long_name" and k[2] in names]:
            del rows[key]
        if code in HISTORICAL_CODES:
            for notes in rows.values():
                if "historical" not in notes:
                    notes.append("historical")
        for t in TYPES:
            for (c, typ, form), notes in rows.items():
                if typ == t:
                    out.append((c, typ, form, ";".join(notes)))
    return out


def render(lang: str) -> str:
    rows = build_rows(lang)
    header = [
        f"# communique country lexicon, language: {lang}",
        "# GENERATED by scripts/build_country_lexicon.py: do not edit by hand, edit the script's "
        f"{lang.upper()}_EXTRA data and re-run it",
        f"# sources: pycountry {version('pycountry')} (ISO 3166-1 and 3166-3, translations from Debian "
        "iso-codes; LGPL-2.1-or-later data)",
        f"#          Unicode CLDR {get_cldr_version()} territory names via Babel {version('babel')} "
        "(Unicode License v3)",
        f"#          hand curation, communique project (MIT), as of {CURATED_ON}",
        "# columns: code (ISO 3166-1 alpha-3, ISO 3166-3 for former states, XKX Kosovo), "
        "type (name|long_name|demonym|capital|prefix_adj), form (case-sensitive, apostrophe U+0027), "
        "note (empty or ';'-joined flags: ambiguous:A|B, language, historical)",
        "code\ttype\tform\tnote",
    ]
    body = ["\t".join(r) for r in rows]
    for line in body:
        if line.count("\t") != 3:
            raise ValueError(f"bad row {line!r}")
    return "\n".join(header + body) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a committed file is out of date")
    ap.add_argument("--out", type=Path, default=LANG_DIR, help="lang directory (default: %(default)s)")
    args = ap.parse_args(argv)
    status = 0
    for lang in LANGS:
        text = render(lang)
        path = args.out / lang / "countries.tsv"
        if args.check:
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current != text:
                print(f"{path}: out of date, run scripts/build_country_lexicon.py", file=sys.stderr)
                status = 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({text.count(chr(10)) - 7} rows)")
    return status


if __name__ == "__main__":
    sys.exit(main())
