"""Word lists the rules share: verbs of saying, titles, document nouns, pronouns, speakers who name
nobody, news outlets and the common nouns for people and bodies that speak. They sit below every
rule module so that the model, span, attribution and linking rules read one list each, and no module
imports a higher one for a word list."""

from __future__ import annotations

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

# Verbs of saying/reporting (lemmas). Cognition verbs (think, believe) are left out on purpose: they
# report attitudes, not statements, and "It is believed that" has no source. "opine" and "aver" are
# the Indian and Nigerian wire's "say"; "rule" is a court's or referee's ("the court ruled that ...");
# "submit" is counsel's ("submitted that the confession was obtained under duress"), with a 'that' clause only;
# so is "advise" (an agency 'advised that ...'; 'advised residents to leave' is advice, not a statement).
# "specify" is translated copy's word for a detail given ('As the governor specified on Telegram, ...');
# "underscore" is wire copy's "underline" ('X underscored that ...'; a noun object alone reports nothing);
# "reaffirm" is state media's "reiterate" ('Li reaffirmed that China would ...').
# Raised voices are speech too: a crowd's chant or a heckler's shout is what partisan copy quotes most
# ('"Traitors out!" the crowd chanted'); "cry" is left out, as it is mostly weeping.
SPEECH_LEMMAS = frozenset("""
say tell report argue warn reveal claim state add note explain insist allege announce assert declare write
tweet confirm deny suggest stress emphasize emphasise acknowledge admit comment remark predict conclude
estimate answer reply respond caution contend maintain testify recall mention disclose inform complain boast
vow promise pledge threaten observe concede lament charge retort speculate hint indicate point reiterate
assure underline proclaim repeat clarify ask counter rebut recount post opine aver rule quip joke submit
advise shout yell chant scream specify underscore reaffirm
""".split())
# Verbs of thought and perception: after a quotation they tag no statement ('“Why now?” she wondered', '“...,” the
# court heard'), unlike verbs of manner ('“Never again,” she snapped'), which take a quote's speaker.
NOT_SAID = frozenset("""
think believe know feel hope fear wonder realise realize guess suppose imagine decide figure remember forget
understand expect want wish hear see notice read learn dream pray
""".split())
# Inflected forms, for when the tagger mislabels a verb (headlines: "..., Shoigu warns").
SPEECH_FORMS = frozenset(
    f for lem in SPEECH_LEMMAS for f in (lem, lem + "s", lem + "es", lem + "ed", lem + "d", lem + "ing")
) | frozenset({"said", "says", "told", "wrote", "written", "writes"})

TITLES = frozenset("""
president vice mr mrs ms miss dr prof professor sen senator rep representative gov governor gen general
col colonel capt captain lt lieutenant sgt sergeant adm admiral maj major minister prime secretary chancellor
king queen prince princess pope rev reverend sir lord lady judge justice mayor ambassador chairman chairwoman
chair ceo director commissioner spokesman spokeswoman spokesperson premier sheikh emir president-elect
former late deputy foreign defense defence interior finance state st.
""".replace(".", "").split())

# Nouns naming a document or statement: "according to a report by X" cites X, not the report (an audit, inquiry
# or review by a body is the body's). An outlet's editorial or commentary stays its own source ('editorial in the
# Global Times', 'Xinhua commentary'), so those two are not here.
DOC_NOUNS = frozenset("""
report statement article interview survey study poll analysis investigation story documents document release
communique communiqué letter post tweet broadcast bulletin briefing transcript footage video memo dossier
figures data statistics estimates findings filing records logs email emails minutes audit inquiry review
""".split())

PRONOUNS = frozenset({"he", "she", "they", "it"})
# Speakers that name nobody outside their own article: an unresolved "he said" or "some argue".
# Each stays on its article's page, where its sentence gives it meaning; counted across a corpus,
# "he" would top every table of most cited sources.
UNNAMED = frozenset("""
i me we us you he him she her they them it one some someone somebody others other many most few
who this that these those everyone everybody anyone anybody nobody all both each either neither
interviewee interviewer
""".split())
_PERSON_PRONOUNS = frozenset({"he", "she"})

# Outlets and platforms the small model often mislabels (RT as PERSON, Twitter as PERSON, Politico as PERSON).
# Adding them as ORG is domain knowledge for news, not a fix for particular texts. A "The X" entry also
# matches "X" alone, so an outlet whose name without "The" is a common word or a surname ("The Hill", "The
# Atlantic", "The Sun") is left out, as are names that are also words or parties ("Time", "Crux", "Vox").
OUTLETS = (
    "RT", "RT News", "TASS", "Sputnik", "Sputnik News", "RIA Novosti", "Interfax", "Xinhua", "Reuters", "AP",
    "AFP", "Associated Press", "Agence France-Presse", "BBC", "CNN", "MSNBC", "Fox News", "Al Jazeera",
    "Bloomberg", "The Guardian", "The New York Times", "The Washington Post", "The Wall Street Journal",
    "Worldnet Daily", "WND", "Breitbart", "Breitbart News", "Infowars", "Twitter", "Facebook", "YouTube",
    "Telegram", "Kremlin", "Pentagon", "NATO", "UN", "EU",
    # US and British outlets, partisan sites among them
    "Politico", "Axios", "NPR", "PBS", "CBS News", "NBC News", "ABC News", "CNBC", "Newsweek", "USA Today",
    "Los Angeles Times", "New York Post", "Daily Caller", "Daily Caller News Foundation", "Daily Wire",
    "Daily Beast", "Daily Mail", "HuffPost", "BuzzFeed News", "Washington Times", "Washington Examiner",
    "National Review", "Newsmax", "Zero Hedge", "ZeroHedge", "Gateway Pundit", "Drudge Report", "LifeSiteNews",
    "Jihad Watch", "Sky News", "Financial Times",
    # state and foreign media
    "Global Times", "CGTN", "China Daily", "Press TV", "PressTV", "teleSUR", "Al Arabiya", "Al Mayadeen",
    "Deutsche Welle", "France 24", "Euronews", "Anadolu Agency", "IRNA", "Tasnim", "KCNA", "Yonhap", "Kyodo",
    "Voice of America", "Radio Free Europe", "Meduza", "Novaya Gazeta", "Kommersant", "Izvestia", "Haaretz",
    "Jerusalem Post", "Times of Israel",
)

_OUTLET_NAMES = frozenset(OUTLETS)


# Common nouns for people and bodies that speak in headlines ('Prosecutors: ...', 'Health ministry: ...')
# and before a colon in copy, and the generic labels of broadcast transcripts ('UNIDENTIFIED MALE:',
# 'NARRATOR:', 'Reporter:', an earnings call's 'Operator:', a panel's 'Moderator:'); titles (TITLES) count too.
_SPEAKER_NOUNS = frozenset("""
police prosecutor prosecutors official officials expert experts scientist scientists doctor doctors analyst analysts
researcher researchers investigator investigators witness witnesses resident residents economist economists lawyer
lawyers activist activists officer officers ministry ministries army military government authorities union unions
leader leaders head chief spokesman spokeswoman spokesperson coach captain manager teacher nurse nurses farmer
farmers worker workers campaigner campaigners critic critics victim victims survivor survivors
man woman male female speaker voice narrator announcer reporter correspondent anchor host presenter interviewer
operator moderator
""".split())
