"""Quality of the names an article page lists ("Names in the text": ``SourcesResult.entities``) on the
hand-annotated set.

    .venv/bin/python bench/entities.py [--data tests/data/entities_eval.jsonl] [--prefix e-] [--errors]

Each line of the data file is ``{"id", "text", "entities": [{start, end, label}]}``: every mention of a
person, organisation, place or group the text names, with ``str`` offsets (end exclusive) and one of
propscope's labels (``ENTITY_LABELS``): PERSON, ORG, GPE (countries, cities, regions that govern
themselves), LOC (rivers, seas, mountains, deserts, valleys), NORP (nationalities, faiths, ethnic and
political groups: "Kurdish", "Sunni", "Democrats") and FAC (bridges, airports, stadiums, streets). A
mention leaves out a leading article, a possessive "'s" and a title ("Mayor Ilse Brandauer" ->
"Ilse Brandauer"); a party, ministry or company named as a body is ORG. Not names: capitalised
sentence starts and headline words, "Breaking", weekdays, words in shouted capitals, titles alone,
diseases ("Covid").

Matching rule: a predicted mention matches a gold one when the two spans overlap by at least half the
length of the longer of the two, whatever their labels; each gold mention is matched at most once
(greedy, largest overlap first). Overall precision = matched predictions / predictions, recall =
matched gold / gold. Label accuracy = matched pairs whose labels agree / matched pairs, where GPE and
LOC count as one label, "place", because the page shows both as "place". Per label (PERSON, ORG,
place, NORP, FAC): a prediction with that label is right when it matches a gold mention that has it.

The batch ``e-`` (52 texts, 190 gold mentions: wire copy with datelines in capitals, partisan blogs, state
media, local news, sports, business and science, with invented names) was written and committed
(946a591) before this bench was run on it, and measured once, before any rule was changed for it::

    52 texts, 190 gold mentions, 3.66s for extract_batch
    label         P      R     F1   pred gold
    all       0.966  0.889  0.926    175  190
    PERSON    0.564  0.815  0.667     39   27
    ORG       0.769  0.781  0.775     65   64
    place     0.854  0.577  0.689     48   71
    NORP      0.867  0.684  0.765     15   19
    FAC       0.875  0.778  0.824      8    9
    label accuracy on matched spans 0.787 (169 matched)

Its misses: dateline cities in capitals read as organisations or left out and the wire's name left out,
rivers, seas and towns read as organisations or people ('the Tessel river', 'near Oberkamm, a
village'), companies read as people ('Helix Pharma'), people read as organisations or places ('Rovena
coach Ines Okafor'), groups read as people ('the Vardi minority'), shouted words ('AGAIN') and
sentence-start words ('Army', 'Supreme') read as organisations. After the rules in
``propscope.sources.model`` (``_names``: datelines, natural features, region and group nouns, words
only bodies have, roles, place nouns and prepositions, shouted adverbs, one label per name), the same
set (no longer unseen)::

    52 texts, 190 gold mentions, 2.57s for extract_batch
    label         P      R     F1   pred gold
    all       0.983  0.937  0.960    181  190
    PERSON    0.767  0.852  0.807     30   27
    ORG       0.864  0.891  0.877     66   64
    place     0.950  0.803  0.870     60   71
    NORP      0.941  0.842  0.889     17   19
    FAC       0.875  0.778  0.824      8    9
    label accuracy on matched spans 0.899 (178 matched)

Still wrong: 'Army' and 'Supreme' at a sentence's start, 'GLOBALISTS', the headline's 'VALDORIA' and
'Kovac', 'BELLAPUR:' (a caps-colon dateline), unknown places with no telling word ('Grauhorn',
'Sahel', 'Lower Amsel', 'its neighbour Kesh'), 'Green Dawn party', "Farmers' Front", 'Clean Water Now',
and 'Port of Galveston' read as a place. On the first 150 PTC train
articles the rules relabelled 14 mentions and added 25 (mostly bodies' names ending in 'Council', 'Society',
'Committee', and datelines' agencies), removing none; read by hand, all looked right but 'Paul Valley'
(a place?) and 'County Party' (cut).

Then a one-word name that opens a body's longer name in the text became that body ('Fenwick' after
'Fenwick Bank')::

    52 texts, 190 gold mentions, 1.70s for extract_batch
    label         P      R     F1   pred gold
    all       0.983  0.937  0.960    181  190
    PERSON    0.793  0.852  0.821     29   27
    ORG       0.866  0.906  0.885     67   64
    place     0.950  0.803  0.870     60   71
    NORP      0.941  0.842  0.889     17   19
    FAC       0.875  0.778  0.824      8    9
    label accuracy on matched spans 0.904 (178 matched)

The batch ``f-`` (56 texts, 241 gold mentions) was written and committed alone (812fc0b) before propscope was
run on it: wire copy with datelines (capitals, capitals and a colon, 'MOSCOW, July 4. /TASS/.', 'Tehran, IRNA
--'), state media (RT, Sputnik, the Global Times, the Kremlin), partisan blogs with shouted capitals, local
news, sports, business, science, courts and translated English; titles before names ('Gen.', 'Col.',
'Sheriff', 'Justice'), Chinese, Arabic, Slavic, African and Indian names, acronym bodies (FIFA, UNHCR, an
invented CODEP), title-case and capitals headlines, sentence-start common words ('Turkey prices',
'Justice delayed'), rivers, passes, creeks, streets, airports, parties ('the Silver Birch party', "Citizens'
Shield") and 'Port of X'. Measured once before any rule was changed for it (``.venv/bin/python
bench/entities.py --prefix f- --errors``, rules of 812fc0b)::

    56 texts, 241 gold mentions, 6.50s for extract_batch
    label         P      R     F1   pred gold
    all       0.968  0.880  0.922    219  241
    PERSON    0.726  0.918  0.811     62   49
    ORG       0.778  0.685  0.728     81   92
    place     0.915  0.750  0.824     59   72
    NORP      0.900  0.562  0.692     10   16
    FAC       0.714  0.417  0.526      7   12
    label accuracy on matched spans 0.830 (212 matched)

Its misses: names after a title left out or cut ('Gen. X Y', 'Col. X Y' -> 'Y', 'Sheriff X Y' as a body);
capitals-and-colon datelines ('RAVIPUR:', 'CHENNAI:'); facilities read as people or bodies or left out
('Harrow Lane', 'Pine Street', 'Rue Lamartine', 'X International Airport', 'Estadio X'); 'Port of X' read as
a place or left out; bodies with words the rules did not know (Forum, Shipping, Agro, Textiles, Court,
Gazette) or an appositive saying what they are ('Ellison Harper, the software firm'); people's adjectives
and groups read as places, bodies or people ('Ukrainian nationalists' GPE, 'the Sri Lankan navy' ORG,
'Tamil fishermen', 'Sikh pilgrims', 'Tavridan peoples'); 'River X' left out; towns after 'near' kept as
people because ', the General Staff said' read as a role or a headline's 'Floods Hit X' as a person;
sentence-start and shouted common words ('Justice', 'Customs', 'NOBODY'); a surname in a capitals headline
('TRAITOR KOSTA ...'). Fixed, each with tests in other words in ``tests/test_entities.py`` (b53a428, aa587a5,
ac4d0d5, b2bb1c6, 34fcd65, 78ac708, 7b61ea8, 2978bb6, ffbd02e), then limited after reading the changes on the first 150
PTC train articles (800caad: 'UN General Assembly', 'Chief Counsel', 'Prime Ministers X', 'Foreign
Intelligence Surveillance Act' had become people, 'the Guardian report' and 'CFIUS board' groups, 'U.S.
company' a body, 'Facebook: https://www.facebook.com' dropped). After (ffbd02e)::

    56 texts, 241 gold mentions, 1.68s for extract_batch
    label         P      R     F1   pred gold
    all       0.983  0.946  0.964    232  241
    PERSON    0.875  1.000  0.933     56   49
    ORG       0.882  0.815  0.847     85   92
    place     0.954  0.861  0.905     65   72
    NORP      0.933  0.875  0.903     15   16
    FAC       0.909  0.833  0.870     11   12
    label accuracy on matched spans 0.921 (228 matched)

The ``e-`` batch went from F1 0.960 / label accuracy 0.904 to F1 0.968 / 0.934 ('BELLAPUR:', 'VALDORIA',
'Green Dawn party', 'Ukrainian drones', 'Yazuri farmers' now right); technique targets
(``bench/sources.py --prefix NONE --targets-prefix f-`` and the whole targets file, one tree with and
without these rules) are unchanged: f- P 0.957 R 0.846, all P 0.935 R 0.855, and so are the attributions
(``--targets-prefix NONE``: source 1.000 / 0.999, content exact 0.996 / 0.995). On the 150 PTC articles the
final rules change 39 mentions (22 relabelled, 10 dropped, 7 added, three of them 'Lake City Army Ammunition
Plant in Independence' split into the plant and its town), read by hand: all right ('Officer Amber
Guyger' and 'Guyger' a person, 'Guatemalan officials' and 'Houthi rebels' groups, 'Rosatom group' and
'the Herald' bodies, 'Las Vegas Boulevard' a facility, 'River Thames' a place, 'Court documents', 'Time
will tell', 'Ransom payments' no names) but 'Sanctions' cut from 'Boycott, Divestment and Sanctions
movement'. Still wrong: 'Sarju Nadi' (an Indian river), 'Dnipro' over a bridge (a FAC), 'Anandpur Titans',
'Sporting Lisboa', 'Galatasaray' (clubs read as places or people), 'Borenia' (a body), churches as buildings
read as bodies ("St Brigid's Church", split from its 'Church'), 'Sri Venkateswara Textiles' (a body's word
does not overrule the model's place), 'Kolesnikov' split from his name after 'Mister', 'WHO:' over a
headline and 'the General Staff' (left out), 'Fjordmind', 'Huanyu Battery',
'Rashtriya Jan Morcha', "Workers' Voice", 'Dollar General' (bodies with no telling word), 'CODEP' and 'ORTK'
(acronyms the model leaves out), 'the Osari' (a group read as a person), 'Turkey prices', 'X' (the
platform), 'TASS' in '/TASS/.' (one token with its slashes), 'Lwanda' in 'Kasemba and Lwanda districts',
places after 'in' read as bodies ('Saltby', 'Dellridge', 'MILLBURY', 'Kartarpur': on the PTC articles
a one-word body after 'in' is mostly a body, 'Congress' eight times), 'Rotary Club of Ashcombe' cut
before 'of', 'the Wenlow' (a river with no telling word) and the headline's 'Verrano' (the model's 'Floods
Hit Verrano' cut to a person).

The batch ``g-`` (60 texts, 254 gold mentions) was written and committed alone (440b1a2) before propscope was
run on it: bodies named with no telling word (Hamas, Wagner, Azov, Hezbollah), sports clubs (Arsenal, Real
Madrid, Benfica, 'the Celtics beat the Lakers 112-104', invented 'Dynamo Kresnik'), acronyms (NATO, IAEA,
OSCE, FSB, SBU, ECOWAS, JNIM, UNICEF, RAF), one-word places after 'in' and 'from', X the platform beside the
letter ('mark an X'), outlets (RT, Sputnik, Al Jazeera, Breitbart, the Global Times, 'the journal Nature'),
titles before names, names in capitals headlines, possessives ("Trump's", "Apple's"), Chinese, Arabic,
Slavic, African and Indian names, ministries, and the Kremlin, the Pentagon, the White House and Downing
Street as bodies (ORG, as 'Kremlin' in f-), and negatives (months, weekdays, sentence-start common words, a
title-case headline). Measured once before any rule was changed for it (``.venv/bin/python bench/entities.py
--prefix g- --errors``, rules of 440b1a2)::

    60 texts, 254 gold mentions, 1.80s for extract_batch
    label         P      R     F1   pred gold
    all       0.964  0.937  0.950    247  254
    PERSON    0.810  0.959  0.879     58   49
    ORG       0.841  0.750  0.793     82   92
    place     0.887  0.829  0.857     71   76
    NORP      0.929  0.929  0.929     28   28
    FAC       0.875  0.778  0.824      8    9
    label accuracy on matched spans 0.891 (238 matched)

Its misses: clubs read as places or people or left out ('Manchester City', 'Liverpool', 'Real Madrid', 'Dynamo
Kresnik', 'Arsenal', 'Ajax', 'Celtics', 'Lakers 112-104' as a law), grounds as towns ('at Anfield', 'the
Emirates'); acronyms the model leaves out ('IAEA inspectors', 'JNIM fighters', 'UNICEF' beside 'the WHO',
'ECOWAS'); 'X' the platform left out; 'Downing Street said' as a street; portfolio words before a title read
as bodies or places ('Defense Secretary', 'Commerce Minister', 'Home Secretary' twice); 'the defence
ministry' in lower case as a body; towns read as people, bodies or a people ('Orbana' beside 'Velsk',
'Enerhodar' after 'the plant at', 'Willesborough' after 'residents of', 'Belgorod' after 'in', 'Khan Younis',
'Kiryat Shmona', 'Lossiemouth', 'El Fasher', "Cox's Bazar", 'Mariupol'); 'the Danube' a person; 'Bangladeshi
officials' and 'Burkinabe troops' people; 'the journal Nature' left out; 'MOSCOW' in a capitals headline left
out; "Trump's" and "Biden's" read as bodies. Fixed, with tests in other words in ``tests/test_entities.py``
(c230a6e), then limited after reading the changes on the first 150 PTC train articles ('the Jews of Israel' and
'riled up the Democrats' had become rivers, 'Hezbollah' a place beside 'Yemen and', 'Anita Snow in Phoenix' a
place, 'weekly Bible class' an outlet, 'One of the ...' a body, 'Real Poles' a club, '10-15 people' a
match). After (c230a6e)::

    60 texts, 254 gold mentions, 2.80s for extract_batch
    label         P      R     F1   pred gold
    all       0.984  0.980  0.982    253  254
    PERSON    0.940  0.959  0.949     50   49
    ORG       0.904  0.924  0.914     94   92
    place     0.986  0.921  0.952     71   76
    NORP      0.966  1.000  0.982     29   28
    FAC       1.000  1.000  1.000      9    9
    label accuracy on matched spans 0.960 (249 matched)

The ``f-`` batch stays at F1 0.964 (label accuracy 0.921 -> 0.930: 'Anandpur Titans', 'Sporting Lisboa' now
clubs), ``e-`` at F1 0.968 (0.934 -> 0.950: 'Atletico Sandor', 'Ibrox', 'the Sahel'; 'Norway beat Brazil 2-0'
keeps its two countries), the whole file goes from F1 0.960 / 0.913 to 0.972 / 0.947. Attributions
(``bench/sources.py``, one tree with and without these rules) are unchanged (source P 1.000 R 0.993), and so
are the technique targets' figures (P 0.935 R 0.855): 'a lazy prima donna' no longer targets 'donna', but
'Orlov Caves to Beijing Again' now targets 'Beijing' (the headline's place is kept as a name). On the 150 PTC
articles the rules change 78 mentions, read by hand: 50 dropped are all words in lower case ('communists',
'marijuana', 'lone wolf', 'n’t'), the added and relabelled are right ('ICE officials', 'IRGC', 'KKK', 'IFRC',
'CFIUS', 'news agency TT', 'Il Fatto Quotidiano', 'The Final Call', 'China' and 'Latvia' in headline-case
lines) but 'Broken windows' (a caption's 'Broken', a person before, a group now). Still wrong: "Trump's" and
"Biden's" as bodies (a possessive before 'lawyers' or 'campaign' says nothing a company cannot have),
'Benfica' and 'Bluesky' as people (people keep their label in a match: 'Sinner beat Alcaraz'), 'Threads',
'Azov', 'ECOWAS crisis' and 'RAF Typhoon' (no member noun after them), 'Météo-France' split at its hyphen,
towns the model calls bodies after 'in', 'from' or a verb ("Cox's Bazar", 'Lossiemouth', 'El Fasher',
'Mariupol' after 'the fall of', 'Djibo'), 'Kiryat Shmona' after 'fired rockets at', 'Junta leader' and
'neo-Nazi' as a group.

The batch ``h-`` (60 texts, 291 gold mentions) was written and committed alone (7152044) before propscope was
run on it: possessives of people and places ("Trump's tariffs", "Modi's office", "Lula's Workers' Party", "MILEI'S
CHAINSAW"), clubs (Benfica, Porto, Sporting, Kaizer Chiefs, 'River Plate', an invented 'Vardar Wolves'), platforms
(Bluesky, Threads, Mastodon, Weibo, Truth Social, Meta), bodies named like people or products (John Lewis, Wendy's,
Chipotle, McLaren, Unite), hyphenated agencies, firms and militias (Météo-France, Hydro-Québec, Radio-Canada,
Ouest-France, Rolls-Royce, Al-Shabaab, 'Ahlu Sunna Wal-Jamaa'), armed groups (Fano, M23, Kataib Hezbollah, Jaish
al-Adl, the Proud Boys, the Arakan Army), towns after 'in', 'near', 'toward', 'from', 'residents of' (Tyldesley,
Selydove, Pithampur, Sake, Roscoff, Argamasilla de Alba), acronyms (SNCF, ADNOC, DPR, JAXA, CERN, AfD, PiS, 'WHO:'
over a headline), peoples and faiths (Druze, Alawite, Sikh, Uyghur, Rohingya), Title Case and capitals headlines,
posts, op-eds, partisan blogs and wire copy from many countries. Measured once before any rule was changed for it
(``.venv/bin/python bench/entities.py --prefix h- --errors``, rules of 7152044)::

    60 texts, 291 gold mentions, 3.48s for extract_batch
    label         P      R     F1   pred gold
    all       0.970  0.893  0.930    268  291
    PERSON    0.689  0.824  0.750     61   51
    ORG       0.821  0.616  0.704     84  112
    place     0.869  0.843  0.856     99  102
    NORP      0.933  0.737  0.824     15   19
    FAC       0.778  1.000  0.875      9    7
    label accuracy on matched spans 0.838 (260 matched)

Its misses: possessives of people read as bodies or places ("Trump's", "Carney's government", "Modi's office",
"Björn Höcke's party", 'Lula' inside "Lula's Workers' Party"); platforms read as people or places (Bluesky, Meta,
Threads, Weibo) and 'Truth Social: the Fake News' run over a colon; clubs read as people or places (Benfica, Porto,
Sporting, 'Vardar Wolves', 'River Plate'), 'Chiefs' before 'coach' left out; 'Météo-France' split at its hyphen
into two places; towns read as bodies or facilities after 'in', 'toward', 'to' and 'of' ('Nîmes', 'Hasakah',
'Bahir Dar', 'Cherbourg', 'Castilla-La Mancha', 'Marseille' listed with Lyon), 'Roscoff' after 'the ferry from' a
person, 'Sake' left out; acronyms read as people or places or left out (JAXA, AfD, CERN, M23, SNCF, ADNOC, DPR, PiS,
'WHO:' over a headline); peoples read as people or bodies or left out (Sikh, Alawite, Uyghur, Druze, Rohingya);
'Jaish al-Adl', 'Kataib Hezbollah', 'Ahlu Sunna Wal-Jamaa' as people, 'Sinaloa Cartel' and 'Brittany Ferries' left
out; bodies named like people (John Lewis, Chipotle, Pfizer, McLaren). Fixed, with tests in other words in
``tests/test_entities.py`` (f4ea910), then limited after reading the changes on the first 100 PTC train articles
('toward God', 'charity toward Francis' and 'disposition toward Islam' had become places, and so had 'in Justice
Department custody', 'an article in Catholic World Report', 'in Contributions', 'in English Defence League rallies';
'JFK' a body, 'HANNITY:' a body, 'R-Iowa' and 'Kenya-Uganda' one name, headline words split into several names, a
possessive's label carried to a headline). After (f4ea910)::

    60 texts, 291 gold mentions, 8.22s for extract_batch
    label         P      R     F1   pred gold
    all       0.982  0.948  0.965    281  291
    PERSON    0.920  0.902  0.911     50   51
    ORG       0.971  0.884  0.925    102  112
    place     0.960  0.941  0.950    100  102
    NORP      0.950  1.000  0.974     20   19
    FAC       0.778  1.000  0.875      9    7
    label accuracy on matched spans 0.967 (276 matched)

``g-`` goes from F1 0.982 / label accuracy 0.960 to 0.986 / 0.980 ('Benfica', 'Bluesky', 'Threads', 'Météo-France',
'Mariupol', 'El Fasher' now right), ``f-`` from 0.964 / 0.930 to 0.966 / 0.943 ('WHO:' over a headline, 'Saltby',
'Dellridge', 'Verrano'), ``e-`` from 0.968 / 0.950 to 0.968 / 0.956 ('Velmar'), the whole file (228 texts, 976
mentions) from 0.960 / 0.916 to 0.971 / 0.963. Attributions and targets: see docs/sources.md (measured on one tree
with and without these rules). On the first 100 PTC train articles 45 articles change: 117 names added, 106 of them
capitals: initials a body's full name spells or the text repeats ('ICE' 33 times, 'AJHS', 'JVP', 'ODNI', 'IFRC', 'WHO', but
'JCPOA' 29 times, an agreement the model calls a body when written in full), 43 relabelled (right: 'Buenos Aires',
'Copenhagen', 'Malmö', 'Rome', 'Maldives', 'Madagascar' as places, 'Haley' a person from "Haley's speech", 'IRGC' a
body, 'Iranian', 'British', 'Russian' in headlines groups; wrong: 'AL' (Amoris Laetitia, which the model calls a
person) added or relabelled as a person, 'La Stampa' a place where the body calls it one), and 13 headline names cut
differently or dropped ('Jacob G. Hornberger' to 'Hornberger', 'Vegas Shooter’s Hotel Room' to 'Shooter').
Still wrong: "Carney's government" a place (a region's government is as likely), "Putin's" in a Title Case
headline and 'ARGENTINA' in a capitals one when the body does not name them, 'Pavlidis' in a headline, 'Roskomnadzor',
'Ukrenergo', 'Fano', 'Unite', 'Proud Boys', 'Reform UK' (left out or cut), 'John Lewis', 'Chipotle', 'Pfizer' as
people, 'River Plate' a river, 'Los Chapitos' a place, 'Laurentians' a people, 'Myrnohrad' after 'shelled' and
'Rochdale grooming gangs' facilities, 'TASS' in '/TASS/.', 'ROLLS-ROYCE' in a capitals headline, 'Congo' in a Title
Case headline, 'To Lam', 'Soros' in 'Soros-funded', 'VACCINES'/'LOCKDOWNS' shouted as bodies, 'Turnout' and
'Energy' capitalised common words.

The batch ``i-`` (60 texts, 259 gold mentions) was written and committed alone (80da2cf) before propscope was
run on it: bodies with no telling word (Roskomnadzor, Proud Boys, Ofcom, Frontex, Europol, Mossad, Shin Bet, UNRWA,
Gazprom, Komeito), firms named after people or like people (John Lewis, Pfizer, Ford, McDonald's, Dell, Barclays,
Hermès, Louis Vuitton, Goldman Sachs), headline names the text does not repeat ('Merz vows ...', 'Sánchez calls
...', 'ZELENSKY SLAMS ORBAN'), shouted words beside real bodies ('THE GLOBALISTS', 'DEEP STATE', 'WAKE UP
AMERICA!'), wire and press-release datelines ('MOSCOW, March 3. /TASS/.', 'BEIJING, June 9 (Xinhua) --', '/PRNewswire/
--', 'SAN JOSE, Calif.--(BUSINESS WIRE)--'), state and partisan media, sport, courts, science, and transliterated
Arabic, Chinese, Russian, Hindi, Korean, Japanese and Portuguese names. Measured once before any rule was changed
for it (``.venv/bin/python bench/entities.py --prefix i- --errors``, rules of 80da2cf)::

    60 texts, 259 gold mentions, 1.77s for extract_batch
    label         P      R     F1   pred gold
    all       0.983  0.896  0.937    236  259
    PERSON    0.881  0.843  0.861     67   70
    ORG       0.849  0.737  0.789     86   99
    place     0.957  0.944  0.950     70   71
    NORP      1.000  0.769  0.870     10   13
    FAC       1.000  0.500  0.667      3    6
    label accuracy on matched spans 0.914 (232 matched)

The whole file (288 texts, 1,235 mentions) measured 0.964 / 0.953 at the same time. Fixed (9533001, test in
``tests/test_entities.py``): two bodies' names the model runs into one over 'and' ('Amnesty International and Human
Rights Watch') are two bodies when each side is two or more capitalised words and the second ends in a body's
word. After (9533001)::

    60 texts, 259 gold mentions, 1.77s for extract_batch
    label         P      R     F1   pred gold
    all       0.987  0.903  0.944    237  259
    PERSON    0.881  0.843  0.861     67   70
    ORG       0.862  0.758  0.806     87   99
    place     0.957  0.944  0.950     70   71
    NORP      1.000  0.769  0.870     10   13
    FAC       1.000  0.500  0.667      3    6
    label accuracy on matched spans 0.915 (234 matched)

The whole file goes from 0.964 / 0.953 (1168 matched) to 0.966 / 0.953 (1170 matched), no other batch worse;
``bench/sources.py`` is the same with and without the rule (source, cue, content 1.000, content exact 0.998; targets
P 0.961 R 0.891). On the first 100 PTC train articles no name changed. Still wrong: bodies with no telling word
left out (Roskomnadzor, Proud Boys, Gazprom, USAID, Red Bull, Lakers, Médecins Sans Frontières, 'OPEC+') or read
as people (Houthis, Shin Bet, Cal Fire, Petrobras, McLaren) or a place (Komeito); firms named like people ('John
Lewis' a person, Pfizer, BioNTech, Cisco, Barclays, Waitrose left out); headline names ('Merz' left out, 'Sánchez' a
place, 'ZELENSKY' and 'ORBAN' dropped as shouted, and with them the body's 'Volodymyr Zelensky'); people after a
body or a possessive read as bodies ('Conservative MPs, Esther McVey and Philip Davies', "Akhilesh Yadav's", "Shigeru
Ishiba's", 'Giorgia Meloni', 'Nikola Jokić'); 'Spaniards' a person; natural features as bodies ('Sierra Nevada',
'Vaca Muerta', 'Shackleton'); 'Santiago Bernabéu' a person, 'Mar-a-Lago' left out, 'TurkStream' a body; the
agencies of 'MOSCOW, March 3. /TASS/.' (a period, not a dash, ends it), '/PRNewswire/' and
'Calif.--(BUSINESS WIRE)--' (the tokenizer keeps the slashes and dashes on the word, so the span does not fit);
'Goldman Sachs Healthcare Conference' read whole, 'Standard Model' and the ship 'Dali' as names.

17ae888 splits a slash before a capital or after a letter off its word and reads 'MOSCOW, March 3. /TASS/. ' as a
dateline: ``i-`` 0.944 -> 0.948 (label accuracy 0.915, 236 matched), ``e-`` 0.968 -> 0.971, ``f-`` 0.966 -> 0.968,
``h-`` 0.965 -> 0.967, ``g-`` unchanged, the whole file 0.966 -> 0.968 (0.953, 1,175 matched); ``bench/sources.py``
unchanged; on all 371 PTC train articles one name of 25,218 changes and no attribution or quote. 'Calif.--(BUSINESS
WIRE)--' is still missed.

The batch ``j-`` (63 texts, 271 gold mentions) was written and committed alone (e4edb11) before propscope was
run on it: wire and press-release datelines glued to their punctuation ('AUSTIN, Texas--(BUSINESS WIRE)--Oracle',
'DUBLIN--(BUSINESS WIRE)--', '/PRNewswire/ --', '(GLOBE NEWSWIRE) --', 'ST. PETERSBURG, June 6. /TASS/.', AP, AFP, UPI,
KCNA), state media (RT, CGTN, Press TV, teleSUR, Sputnik), partisan blogs with capitals headlines ('SOROS PUPPET
GASCÓN ...', 'PFIZER PAID CNN MILLIONS', 'TRUDEAU QUITS'), a Title Case headline, firms with no telling word or named
like people (Nvidia, Tesla, Temu, Morrisons, Kering, Gucci, Kenvue, Rosatom, Roscosmos, Philip Morris, John Deere,
Marks & Spencer), regional news (US, UK, India, Australia, Canada, Nigeria), natural features (Sierra Madre, Ben
Nevis, the Cairngorms, the Rhine), sport, and Vietnamese, Turkish, Polish, Burkinabe, Mexican, Brazilian, Syrian,
Japanese, Korean and Bengali names. Measured once before any rule was changed for it (``.venv/bin/python
bench/entities.py --prefix j- --errors``, rules of e4edb11)::

    63 texts, 271 gold mentions, 3.40s for extract_batch
    label         P      R     F1   pred gold
    all       0.975  0.856  0.912    238  271
    PERSON    0.785  0.773  0.779     65   66
    ORG       0.866  0.689  0.768     82  103
    place     0.947  0.826  0.882     75   86
    NORP      0.909  0.909  0.909     11   11
    FAC       0.800  0.800  0.800      5    5
    label accuracy on matched spans 0.892 (232 matched)

The whole file (351 texts, 1,506 mentions) measured 0.958 / 0.943 (1,407 matched) at the same time. Its misses:
the '--(BUSINESS WIRE)--' datelines (the tokenizer kept dashes and brackets on 'Texas--(BUSINESS' and
'WIRE)--Oracle'); the firm that opens a press release left out or read as a place (Moderna, Shopify, Oracle, Stripe,
'Cisco' in i-); one-word firms read as people (Temu twice, Morrisons, Kering, Gucci, Kenvue, Roscosmos, Ukrenergo)
or left out (Tesla, Rosatom, Ofgem, Rosneft, CGTN, teleSUR, Conafor) or a place (Nvidia); 'John Deere' a person;
people read as bodies or places ('Lars Klingbeil', 'Prabowo Subianto', 'Shigeru Ishiba', 'Mamata Banerjee',
'Matthieu Blazy', 'Safra Catz', 'Gustavo Petro', 'Gilberto Teodoro') or left out ('Recep Tayyip Erdoğan', 'Sanae
Takaichi', 'Novak Djokovic' cut to 'Novak', 'Jorginho from Arsenal' run together); capitals headline names the body
does not repeat ('SOROS', 'BRUSSELS', 'PFIZER', 'CNN', 'TRUDEAU', 'ICC') and all three of the Title Case headline's
('Orbán Blocks Ukraine Aid as Brussels Fumes'); natural features ('Sierra Madre' a body, 'Ben Nevis' a person, the
Cairngorms, the Highlands, the Rhine left out); towns left out or read as bodies (Quneitra, Marietta, Lismore,
Kurakhove); 'Mar-a-Lago' cut to 'Mar', 'Bayern Munich' a place, 'Hyundai' a people, 'FARMLAND' and 'Winds' as names.
Fixed (f900a59, tests in other words in ``tests/test_entities.py``): the tokenizer splits '--(' and ')--' so that
a dateline's place and newswire line up with words (a place's trailing dashes cut off); after a press-release
service's dateline (newswire, business wire, accesswire, prweb) the capitalised words that open the text before a
verb or 'today' are the issuing firm; a one-word name the model calls a person is a body when it is the subject of a
clause that goes on with 'its' or says 'it' and a modal ('Temu said it would appeal'), unless the text names a
longer person with that word, a title precedes it or its sentence has 'he', 'she', 'his' or 'her'; 'Sierra' and
'Cordillera' open a natural feature's name (also after 'the'), unless the gazetteer knows the name as a place
('Sierra Leone'). After (f900a59)::

    63 texts, 271 gold mentions, 1.63s for extract_batch
    label         P      R     F1   pred gold
    all       0.976  0.886  0.928    246  271
    PERSON    0.850  0.773  0.810     60   66
    ORG       0.880  0.786  0.831     92  103
    place     0.949  0.860  0.902     78   86
    NORP      0.909  0.909  0.909     11   11
    FAC       0.800  0.800  0.800      5    5
    label accuracy on matched spans 0.917 (240 matched)

``i-`` goes from 0.948 / 0.915 to 0.954 / 0.921 ('Calif.', 'BUSINESS WIRE', 'Cisco', 'Sierra Nevada' now right),
``e-``, ``f-``, ``g-`` and ``h-`` are unchanged, the whole file goes from 0.958 / 0.943 to 0.962 /
0.948 (1,418 matched); both measured on a copy of the tree without other sessions' uncommitted edits.
``bench/sources.py`` is identical with and without the rules (source, cue, content 0.998, targets P 0.954 R 0.873),
and on the first 100 PTC train articles (``/work/notes/exp/ptc_names.py``) no name, attribution or quote changed
(6,123 mentions). Tried and left out: a word in a capitals headline that the place gazetteer knows as a place
('BRUSSELS', h-'s 'ARGENTINA': +2 matched) made 'DUBAI' the target of 'CORRUPT GOVERNOR FLEES TO DUBAI' in the
targets file (targets P 0.954 R 0.873 -> 0.950 R 0.870), and keeping a known outlet in a headline ('CNN') needs
``entities.py``, which another session had open. The 'its' rule also turned 'that Kiev was hiding its losses' from a
person into a body (a place either way wrong). Still wrong: the misses above less those fixed.

The batch ``k-`` (83 texts, 365 gold mentions) was committed alone (898728b) before propscope was run on it: one-word
firms and firms named like people (Rosatom, Ofgem, Ofwat, Ofcom, CGTN, Tesla, Gucci, Kenvue, Prada, Inditex, DeepSeek,
John Deere, Eli Lilly, Kimberly-Clark), people the model reads as bodies or places, names only in capitals and Title
Case headlines, natural features, Mar-a-Lago and towns joined by particles, titled officials ('Auditor-General X'),
Proud Boys, Tren de Aragua, MS-13, the Kremlin, Downing Street, the Élysée, the Quai d'Orsay, ministries, particle and
hyphenated surnames, dams and circuits, ships and events as non-names, from business, tech, Asian, African, Latin
American and European politics, sport, culture, war reporting and state media. The first run showed 9 mentions the
annotation had left out by mistake (the second 'Ofcom', 'Tesla' and 'Kenvue', the headline names); they were added
with no rule changed (18fe86e). Measured once on the completed gold before any rule was changed for it
(``.venv/bin/python bench/entities.py --prefix k- --errors``, rules of 898728b)::

    83 texts, 365 gold mentions, 2.96s for extract_batch
    label         P      R     F1   pred gold
    all       0.970  0.899  0.933    338  365
    PERSON    0.776  0.817  0.796     98   93
    ORG       0.835  0.723  0.775    103  119
    place     0.929  0.839  0.881    112  124
    NORP      0.737  0.875  0.800     19   16
    FAC       0.500  0.231  0.316      6   13
    label accuracy on matched spans 0.863 (328 matched)

The whole file (434 texts, 1,871 mentions) measured 0.956 / 0.932 (1,746 matched) at the same time. Fixed (tests in
other words in ``tests/test_entities.py``): a name whose capitalised words are joined by hyphens and lower-case
particles is one place ('Stratford-upon-Avon' and 'Bourton-on-the-Water' cut at the first hyphen, 'Mar-a-Lago' left
out; it is labelled a town unless the model found a place inside it); the tokenizer splits a sentence's full stop off
initials in mixed case ('the AfD.'); a name of two or three capitalised words with no body's or place's word listed with
people's full names only is a person ('Shinjiro Koizumi and Sanae Takaichi'; not 'Adolf Hitler and National Socialist
Germany' or a town in a list of towns); 'Dam' ends a facility; a person stopped at 'von der' or 'van den' takes the
surname after it ('Ursula von der' + 'Leyen' as a place). After (on a copy of HEAD with only these rules)::

    83 texts, 365 gold mentions, 5.90s for extract_batch
    label         P      R     F1   pred gold
    all       0.979  0.910  0.943    339  365
    PERSON    0.778  0.828  0.802     99   93
    ORG       0.853  0.731  0.787    102  119
    place     0.955  0.855  0.902    111  124
    NORP      0.737  0.875  0.800     19   16
    FAC       0.625  0.385  0.476      8   13
    label accuracy on matched spans 0.870 (332 matched)

``i-`` goes from 0.954 / 0.921 to 0.956 / 0.917 (one more matched: 'Mar-a-Lago', a town to the rule, an estate to the
gold), ``j-`` from 0.928 / 0.921 (240 matched) to 0.932 / 0.921 (241: 'AfD.'), ``e-`` to ``h-`` are unchanged, the
whole file goes from 0.956 / 0.932 to 0.959 / 0.933 (1,752 matched). Tried and left out: a two-word name read as a
person after 'in' as a town ('in Khan Younis'): on the PTC train articles it made places of Latin titles ('culminating
in Amoris Laetitia', 'present in Vultum Dei'). Still wrong: see docs/sources.md (one-word firms
with nothing around them that only a body does, people read as bodies with no list, title or pronoun to tell them,
natural features with no telling word, names only in a headline, Proud Boys, Fidesz, Sinn Féin, the Louvre).

The batch ``l-`` (80 texts, 347 gold mentions) was committed alone (3e1d058) before propscope was run on it: one-word
firms with and without a telling context and firms named like people (Estée Lauder, Ralph Lauren), non-Western people,
ministries after a nationality adjective (written as ``g-`` to ``j-`` write them: 'Russian' NORP, 'Defence Ministry'
ORG), parties and movements (Fidesz, Tisza, Reform UK, Proud Boys, Vox, Likud, Fine Gael, Extinction Rebellion),
rivers, lakes and mountains, names only in capitals or Title Case headlines, acronyms, bodies with 'of' (Bank of
England, Freedom Party of Austria, Archdiocese of Chicago), wire datelines, and non-names in capitals (sentence starts,
film and book titles, a named cyclone, a prize). Measured once before any rule was changed for it
(``.venv/bin/python bench/entities.py --prefix l- --errors``, rules of 3e1d058)::

    80 texts, 347 gold mentions, 6.28s for extract_batch
    label         P      R     F1   pred gold
    all       0.971  0.865  0.915    309  347
    PERSON    0.774  0.658  0.711     62   73
    ORG       0.863  0.688  0.765    102  128
    place     0.912  0.889  0.900    114  117
    NORP      0.720  0.750  0.735     25   24
    FAC       0.167  0.200  0.182      6    5
    label accuracy on matched spans 0.863 (300 matched)

The whole file (514 texts, 2,218 mentions) measured 0.952 / 0.923 (2,052 matched) at the same time. Fixed (tests in
other words in ``tests/test_entities.py``): a named storm ('Cyclone Alfred') is no name; 'Mont'/'Monte' and one more
word are a mountain; 'basin' and 'estuary' after a name make a natural feature; a role after adjectives in apposition
shows a person ('X, a presidential spokesman,'); 'its' before what a firm reports makes a firm of a two- or three-word
name ('Ralph Lauren raised its forecast'), and no 'its' in another clause with a subject of its own counts; a one-word
name the model left out, listed by 'and' with two more, one a firm, is a firm ('Nestlé, Unilever and Danone'); 'the X
nuclear plant' names a facility; a body's name goes on over 'of' and a place ('Freedom Party of Austria'); a palace
that speaks is its office; "X's owner" is a firm; capitalised words before 'activists'/'supporters'/'members', after
'members of' and before 'UK' are a body ('Reform UK'). After (on a copy of HEAD with only these rules)::

    80 texts, 347 gold mentions, 2.46s for extract_batch
    label         P      R     F1   pred gold
    all       0.984  0.879  0.928    310  347
    PERSON    0.845  0.671  0.748     58   73
    ORG       0.898  0.758  0.822    108  128
    place     0.938  0.906  0.922    113  117
    NORP      0.750  0.750  0.750     24   24
    FAC       0.286  0.400  0.333      7    5
    label accuracy on matched spans 0.892 (305 matched)

``e-`` 0.971 -> 0.973, ``h-`` 0.967 -> 0.972, ``k-`` label accuracy 0.870 -> 0.873, ``f-``, ``g-``, ``i-`` and ``j-``
unchanged; the 434 texts before ``l-`` 0.959 / 0.933 -> 0.961 / 0.934, the whole file 0.952 / 0.923 -> 0.956 / 0.928
(2,061 matched). Still wrong: see docs/sources.md (ministries' nationality adjectives,
kept whole on purpose; names only in a headline; people the model reads as bodies with nothing to tell them; one-word
firms and parties with nothing around them; rivers and peaks after 'the' with no telling word).

The batch ``m-`` (82 texts, 375 gold mentions) was committed alone (d22cd49) before propscope was run on it: religious
bodies and clergy (Holy See, Dicastery for Bishops, Russian Orthodox Church, Al-Azhar, Southern Baptist Convention),
named courts, politicians and parties of Central Asia, the Caucasus, the Balkans, the Nordic and Baltic states, Latin
America, the Pacific, Africa and South Asia, firms with '&' and dots (H&M, AT&T, Booking.com), one-word firms, acronyms
(SADC, IGAD, MONUSCO, BRICS, CARICOM), rivers, peaks, deserts, islands and straits after 'the', stadiums, hospitals,
crossings and a prison, clubs, names only in capitals or Title Case headlines, and non-names (a storm, a ship, a
rocket, 'the next Dalai Lama'). The first measurement showed the dateline 'VATICAN CITY (AP)' missing from the gold (a
slip of the writing script), added with no rule changed (846502f). Measured once before any rule was changed for it
(``.venv/bin/python bench/entities.py --prefix m- --errors``, rules of d22cd49, completed gold)::

    82 texts, 375 gold mentions, 12.90s for extract_batch
    label         P      R     F1   pred gold
    all       0.961  0.909  0.934    355  375
    PERSON    0.756  0.756  0.756     82   82
    ORG       0.752  0.798  0.774    121  114
    place     0.939  0.818  0.874    115  132
    NORP      0.929  0.765  0.839     28   34
    FAC       0.778  0.538  0.636      9   13
    label accuracy on matched spans 0.862 (341 matched)

The whole file (596 texts, 2,593 mentions) measured 0.953 / 0.918 (2,404 matched) at the same time. Fixed (a test in
other words in ``tests/test_entities.py``): a hyphenated name the gazetteer knows whole is one place, not a body named
after a place ('Guinea-Bissau', which the model cut into two places). After (on a copy of HEAD with only this rule)::

    82 texts, 375 gold mentions, 5.60s for extract_batch
    label         P      R     F1   pred gold
    all       0.961  0.909  0.934    355  375
    PERSON    0.756  0.756  0.756     82   82
    ORG       0.758  0.798  0.778    120  114
    place     0.940  0.826  0.879    116  132
    NORP      0.929  0.765  0.839     28   34
    FAC       0.778  0.538  0.636      9   13
    label accuracy on matched spans 0.865 (341 matched)

Every other batch is unchanged; the whole file 0.953 / 0.918 -> 0.953 / 0.919. Tried and left out: initials the tagger
reads as an adjective before a members' noun ('SADC leaders') made bodies of shouted adjectives ('FAKE officials',
'CORRUPT officials'); initials after a passive's 'by' ('cleared by SEBI') made one of 'attacked by THUGS'; a person the
model named by one word taking the capitalised words before it ('Samia Suluhu' + 'Hassan'; m- 0.937 / 0.865, k- 0.946,
'Imran Khan' whole) took common nouns on the PTC articles ('Team Bolton', 'Molester McCarrick', 'Staff STOCKHOLM',
'Democratic Broward'). Still wrong: see docs/sources.md (people the model reads as bodies with nothing to tell them,
eight here; rivers, peaks, deserts and islands with no telling word; one-word firms; names only in a headline;
initials of six or seven letters that act).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sources import extracted  # noqa: E402  (bench/sources.py, beside this file)

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "entities_eval.jsonl"
KINDS = ("PERSON", "ORG", "place", "NORP", "FAC")


def kind(label: str) -> str:
    """The label as the page shows it: GPE and LOC are both a "place"."""
    return "place" if label in {"GPE", "LOC"} else label


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Overlap of two spans if it is at least half the longer one, else 0."""
    ov = min(a[1], b[1]) - max(a[0], b[0])
    return ov if ov > 0 and ov * 2 >= max(a[1] - a[0], b[1] - b[0]) else 0


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one ``(pred index, gold index)`` pairs, largest overlap first."""
    pairs = sorted(((ov, i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if (ov := _overlap(p, g))),
                   reverse=True)
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def prf(right: int, n_pred: int, found: int, n_gold: int) -> tuple[float, float, float]:
    p = right / n_pred if n_pred else 1.0
    r = found / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(rows: list[dict], results) -> dict[str, dict[str, float]]:
    """``{"all": {...}, KIND: {...}}`` with p, r, f1, pred, gold; "all" adds ``label_acc`` and ``matched``."""
    c = {k: {"tp": 0, "pred": 0, "gold": 0} for k in ("all", *KINDS)}
    agree = 0
    for row, res in zip(rows, results):
        pred = [((e.start, e.end), kind(e.label)) for e in res.entities]
        gold = [((g["start"], g["end"]), kind(g["label"])) for g in row["entities"]]
        pairs = match([p for p, _ in pred], [g for g, _ in gold])
        c["all"]["tp"] += len(pairs)
        c["all"]["pred"] += len(pred)
        c["all"]["gold"] += len(gold)
        for _, k in pred:
            c.setdefault(k, {"tp": 0, "pred": 0, "gold": 0})["pred"] += 1
        for _, k in gold:
            c.setdefault(k, {"tp": 0, "pred": 0, "gold": 0})["gold"] += 1
        for i, j in pairs:
            if pred[i][1] == gold[j][1]:
                agree += 1
                c[pred[i][1]]["tp"] += 1
    out = {}
    for k, v in c.items():
        p, r, f1 = prf(v["tp"], v["pred"], v["tp"], v["gold"])
        out[k] = {"p": p, "r": r, "f1": f1, "pred": v["pred"], "gold": v["gold"]}
    out["all"]["matched"] = c["all"]["tp"]
    out["all"]["label_acc"] = agree / c["all"]["tp"] if c["all"]["tp"] else 1.0
    return out


def errors(rows: list[dict], results) -> None:
    """Print, per text, the gold mentions missed or mislabelled and the predictions that match nothing."""
    for row, res in zip(rows, results):
        t = row["text"]
        pred = [(e.start, e.end, e.label) for e in res.entities]
        gold = [(g["start"], g["end"], g["label"]) for g in row["entities"]]
        pairs = match([p[:2] for p in pred], [g[:2] for g in gold])
        lines = [f"  missed  {g[2]:<6} [{t[g[0]:g[1]]}]" for j, g in enumerate(gold) if j not in {b for _, b in pairs}]
        lines += [f"  label   [{t[gold[j][0]:gold[j][1]]}] gold {gold[j][2]} pred {pred[i][2]}"
                  for i, j in pairs if kind(pred[i][2]) != kind(gold[j][2])]
        lines += [f"  extra   {p[2]:<6} [{t[p[0]:p[1]]}]" for i, p in enumerate(pred) if i not in {a for a, _ in pairs}]
        if lines:
            print(f"--- {row['id']}: {t[:90]!r}")
            print("\n".join(lines))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--prefix", default=None, help="only the texts whose id starts with this (e.g. e-)")
    ap.add_argument("--errors", action="store_true", help="list the misses, wrong labels and extra names")
    args = ap.parse_args()
    rows, results, dt = extracted(args.data, args.prefix)
    if not all(isinstance(r.get("entities"), list) for r in rows):
        sys.exit(f"bench/entities.py: {args.data}: each line needs 'text' and 'entities'")
    s = evaluate(rows, results)
    a = s["all"]
    print(f"{len(rows)} texts, {a['gold']} gold mentions, {dt:.2f}s for extract_batch")
    print(f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6}   pred gold")
    for k in ("all", *KINDS, *sorted(set(s) - {"all", *KINDS})):
        v = s[k]
        print(f"{k:<8} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f}   {v['pred']:4d} {v['gold']:4d}")
    print(f"label accuracy on matched spans {a['label_acc']:.3f} ({a['matched']} matched)")
    if args.errors:
        errors(rows, results)


if __name__ == "__main__":
    main()
